"""Demo producers: farms, craft workshops and a shop of the Lot (invented businesses, real towns).

Their SIRET numbers are invented (see `shop.demo.loader.demo_siret`); craft titles are claims of
the seller itself, not of one product.
"""

from producers.models import ActivityKind
from shop.demo.data import ClaimSpec, ProducerSpec, Text

CMA_LOT = "Chambre de Métiers et de l'Artisanat du Lot"

PRODUCERS = (
    ProducerSpec(
        slug="chevrerie-du-causse",
        name="Chèvrerie du Causse",
        legal_name="EARL Chèvrerie du Causse",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit La Combe Fraîche",
        postcode="46500",
        town="Rocamadour",
        serial=1,
        pickup_place="À la fromagerie, Lieu-dit La Combe Fraîche, Rocamadour",
        pickup_days=Text(
            "mercredi et samedi, de 9 h à 12 h", "Wednesdays and Saturdays, 9am to noon"
        ),
        story=Text(
            "Jeanne et Paul élèvent cent vingt chèvres alpines sur le causse de Gramat. Le lait "
            "cru est moulé à la louche chaque matin et devient Rocamadour AOP en quelques jours.",
            "Jeanne and Paul keep a hundred and twenty Alpine goats on the Gramat plateau. The "
            "raw milk is ladled into moulds every morning and becomes Rocamadour PDO within days.",
        ),
    ),
    ProducerSpec(
        slug="domaine-de-la-combe-haute",
        name="Domaine de la Combe Haute",
        legal_name="SCEA Domaine de la Combe Haute",
        activity=ActivityKind.FARM,
        address_line="Route des Vignes",
        postcode="46700",
        town="Puy-l'Évêque",
        serial=2,
        story=Text(
            "Vingt hectares de Malbec sur les terrasses de la vallée du Lot, travaillés par la "
            "même famille depuis quatre générations.",
            "Twenty hectares of Malbec on the terraces of the Lot valley, tended by the same "
            "family for four generations.",
        ),
    ),
    ProducerSpec(
        slug="domaine-des-pechs",
        name="Domaine des Pechs",
        legal_name="EARL Domaine des Pechs",
        activity=ActivityKind.FARM,
        address_line="Chemin des Pechs",
        postcode="46230",
        town="Cieurac",
        serial=3,
        story=Text(
            "Sur les collines calcaires du Quercy blanc, un petit domaine en agriculture "
            "biologique qui vinifie rouges et rosés en Coteaux du Quercy.",
            "On the chalky hills of the white Quercy, a small organic estate making Coteaux du "
            "Quercy reds and rosés.",
        ),
    ),
    ProducerSpec(
        slug="noyeraie-de-martel",
        name="La Noyeraie de Martel",
        legal_name="GAEC de la Noyeraie",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit Les Grands Noyers",
        postcode="46600",
        town="Martel",
        serial=4,
        story=Text(
            "Des noyers Franquette et Marbot plantés par le grand-père, des fraises au printemps : "
            "la ferme vit au rythme du Haut-Quercy.",
            "Franquette and Marbot walnut trees planted by grandfather, strawberries in spring: "
            "the farm lives at the pace of the upper Quercy.",
        ),
    ),
    ProducerSpec(
        slug="safraniere-de-cajarc",
        name="La Safranière de Cajarc",
        legal_name="Safranière de Cajarc EI",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit Le Mas del Sol",
        postcode="46160",
        town="Cajarc",
        serial=5,
        story=Text(
            "Chaque automne, Lucie cueille à l'aube les fleurs de crocus et émonde les stigmates "
            "à la main : il faut environ 150 fleurs pour un gramme de safran.",
            "Every autumn Lucie picks the crocus flowers at dawn and removes the stigmas by hand: "
            "it takes about 150 flowers to make one gram of saffron.",
        ),
    ),
    ProducerSpec(
        slug="truffiere-des-chenes-verts",
        name="Truffière des Chênes Verts",
        legal_name="EARL des Chênes Verts",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit Les Chênes Verts",
        postcode="46230",
        town="Lalbenque",
        serial=6,
        story=Text(
            "Des chênes truffiers plantés il y a trente ans et une chienne, Praline, qui cave "
            "de décembre à mars pour le marché de Lalbenque.",
            "Truffle oaks planted thirty years ago and a dog, Praline, who hunts from December "
            "to March for the Lalbenque market.",
        ),
    ),
    ProducerSpec(
        slug="bergerie-de-la-caussenarde",
        name="Bergerie de la Caussenarde",
        legal_name="GAEC de la Caussenarde",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit Le Pech Blanc",
        postcode="46500",
        town="Gramat",
        serial=7,
        story=Text(
            "Un troupeau de brebis Caussenardes aux lunettes noires, sous la mère au moins "
            "soixante-dix jours, puis sur les pelouses sèches du causse.",
            "A flock of Caussenarde ewes with black 'spectacles'; lambs suckle their mothers for "
            "at least seventy days, then graze the dry grassland of the plateau.",
        ),
    ),
    ProducerSpec(
        slug="ferme-du-pigeonnier",
        name="Ferme du Pigeonnier",
        legal_name="EARL Ferme du Pigeonnier",
        activity=ActivityKind.FARM,
        address_line="Lieu-dit Le Pigeonnier",
        postcode="46200",
        town="Souillac",
        serial=8,
        story=Text(
            "Canards élevés en plein air, gavés au maïs de la ferme et transformés sur place, "
            "dans la conserverie voisine du pigeonnier.",
            "Free-range ducks fattened on the farm's own maize and prepared on site, in the "
            "cannery next to the dovecote.",
        ),
    ),
    ProducerSpec(
        slug="jardins-du-quercy-blanc",
        name="Les Jardins du Quercy Blanc",
        legal_name="SCEA Les Jardins du Quercy Blanc",
        activity=ActivityKind.FARM,
        address_line="Route de Lauzerte",
        postcode="46800",
        town="Montcuq-en-Quercy-Blanc",
        serial=9,
        story=Text(
            "Des melons cueillis à la main au petit matin, quand le pédoncule se détache tout "
            "seul : c'est le signe qu'ils sont mûrs.",
            "Melons picked by hand early in the morning, when the stalk comes away by itself: "
            "the sign that they are ripe.",
        ),
    ),
    ProducerSpec(
        slug="epicerie-du-pont-valentre",
        name="Épicerie du Pont Valentré",
        legal_name="SARL Épicerie du Pont Valentré",
        activity=ActivityKind.TRADE,
        address_line="8 rue des Noyers",
        postcode="46000",
        town="Cahors",
        serial=10,
        pickup_place="8 rue des Noyers, Cahors",
        pickup_days=Text("du mardi au samedi, de 10 h à 19 h", "Tuesday to Saturday, 10am to 7pm"),
        story=Text(
            "Une épicerie fine au pied du pont médiéval, qui sélectionne miels, gâteaux et "
            "apéritifs auprès des petites maisons du Lot.",
            "A delicatessen at the foot of the medieval bridge, choosing honey, cakes and "
            "aperitifs from the small houses of the Lot.",
        ),
    ),
    ProducerSpec(
        slug="atelier-terre-de-segala",
        name="Atelier Terre de Ségala",
        legal_name="Atelier Terre de Ségala EI",
        activity=ActivityKind.CRAFT,
        address_line="3 rue des Potiers",
        postcode="46400",
        town="Saint-Céré",
        serial=11,
        story=Text(
            "Une potière qui tourne le grès et l'émaille aux couleurs du causse : ocre, gris "
            "calcaire et vert des chênes.",
            "A potter who throws stoneware and glazes it in the colours of the plateau: ochre, "
            "limestone grey and oak green.",
        ),
        claims=(
            ClaimSpec(
                "artisan-d-art",
                "Répertoire national des entreprises (RNE)",
                CMA_LOT,
                "DEMO-CMA46-ADA-0311",
                900,
            ),
        ),
    ),
    ProducerSpec(
        slug="coutellerie-du-cele",
        name="Coutellerie du Célé",
        legal_name="SARL Coutellerie du Célé",
        activity=ActivityKind.CRAFT,
        address_line="14 rue de la Forge",
        postcode="46100",
        town="Figeac",
        serial=12,
        story=Text(
            "Mathieu forge ses lames au carbone et monte des manches en noyer et en buis du "
            "Quercy, une pièce à la fois.",
            "Mathieu forges carbon-steel blades and fits handles of Quercy walnut and boxwood, "
            "one piece at a time.",
        ),
        claims=(
            ClaimSpec(
                "maitre-artisan",
                "Répertoire national des entreprises (RNE)",
                CMA_LOT,
                "DEMO-CMA46-MA-0127",
                1200,
            ),
            ClaimSpec(
                "epv",
                "Label Entreprise du Patrimoine Vivant",
                "Ministère de l'Économie (label EPV)",
                "DEMO-EPV-2024-0458",
                1400,
            ),
        ),
    ),
    ProducerSpec(
        slug="atelier-cuir-du-causse",
        name="Atelier Cuir du Causse",
        legal_name="Atelier Cuir du Causse EI",
        activity=ActivityKind.CRAFT,
        address_line="Place de la Halle",
        postcode="46260",
        town="Limogne-en-Quercy",
        serial=13,
        story=Text(
            "Ceintures et petite maroquinerie en cuir tanné végétal, coupées et cousues main au "
            "point sellier.",
            "Belts and small leather goods in vegetable-tanned leather, cut and saddle-stitched "
            "by hand.",
        ),
        claims=(
            ClaimSpec(
                "artisan",
                "Répertoire national des entreprises (RNE)",
                CMA_LOT,
                "DEMO-CMA46-ART-0562",
                700,
            ),
        ),
    ),
    ProducerSpec(
        slug="tournerie-de-la-lapopie",
        name="Tournerie de la Lapopie",
        legal_name="Tournerie de la Lapopie EI",
        activity=ActivityKind.CRAFT,
        address_line="Rue de la Peyrolerie",
        postcode="46330",
        town="Saint-Cirq-Lapopie",
        serial=14,
        story=Text(
            "Saint-Cirq-Lapopie fut un village de tourneurs sur bois ; l'atelier perpétue le "
            "métier avec le noyer et le buis des vergers voisins.",
            "Saint-Cirq-Lapopie was a village of woodturners; the workshop carries on the trade "
            "with walnut and boxwood from nearby orchards.",
        ),
        claims=(
            ClaimSpec(
                "artisan-d-art",
                "Répertoire national des entreprises (RNE)",
                CMA_LOT,
                "DEMO-CMA46-ADA-0744",
                1000,
            ),
        ),
    ),
)
