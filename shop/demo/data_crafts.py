"""Demo crafts: pottery, knives, leather and turned wood. Craft titles are seller-level claims."""

from catalogue.models import VatRate
from shop.demo.data import PictureSpec, ProductSpec, Text, single


def craft(
    slug: str,
    seller: str,
    category: str,
    name: Text,
    description: Text,
    town: str,
    **fields,
) -> ProductSpec:
    return ProductSpec(
        slug=slug,
        seller=seller,
        category=category,
        product_type="artisanat",
        name=name,
        description=description,
        origin=Text(f"Fait main à {town}, Lot (France)", f"Handmade in {town}, Lot (France)"),
        vat_rate=VatRate.STANDARD,
        **fields,
    )


CRAFT_PRODUCTS = (
    craft(
        "bol-en-gres-du-causse",
        "atelier-terre-de-segala",
        "poterie",
        Text("Bol en grès émaillé ocre", "Ochre-glazed stoneware bowl"),
        Text(
            "Un bol tourné à la main, émail ocre et bord brut. Passe au lave-vaisselle et au "
            "micro-ondes ; chaque pièce est unique.",
            "A hand-thrown bowl, ochre glaze with a raw rim. Dishwasher and microwave safe; "
            "every piece is unique.",
        ),
        "Saint-Céré",
        variants=single("TDS-BOL-OCRE", "24.00", 450, 20),
        pictures=(
            PictureSpec(
                "bowl",
                Text("Un bol en grès émaillé ocre", "An ochre-glazed stoneware bowl"),
                colour="#c9883a",
            ),
        ),
        net_quantity="Ø 14 cm, 40 cl",
    ),
    craft(
        "pichet-en-gres",
        "atelier-terre-de-segala",
        "poterie",
        Text("Pichet en grès vert chêne", "Oak-green stoneware jug"),
        Text(
            "Un pichet d'un litre au bec bien dessiné, pour l'eau ou le vin de la table.",
            "A one-litre jug with a well-drawn spout, for water or table wine.",
        ),
        "Saint-Céré",
        variants=single("TDS-PICHET-VERT", "45.00", 1100, 8),
        pictures=(
            PictureSpec(
                "pitcher",
                Text("Un pichet en grès émaillé vert", "A green-glazed stoneware jug"),
                colour="#5f7f4f",
            ),
        ),
        net_quantity="1 l",
    ),
    craft(
        "couteau-le-quercynois",
        "coutellerie-du-cele",
        "coutellerie",
        Text("Couteau de poche « Le Quercynois »", "“Le Quercynois” pocket knife"),
        Text(
            "Lame forgée en acier carbone, manche en noyer du Quercy, mitres en laiton. Huiler "
            "la lame de temps en temps.",
            "Forged carbon-steel blade, Quercy walnut handle, brass bolsters. Oil the blade now "
            "and then.",
        ),
        "Figeac",
        variants=single("CDC-QUERCYNOIS", "69.00", 150, 25),
        pictures=(
            PictureSpec(
                "knife",
                Text(
                    "Un couteau de poche à manche en noyer", "A pocket knife with a walnut handle"
                ),
                colour="#6b4226",
            ),
        ),
        net_quantity="lame 8,5 cm",
    ),
    craft(
        "couteau-a-truffe",
        "coutellerie-du-cele",
        "coutellerie",
        Text("Couteau à truffe, manche en buis", "Truffle knife, boxwood handle"),
        Text(
            "Une lame courte et rigide pour brosser, ouvrir et trancher la truffe, avec un manche "
            "en buis tourné.",
            "A short, stiff blade to brush, open and slice truffles, with a turned boxwood handle.",
        ),
        "Figeac",
        variants=single("CDC-TRUFFE", "55.00", 120, 15),
        pictures=(
            PictureSpec(
                "truffle_knife",
                Text(
                    "Un couteau à truffe à manche clair et une truffe",
                    "A truffle knife with a pale handle, and a truffle",
                ),
                colour="#d9b36c",
            ),
        ),
        net_quantity="lame 6 cm",
    ),
    craft(
        "coffret-6-couteaux-de-table",
        "coutellerie-du-cele",
        "coutellerie",
        Text("Coffret de 6 couteaux de table", "Box of 6 table knives"),
        Text(
            "Six couteaux de table en acier inoxydable, manches en noyer, dans un coffret en bois.",
            "Six stainless-steel table knives with walnut handles, in a wooden box.",
        ),
        "Figeac",
        variants=single("CDC-TABLE-6", "180.00", 900, 6),
        pictures=(
            PictureSpec(
                "knife_set",
                Text("Trois couteaux de table en éventail", "Three table knives fanned out"),
                colour="#6b4226",
            ),
        ),
        net_quantity="6 couteaux",
    ),
    craft(
        "ceinture-en-cuir",
        "atelier-cuir-du-causse",
        "cuir",
        Text("Ceinture en cuir tanné végétal", "Vegetable-tanned leather belt"),
        Text(
            "Cuir pleine fleur de 4 mm, boucle en laiton, cousue main au point sellier. "
            "Longueur ajustable.",
            "4 mm full-grain leather, brass buckle, saddle-stitched by hand. Adjustable length.",
        ),
        "Limogne-en-Quercy",
        variants=single("ACC-CEINT", "59.00", 250, 18),
        pictures=(
            PictureSpec(
                "belt",
                Text("Une ceinture en cuir enroulée", "A rolled leather belt"),
                colour="#7a4a2a",
            ),
        ),
        net_quantity="largeur 3,5 cm",
    ),
    craft(
        "porte-cartes-en-cuir",
        "atelier-cuir-du-causse",
        "cuir",
        Text("Porte-cartes en cuir", "Leather card holder"),
        Text(
            "Trois poches, coutures au fil de lin ciré, bords teintés et lissés à la main.",
            "Three pockets, waxed linen stitching, edges dyed and burnished by hand.",
        ),
        "Limogne-en-Quercy",
        variants=single("ACC-CARTES", "29.00", 60, 30),
        pictures=(
            PictureSpec(
                "card_holder",
                Text("Un porte-cartes en cuir cousu", "A stitched leather card holder"),
                colour="#9c5b2e",
            ),
        ),
        net_quantity="10 x 7 cm",
    ),
    craft(
        "planche-a-decouper-en-noyer",
        "tournerie-de-la-lapopie",
        "bois",
        Text("Planche à découper en noyer", "Walnut chopping board"),
        Text(
            "Une planche épaisse en noyer massif du Quercy, huilée, avec une poignée percée.",
            "A thick board of solid Quercy walnut, oiled, with a pierced handle.",
        ),
        "Saint-Cirq-Lapopie",
        variants=single("TDL-PLANCHE", "42.00", 1200, 14),
        pictures=(
            PictureSpec(
                "board",
                Text("Une planche à découper en noyer", "A walnut chopping board"),
                colour="#7b5434",
            ),
            PictureSpec(
                "landscape",
                Text(
                    "Saint-Cirq-Lapopie au-dessus du Lot, dessiné",
                    "Drawing of Saint-Cirq-Lapopie above the river Lot",
                ),
                label="Saint-Cirq-Lapopie",
            ),
        ),
        net_quantity="40 x 25 cm",
    ),
    craft(
        "saladier-en-noyer",
        "tournerie-de-la-lapopie",
        "bois",
        Text("Saladier tourné en noyer", "Turned walnut salad bowl"),
        Text(
            "Un saladier tourné dans une seule pièce de noyer, fini à l'huile alimentaire.",
            "A salad bowl turned from a single piece of walnut, finished with food-safe oil.",
        ),
        "Saint-Cirq-Lapopie",
        variants=single("TDL-SALADIER", "75.00", 800, 7),
        pictures=(
            PictureSpec(
                "bowl",
                Text("Un saladier en bois de noyer", "A walnut wood salad bowl"),
                colour="#8a5a35",
                label="wood",
            ),
        ),
        net_quantity="Ø 28 cm",
    ),
)
