"""Word lists of the scaled catalogue (`shop.demo.scale`): producers and products of the Lot.

Each family of producers follows a demo producer (its activity, chamber and own titles) and
makes kinds of products; each kind follows a demo product (its food information, claims and
photo) and is named and described in French and English from these lists.
"""

from dataclasses import dataclass

from shop.demo.data import Text


@dataclass(frozen=True)
class Kind:
    """A kind of product: `template` is the slug of the demo product it follows."""

    template: str
    names: tuple[Text, ...]
    description: Text


@dataclass(frozen=True)
class Family:
    """A kind of producer: `template` is the slug of the demo producer it follows."""

    template: str
    weight: int
    prefixes: tuple[str, ...]
    story: Text
    kinds: tuple[Kind, ...]


def _texts(*pairs: tuple[str, str]) -> tuple[Text, ...]:
    return tuple(Text(fr, en) for fr, en in pairs)


def _items(text: str) -> tuple[str, ...]:
    """The items of a list written "a, b, c"."""
    return tuple(text.split(", "))


# Real towns of the Lot with their postcodes: (town, postcode).
LOT_TOWNS = tuple(
    (town[:-6], town[-5:])
    for town in _items(
        "Cahors 46000, Figeac 46100, Gourdon 46300, Souillac 46200, Gramat 46500, "
        "Rocamadour 46500, Saint-Céré 46400, Martel 46600, Puy-l'Évêque 46700, "
        "Lalbenque 46230, Cajarc 46160, Luzech 46140, Prayssac 46220, "
        "Castelnau-Montratier 46170, Labastide-Murat 46240, Bretenoux 46130, "
        "Lacapelle-Marival 46120, Latronquière 46210, Montcuq-en-Quercy-Blanc 46800, "
        "Catus 46150, Salviac 46340, Vayrac 46110, Limogne-en-Quercy 46260, Payrac 46350, "
        "Saint-Cirq-Lapopie 46330, Assier 46320, Cazals 46250, Lauzès 46360, Carennac 46110, "
        "Capdenac 46100, Bagnac-sur-Célé 46270, Sousceyrac-en-Quercy 46190, Alvignac 46500, "
        "Montfaucon 46240"
    )
)

# Places (lieux-dits) producers are named after.
PLACES = _items(
    "la Combe, Lascombes, Pech Merle, la Borie, las Cazes, la Garrigue, Bel-Air, "
    "la Font Haute, Mas del Pech, la Croix Blanche, Cantegrel, la Bouriette, Lacoste, "
    "Peyrelevade, las Vignes, la Pradelle, Cayrou, Camp Grand, la Séoune, Roquefort"
)

# Legal forms by activity (ActivityKind values).
LEGAL_FORMS = {
    "farm": ("EARL", "GAEC", "SCEA"),
    "craft": ("EI", "SARL", "SAS"),
    "trade": ("SARL", "SAS", "EURL"),
}

# Product names: `{base}` is the kind's name; `{of_town}` is "de Figeac" or "d'Assier";
# `{town}`, `{place}` and `{seller}` are the producer's.
NAMES = _texts(
    ("{base} {of_town}", "{base} from {town}"),
    ("{base}, sélection {seller}", "{base}, {seller} selection"),
    ("{base}, cuvée {place}", "{base}, {place} batch"),
    ("{base} du causse", "{base} from the limestone plateau"),
    ("{base} de la vallée du Lot", "{base} from the Lot valley"),
)

CLOSINGS = _texts(
    ("Produit par {seller}, à {town}.", "Made by {seller} in {town}."),
    ("Une spécialité {of_town}, dans le Lot.", "A speciality of {town}, in the Lot."),
    ("Du Quercy à votre table, sans intermédiaire.", "From the Quercy to your table, direct."),
)

# Variants beyond the first: (name, multiple of the first variant).
PACKS = (
    (Text("Lot de 2", "Pack of 2"), 2),
    (Text("Lot de 4", "Pack of 4"), 4),
    (Text("Lot de 6", "Pack of 6"), 6),
)
SINGLE = Text("À l'unité", "Single")

FAMILIES = (
    Family(
        "chevrerie-du-causse",
        2,
        ("Chèvrerie", "Ferme", "Fromagerie"),
        Text("Un troupeau de chèvres sur le causse.", "A herd of goats on the plateau."),
        (
            Kind(
                "rocamadour-aop",
                _texts(
                    ("Rocamadour AOP", "Rocamadour PDO cheese"),
                    ("Rocamadour AOP affiné", "Ripened Rocamadour PDO cheese"),
                    ("Rocamadour AOP frais", "Fresh Rocamadour PDO cheese"),
                ),
                Text("Palet de chèvre au lait cru, moulé à la louche.", "Raw goat's milk disc."),
            ),
            Kind(
                "rocamadour-aop-plateau-de-6",
                _texts(
                    ("Plateau de Rocamadour AOP", "Rocamadour PDO cheese tray"),
                    ("Assortiment de Rocamadour AOP", "Rocamadour PDO cheese selection"),
                ),
                Text("Des Rocamadour à plusieurs affinages.", "Rocamadour at several ripenings."),
            ),
        ),
    ),
    Family(
        "domaine-de-la-combe-haute",
        3,
        ("Domaine", "Château", "Clos"),
        Text("Des vignes de Malbec en terrasses.", "Terraced Malbec vines."),
        (
            Kind(
                "cahors-tradition",
                _texts(
                    ("Cahors AOP Tradition", "Cahors PDO Tradition"),
                    ("Cahors AOP Malbec", "Cahors PDO Malbec"),
                ),
                Text("Le vin noir du Malbec, fruité.", "Malbec's black wine, fruity."),
            ),
            Kind(
                "cahors-grande-cuvee",
                _texts(
                    ("Cahors AOP Grande Cuvée", "Cahors PDO Grande Cuvée"),
                    ("Cahors AOP élevé en fût", "Oak-aged Cahors PDO"),
                ),
                Text("Un Cahors de garde, élevé en fût.", "A Cahors for keeping, oak-aged."),
            ),
            Kind(
                "cotes-du-lot-rose",
                _texts(("Côtes du Lot IGP rosé", "Côtes du Lot PGI rosé")),
                Text("Un rosé frais des coteaux.", "A fresh rosé from the hillsides."),
            ),
            Kind(
                "cotes-du-lot-blanc",
                _texts(("Côtes du Lot IGP blanc", "Côtes du Lot PGI white")),
                Text("Un blanc vif et floral.", "A lively, floral white."),
            ),
        ),
    ),
    Family(
        "domaine-des-pechs",
        1,
        ("Domaine", "Mas"),
        Text("Un petit domaine bio du Quercy blanc.", "A small organic estate."),
        (
            Kind(
                "coteaux-du-quercy-rouge",
                _texts(("Coteaux du Quercy AOC rouge, bio", "Coteaux du Quercy AOC red, organic")),
                Text("Cabernet franc et Malbec, en bio.", "Cabernet franc and Malbec, organic."),
            ),
            Kind(
                "coteaux-du-quercy-rose",
                _texts(("Coteaux du Quercy AOC rosé", "Coteaux du Quercy AOC rosé")),
                Text("Un rosé de saignée, gourmand.", "A generous saignée rosé."),
            ),
        ),
    ),
    Family(
        "noyeraie-de-martel",
        3,
        ("Noyeraie", "Ferme", "Moulin"),
        Text("Des noyers Franquette et Marbot.", "Franquette and Marbot walnut trees."),
        (
            Kind(
                "cerneaux-de-noix-du-perigord-aop",
                _texts(
                    ("Cerneaux de noix du Périgord AOP", "Noix du Périgord PDO walnut kernels"),
                    ("Cerneaux de noix Franquette AOP", "Franquette PDO walnut kernels"),
                ),
                Text("Des cerneaux clairs triés à la main.", "Pale kernels sorted by hand."),
            ),
            Kind(
                "noix-du-perigord-aop-1-kg",
                _texts(
                    ("Noix sèches du Périgord AOP", "Noix du Périgord PDO dry walnuts"),
                    ("Noix Marbot AOP", "Marbot PDO walnuts"),
                    ("Noix entières du Périgord AOP", "Noix du Périgord PDO whole walnuts"),
                ),
                Text("Des noix en coque séchées à l'air.", "Air-dried walnuts in the shell."),
            ),
            Kind(
                "fraises-du-perigord-igp",
                _texts(("Fraises du Périgord IGP", "Fraise du Périgord PGI strawberries")),
                Text("Des fraises cueillies à maturité.", "Strawberries picked ripe."),
            ),
        ),
    ),
    Family(
        "safraniere-de-cajarc",
        1,
        ("Safranière", "Jardin"),
        Text("Du crocus cueilli à l'aube.", "Crocus picked at dawn."),
        (
            Kind(
                "safran-du-quercy-0-5-g",
                _texts(
                    ("Safran du Quercy en filaments", "Quercy saffron threads"),
                    ("Pistils de safran du Quercy", "Quercy saffron stigmas"),
                ),
                Text("Des filaments séchés doucement.", "Gently dried threads."),
            ),
        ),
    ),
    Family(
        "truffiere-des-chenes-verts",
        2,
        ("Truffière", "Domaine"),
        Text("Des chênes truffiers sur le causse.", "Truffle oaks on the plateau."),
        (
            Kind(
                "truffe-noire-fraiche-50-g",
                _texts(
                    ("Truffe noire fraîche du Quercy", "Fresh Quercy black truffle"),
                    ("Truffe melanosporum du Quercy", "Quercy Tuber melanosporum"),
                ),
                Text("Cavée au chien, brossée à la main.", "Found by the dog, brushed by hand."),
            ),
            Kind(
                "brisures-de-truffe-noire",
                _texts(
                    ("Brisures de truffe noire", "Black truffle pieces"),
                    ("Pelures de truffe noire", "Black truffle peelings"),
                ),
                Text("Pour parfumer omelettes et sauces.", "To scent omelettes and sauces."),
            ),
        ),
    ),
    Family(
        "bergerie-de-la-caussenarde",
        1,
        ("Bergerie", "Ferme"),
        Text("Des brebis caussenardes en plein air.", "Caussenarde ewes outdoors."),
        (
            Kind(
                "gigot-d-agneau-du-quercy",
                _texts(("Gigot d'agneau du Quercy IGP", "Agneau du Quercy PGI leg")),
                Text("Un agneau de lait élevé sous la mère.", "Milk-fed lamb."),
            ),
            Kind(
                "cotelettes-d-agneau-du-quercy",
                _texts(
                    ("Côtelettes d'agneau du Quercy IGP", "Agneau du Quercy PGI chops"),
                    ("Épaule d'agneau du Quercy IGP", "Agneau du Quercy PGI shoulder"),
                ),
                Text("À griller ou à rôtir.", "To grill or roast."),
            ),
        ),
    ),
    Family(
        "ferme-du-pigeonnier",
        2,
        ("Ferme", "Conserverie"),
        Text("Des canards élevés en plein air.", "Free-range ducks."),
        (
            Kind(
                "foie-gras-de-canard-entier-igp",
                _texts(
                    ("Foie gras de canard entier IGP", "Whole duck foie gras PGI"),
                    ("Bloc de foie gras de canard IGP", "Duck foie gras block PGI"),
                ),
                Text("Mi-cuit, à servir frais.", "Lightly cooked, served chilled."),
            ),
            Kind(
                "confit-de-canard-4-cuisses",
                _texts(
                    ("Confit de canard IGP", "Duck confit PGI"),
                    ("Gésiers de canard confits IGP", "Confit duck gizzards PGI"),
                ),
                Text("Cuit lentement dans sa graisse.", "Slow-cooked in its own fat."),
            ),
        ),
    ),
    Family(
        "jardins-du-quercy-blanc",
        1,
        ("Jardins", "Vergers"),
        Text("Des melons sur les coteaux calcaires.", "Melons on chalky hillsides."),
        (
            Kind(
                "melon-du-quercy-igp",
                _texts(("Melon du Quercy IGP", "Melon du Quercy PGI")),
                Text("Charentais sucré, cueilli du jour.", "Sweet Charentais, picked today."),
            ),
        ),
    ),
    Family(
        "epicerie-du-pont-valentre",
        3,
        ("Épicerie", "Comptoir", "Maison"),
        Text("Les trésors du garde-manger quercynois.", "Treasures of the Quercy pantry."),
        (
            Kind(
                "gateau-aux-noix",
                _texts(
                    ("Gâteau aux noix du Quercy", "Quercy walnut cake"),
                    ("Tarte aux noix", "Walnut tart"),
                ),
                Text("Une recette de grand-mère aux noix.", "A grandmother's walnut recipe."),
            ),
            Kind(
                "miel-de-chataignier",
                _texts(
                    ("Miel de châtaignier", "Chestnut honey"),
                    ("Miel de fleurs du causse", "Plateau wildflower honey"),
                ),
                Text("Un miel de caractère.", "A honey with character."),
            ),
            Kind(
                "vin-de-noix",
                _texts(("Vin de noix du Quercy", "Quercy walnut wine")),
                Text("Noix vertes macérées dans le vin.", "Green walnuts steeped in wine."),
            ),
            Kind(
                "safran-du-quercy-1-g",
                _texts(("Safran du Quercy", "Quercy saffron")),
                Text("Le safran des causses.", "Saffron of the plateaux."),
            ),
        ),
    ),
    Family(
        "atelier-terre-de-segala",
        1,
        ("Atelier", "Poterie"),
        Text("Grès tourné et émaillé à la main.", "Stoneware thrown and glazed by hand."),
        (
            Kind(
                "bol-en-gres-du-causse",
                _texts(("Bol en grès", "Stoneware bowl"), ("Tasse en grès", "Stoneware cup")),
                Text("Émaillé aux couleurs du causse.", "Glazed in plateau colours."),
            ),
            Kind(
                "pichet-en-gres",
                _texts(("Pichet en grès", "Stoneware jug"), ("Vase en faïence", "Faience vase")),
                Text("Tourné à la main.", "Hand-thrown."),
            ),
        ),
    ),
    Family(
        "coutellerie-du-cele",
        1,
        ("Coutellerie", "Forge"),
        Text("Des lames forgées à la main.", "Hand-forged blades."),
        (
            Kind(
                "couteau-le-quercynois",
                _texts(
                    ("Couteau de poche", "Pocket knife"),
                    ("Couteau pliant, manche en noyer", "Folding knife, walnut handle"),
                ),
                Text("Lame en acier forgé.", "Forged steel blade."),
            ),
            Kind(
                "couteau-a-truffe",
                _texts(("Couteau à truffe", "Truffle knife")),
                Text("Pour cueillir et brosser la truffe.", "To lift and brush truffles."),
            ),
        ),
    ),
    Family(
        "atelier-cuir-du-causse",
        1,
        ("Atelier", "Sellerie"),
        Text("Du cuir tanné végétal, cousu main.", "Vegetable-tanned leather, hand-sewn."),
        (
            Kind(
                "ceinture-en-cuir",
                _texts(("Ceinture en cuir", "Leather belt"), ("Sac en cuir", "Leather bag")),
                Text("Cousu au point sellier.", "Saddle-stitched."),
            ),
            Kind(
                "porte-cartes-en-cuir",
                _texts(("Porte-cartes en cuir", "Leather card holder")),
                Text("Cuir pleine fleur.", "Full-grain leather."),
            ),
        ),
    ),
    Family(
        "tournerie-de-la-lapopie",
        1,
        ("Tournerie", "Atelier"),
        Text("Noyer et buis tournés.", "Turned walnut and boxwood."),
        (
            Kind(
                "planche-a-decouper-en-noyer",
                _texts(("Planche à découper en noyer", "Walnut chopping board")),
                Text("Huilée à l'huile de noix.", "Finished with walnut oil."),
            ),
            Kind(
                "saladier-en-noyer",
                _texts(("Saladier en noyer", "Walnut salad bowl"), ("Coupe en buis", "Box bowl")),
                Text("Tourné dans une seule pièce.", "Turned from a single piece."),
            ),
        ),
    ),
)
