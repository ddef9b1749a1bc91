"""Demo merchandise of the "Oh my Lot !" brand, sold by the programme itself (VAT 20 %)."""

from decimal import Decimal

from catalogue.models import VatRate
from shop.demo.data import PROGRAMME_SLUG, PictureSpec, ProductSpec, Text, VariantSpec, single

TEE_SHIRT_COLOURS = (
    ("bleu-lot", "BLEU", Text("Bleu Lot", "Lot blue")),
    ("blanc-causse", "BLANC", Text("Blanc causse", "Causse white")),
)
TEE_SHIRT_SIZES = (("s", "S", 170), ("m", "M", 185), ("l", "L", 200), ("xl", "XL", 215))
CAP_COLOURS = (
    ("bleu-lot", "BLEU", Text("Bleu Lot", "Lot blue")),
    ("ocre", "OCRE", Text("Ocre", "Ochre")),
)
BRAND_ORIGIN = Text(
    "Conçu dans le Lot, imprimé en France", "Designed in the Lot, printed in France"
)


def tee_shirt_variants() -> tuple[VariantSpec, ...]:
    return tuple(
        VariantSpec(
            sku=f"OML-TS-{colour_code}-{size_code}",
            price=Decimal("25.00"),
            weight_grams=grams,
            stock=30,
            name=Text(f"{colour_name.fr}, {size_code}", f"{colour_name.en}, {size_code}"),
            attributes=(("taille", size_slug), ("couleur", colour_slug)),
        )
        for colour_slug, colour_code, colour_name in TEE_SHIRT_COLOURS
        for size_slug, size_code, grams in TEE_SHIRT_SIZES
    )


def brand_item(slug: str, product_type: str, name: Text, description: Text, **fields):
    return ProductSpec(
        slug=slug,
        seller=PROGRAMME_SLUG,
        category="boutique-oh-my-lot",
        product_type=product_type,
        name=name,
        description=description,
        origin=BRAND_ORIGIN,
        vat_rate=VatRate.STANDARD,
        **fields,
    )


MERCHANDISE_PRODUCTS = (
    brand_item(
        "tee-shirt-oh-my-lot",
        "tee-shirt",
        Text("Tee-shirt Oh my Lot !", "Oh my Lot ! tee-shirt"),
        Text(
            "Le tee-shirt de la marque, 100 % coton, coupe droite, avec le cri du cœur des "
            "amoureux du Lot sur la poitrine.",
            "The brand's tee-shirt, 100% cotton, straight cut, with the Lot lovers' cry from the "
            "heart across the chest.",
        ),
        variants=tee_shirt_variants(),
        pictures=(
            PictureSpec(
                "tshirt",
                Text(
                    "Un tee-shirt bleu marqué « Oh my Lot ! »",
                    "A blue tee-shirt printed “Oh my Lot !”",
                ),
                colour="#1d4f73",
            ),
            PictureSpec(
                "tshirt",
                Text(
                    "Un tee-shirt blanc marqué « Oh my Lot ! »",
                    "A white tee-shirt printed “Oh my Lot !”",
                ),
                colour="#f3efe6",
            ),
        ),
        net_quantity="100 % coton",
    ),
    brand_item(
        "casquette-oh-my-lot",
        "casquette",
        Text("Casquette Oh my Lot !", "Oh my Lot ! cap"),
        Text(
            "Une casquette en coton brodée, pour les marchés de plein été.",
            "An embroidered cotton cap, for the midsummer markets.",
        ),
        variants=tuple(
            VariantSpec(
                sku=f"OML-CAP-{code}",
                price=Decimal("18.00"),
                weight_grams=110,
                stock=40,
                name=name,
                attributes=(("couleur", slug),),
            )
            for slug, code, name in CAP_COLOURS
        ),
        pictures=(
            PictureSpec(
                "cap",
                Text("Une casquette brodée « Oh my Lot ! »", "A cap embroidered “Oh my Lot !”"),
                colour="#c98a2e",
            ),
        ),
        net_quantity="taille unique réglable",
    ),
    brand_item(
        "tote-bag-oh-my-lot",
        "objet-boutique",
        Text("Tote bag Oh my Lot !", "Oh my Lot ! tote bag"),
        Text(
            "Un sac en toile de coton épaisse, assez grand pour le melon, le vin et le fromage "
            "du marché.",
            "A heavy cotton canvas bag, big enough for the market's melon, wine and cheese.",
        ),
        variants=single("OML-TOTE", "12.00", 150, 80),
        pictures=(
            PictureSpec(
                "tote",
                Text(
                    "Un sac en toile marqué « Oh my Lot ! »", "A canvas bag printed “Oh my Lot !”"
                ),
                colour="#e8dcc2",
            ),
        ),
        net_quantity="38 x 42 cm",
    ),
    brand_item(
        "mug-oh-my-lot",
        "objet-boutique",
        Text("Mug Oh my Lot !", "Oh my Lot ! mug"),
        Text(
            "Un mug en céramique de 33 cl, pour le café du matin face au causse.",
            "A 33 cl ceramic mug, for morning coffee facing the plateau.",
        ),
        variants=single("OML-MUG", "14.00", 420, 60),
        pictures=(
            PictureSpec(
                "mug",
                Text("Un mug bleu marqué « Oh my Lot ! »", "A blue mug printed “Oh my Lot !”"),
                colour="#1d4f73",
            ),
        ),
        net_quantity="33 cl",
    ),
    brand_item(
        "affiche-saint-cirq-lapopie",
        "objet-boutique",
        Text("Affiche Saint-Cirq-Lapopie", "Saint-Cirq-Lapopie poster"),
        Text(
            "Une affiche illustrée du village perché au-dessus du Lot, imprimée sur papier mat.",
            "An illustrated poster of the village perched above the river Lot, on matt paper.",
        ),
        variants=single("OML-AFFICHE-SCL", "15.00", 250, 50),
        pictures=(
            PictureSpec(
                "poster",
                Text(
                    "Une affiche du village de Saint-Cirq-Lapopie au-dessus de la rivière",
                    "A poster of the village of Saint-Cirq-Lapopie above the river",
                ),
                label="Saint-Cirq-Lapopie",
            ),
        ),
        net_quantity="50 x 70 cm",
    ),
)
