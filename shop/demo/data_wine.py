"""Demo wines and aperitifs: Cahors AOP, Coteaux du Quercy AOC, Côtes du Lot IGP, walnut wine.

Alcoholic drinks are sold at the standard VAT rate (20 %) and carry their % vol.
"""

from decimal import Decimal

from catalogue.models import Allergen, VatRate
from shop.demo.data import ClaimSpec, PictureSpec, ProductSpec, Text, single

CAHORS_AOP = "INAO, cahier des charges AOP Cahors"
COTEAUX_AOC = "INAO, cahier des charges AOC Coteaux du Quercy"
COTES_DU_LOT_IGP = "INAO, cahier des charges IGP Côtes du Lot"
ORGANIC_REGULATION = "Règlement (UE) 2018/848 (agriculture biologique)"

WINE_STORAGE = Text(
    "À conserver couchée, à l'abri de la lumière, entre 12 et 16 °C.",
    "Store lying down, away from light, between 12 and 16 °C.",
)
COMBE_HAUTE_ORIGIN = Text("Puy-l'Évêque, Lot (France)", "Puy-l'Évêque, Lot (France)")
PECHS_ORIGIN = Text("Cieurac, Lot (France)", "Cieurac, Lot (France)")


def wine(
    slug: str,
    seller: str,
    category: str,
    name: Text,
    description: Text,
    grapes: Text,
    abv: str,
    **fields,
) -> ProductSpec:
    return ProductSpec(
        slug=slug,
        seller=seller,
        category=category,
        product_type="vin",
        name=name,
        description=description,
        ingredients=Text(
            f"Raisins ({grapes.fr}). Conservateur : sulfites.",
            f"Grapes ({grapes.en}). Preservative: sulphites.",
        ),
        net_quantity="75 cl",
        storage=WINE_STORAGE,
        allergens=(Allergen.SULPHITES,),
        vat_rate=VatRate.STANDARD,
        is_alcohol=True,
        alcohol_by_volume=Decimal(abv),
        **fields,
    )


def bottle(colour: str, label: str, alt: Text) -> PictureSpec:
    return PictureSpec("bottle", alt, colour=colour, label=label)


WINE_PRODUCTS = (
    wine(
        "cahors-tradition",
        "domaine-de-la-combe-haute",
        "vins-cahors",
        Text("Cahors AOP Tradition 2021", "Cahors PDO Tradition 2021"),
        Text(
            "Un Malbec fruité et souple, aux tanins fondus, pour la table de tous les jours.",
            "A fruity, supple Malbec with soft tannins, for everyday meals.",
        ),
        Text("malbec 85 %, merlot 15 %", "Malbec 85%, Merlot 15%"),
        "13.5",
        variants=single("DCH-CAH-TRAD", "12.50", 1350, 120),
        pictures=(
            bottle(
                "#4a0d1c",
                "CAHORS",
                Text("Une bouteille de vin rouge de Cahors", "A bottle of Cahors red wine"),
            ),
            PictureSpec(
                "bottle_glass",
                Text("Une bouteille et un verre de vin rouge", "A bottle and a glass of red wine"),
                colour="#4a0d1c",
                label="CAHORS",
            ),
        ),
        origin=COMBE_HAUTE_ORIGIN,
        claims=(ClaimSpec("aop", CAHORS_AOP, "Qualisud", "DEMO-AOP-CAH-1021", 600),),
    ),
    wine(
        "cahors-grande-cuvee",
        "domaine-de-la-combe-haute",
        "vins-cahors",
        Text("Cahors AOP Grande Cuvée 2019", "Cahors PDO Grande Cuvée 2019"),
        Text(
            "Cent pour cent Malbec des terrasses, élevé dix-huit mois en fût : un vin noir, "
            "profond, à garder dix ans.",
            "One hundred per cent terrace Malbec, aged eighteen months in oak: a deep, dark "
            "wine to keep for ten years.",
        ),
        Text("malbec 100 %", "Malbec 100%"),
        "14.0",
        variants=single("DCH-CAH-GC", "24.00", 1450, 60),
        pictures=(
            bottle(
                "#2e0612",
                "GRANDE CUVÉE",
                Text("Une bouteille de Cahors Grande Cuvée", "A bottle of Cahors Grande Cuvée"),
            ),
        ),
        origin=COMBE_HAUTE_ORIGIN,
        claims=(ClaimSpec("aop", CAHORS_AOP, "Qualisud", "DEMO-AOP-CAH-1022", 600),),
    ),
    wine(
        "cotes-du-lot-rose",
        "domaine-de-la-combe-haute",
        "vins-cotes-du-lot",
        Text("Côtes du Lot IGP rosé", "Côtes du Lot PGI rosé"),
        Text(
            "Un rosé de pressurage direct, frais et gourmand, pour les soirs d'été.",
            "A direct-press rosé, fresh and fruity, for summer evenings.",
        ),
        Text("malbec 70 %, merlot 30 %", "Malbec 70%, Merlot 30%"),
        "12.5",
        variants=single("DCH-CDL-ROSE", "8.90", 1300, 90),
        pictures=(
            bottle(
                "#e79a9a",
                "CÔTES DU LOT",
                Text("Une bouteille de vin rosé", "A bottle of rosé wine"),
            ),
        ),
        origin=COMBE_HAUTE_ORIGIN,
        claims=(ClaimSpec("igp", COTES_DU_LOT_IGP, "Qualisud", "DEMO-IGP-CDL-0512", 40),),
    ),
    wine(
        "cotes-du-lot-blanc",
        "domaine-de-la-combe-haute",
        "vins-cotes-du-lot",
        Text("Côtes du Lot IGP blanc", "Côtes du Lot PGI white"),
        Text(
            "Un blanc sec et floral, à servir à l'apéritif avec un Rocamadour.",
            "A dry, floral white, to serve as an aperitif with a Rocamadour cheese.",
        ),
        Text("chardonnay 60 %, sauvignon 40 %", "Chardonnay 60%, Sauvignon 40%"),
        "12.5",
        variants=single("DCH-CDL-BLANC", "9.50", 1300, 70),
        pictures=(
            bottle(
                "#e6d77a",
                "CÔTES DU LOT",
                Text("Une bouteille de vin blanc", "A bottle of white wine"),
            ),
        ),
        origin=COMBE_HAUTE_ORIGIN,
        claims=(ClaimSpec("igp", COTES_DU_LOT_IGP, "Qualisud", "DEMO-IGP-CDL-0513", 640),),
    ),
    wine(
        "coteaux-du-quercy-rouge",
        "domaine-des-pechs",
        "vins-coteaux-du-quercy",
        Text("Coteaux du Quercy AOC rouge, bio", "Coteaux du Quercy AOC red, organic"),
        Text(
            "Cabernet franc et Malbec des collines calcaires : un rouge épicé, en agriculture "
            "biologique.",
            "Cabernet Franc and Malbec from the chalky hills: a spicy, organically grown red.",
        ),
        Text(
            "cabernet franc 50 %, malbec 30 %, merlot 20 %",
            "Cabernet Franc 50%, Malbec 30%, Merlot 20%",
        ),
        "13.0",
        variants=single("DDP-CDQ-ROUGE", "10.90", 1350, 80),
        pictures=(
            bottle(
                "#5a1524",
                "QUERCY",
                Text(
                    "Une bouteille de Coteaux du Quercy rouge",
                    "A bottle of Coteaux du Quercy red wine",
                ),
            ),
            PictureSpec(
                "landscape",
                Text(
                    "Les collines du Quercy blanc, dessinées", "Drawing of the white Quercy hills"
                ),
                label="Cieurac",
            ),
        ),
        origin=PECHS_ORIGIN,
        claims=(
            ClaimSpec("aoc", COTEAUX_AOC, "Qualisud", "DEMO-AOC-CDQ-0088", 520),
            ClaimSpec(
                "ab",
                ORGANIC_REGULATION,
                "Ecocert France",
                "DEMO-AB-46-0391",
                300,
                certifier_code="FR-BIO-01",
            ),
        ),
    ),
    wine(
        "coteaux-du-quercy-rose",
        "domaine-des-pechs",
        "vins-coteaux-du-quercy",
        Text("Coteaux du Quercy AOC rosé", "Coteaux du Quercy AOC rosé"),
        Text(
            "Un rosé de saignée, couleur framboise, aux arômes de petits fruits rouges.",
            "A saignée rosé, raspberry-coloured, with red berry aromas.",
        ),
        Text("cabernet franc 60 %, merlot 40 %", "Cabernet Franc 60%, Merlot 40%"),
        "12.5",
        variants=single("DDP-CDQ-ROSE", "9.20", 1300, 70),
        pictures=(
            bottle(
                "#d9687a",
                "QUERCY",
                Text("Une bouteille de rosé du Quercy", "A bottle of Quercy rosé"),
            ),
        ),
        origin=PECHS_ORIGIN,
        claims=(ClaimSpec("aoc", COTEAUX_AOC, "Qualisud", "DEMO-AOC-CDQ-0089", 520),),
    ),
    ProductSpec(
        slug="vin-de-noix",
        seller="epicerie-du-pont-valentre",
        category="aperitifs",
        product_type="vin",
        name=Text("Vin de noix du Quercy", "Quercy walnut wine"),
        description=Text(
            "L'apéritif des maisons quercynoises : des noix vertes cueillies à la Saint-Jean, "
            "macérées dans le vin rouge.",
            "The aperitif of Quercy homes: green walnuts picked at midsummer, steeped in red wine.",
        ),
        variants=single("EPV-VDN-50", "14.90", 950, 50),
        pictures=(
            PictureSpec(
                "bottle",
                Text("Une bouteille de vin de noix", "A bottle of walnut wine"),
                colour="#3a1d0e",
                label="VIN DE NOIX",
            ),
        ),
        ingredients=Text(
            "Vin rouge (contient des sulfites), sucre, eau-de-vie de vin, noix vertes 5 %.",
            "Red wine (contains sulphites), sugar, wine brandy, green walnuts 5%.",
        ),
        net_quantity="50 cl",
        storage=Text(
            "À conserver debout, à l'abri de la lumière.", "Store upright, away from light."
        ),
        origin=Text("Cahors, Lot (France)", "Cahors, Lot (France)"),
        allergens=(Allergen.SULPHITES, Allergen.NUTS),
        vat_rate=VatRate.STANDARD,
        is_alcohol=True,
        alcohol_by_volume=Decimal("16.0"),
    ),
)
