"""Demo meat: Agneau du Quercy (IGP and Label Rouge) and South-West foie gras duck (IGP)."""

from shop.demo.data import ClaimSpec, PictureSpec, ProductSpec, Text, single

AGNEAU_IGP = "EU PGI-FR-0185 (cahier des charges INAO Agneau du Quercy)"
AGNEAU_LABEL_ROUGE = "INAO, Label Rouge agneau du Quercy"
CANARD_IGP = "EU FR-PGI-0105-1000 (Canard à foie gras du Sud-Ouest, Quercy)"

LAMB_STORAGE = Text(
    "Au réfrigérateur, entre 0 et +4 °C ; à consommer avant la date limite indiquée sur "
    "l'emballage. Se congèle dès réception.",
    "Refrigerate between 0 and +4 °C; eat by the use-by date on the pack. Can be frozen on "
    "arrival.",
)
LAMB_ORIGIN = Text(
    "Né, élevé et abattu dans le Quercy (France) ; élevage à Gramat, Lot",
    "Born, raised and slaughtered in Quercy (France); farm at Gramat, Lot",
)
LAMB_NUTRITION = {
    "energy_kcal": 203,
    "fat_g": 13.0,
    "saturates_g": 6.0,
    "carbohydrate_g": 0.0,
    "sugars_g": 0.0,
    "protein_g": 19.5,
    "salt_g": 0.2,
}
DUCK_ORIGIN = Text(
    "Canard élevé et transformé à Souillac, Lot (France)",
    "Duck raised and prepared at Souillac, Lot (France)",
)


def lamb_claims(number: int) -> tuple[ClaimSpec, ...]:
    """Agneau du Quercy carries both signs: the IGP and the Label Rouge."""
    return (
        ClaimSpec("igp", AGNEAU_IGP, "Qualisud", f"DEMO-IGP-ADQ-{number:04d}", 380),
        ClaimSpec("label-rouge", AGNEAU_LABEL_ROUGE, "Qualisud", f"DEMO-LR-ADQ-{number:04d}", 380),
    )


def lamb(slug: str, name: Text, description: Text, **fields) -> ProductSpec:
    return ProductSpec(
        slug=slug,
        seller="bergerie-de-la-caussenarde",
        category="agneau",
        product_type="viande",
        name=name,
        description=description,
        ingredients=Text("Viande d'agneau.", "Lamb."),
        storage=LAMB_STORAGE,
        origin=LAMB_ORIGIN,
        nutrition=LAMB_NUTRITION,
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
        **fields,
    )


MEAT_PRODUCTS = (
    lamb(
        "gigot-d-agneau-du-quercy",
        Text("Gigot d'agneau du Quercy IGP Label Rouge", "Agneau du Quercy PGI Label Rouge leg"),
        Text(
            "Un gigot entier d'environ 2 kg, chair rosée et tendre, à rôtir à l'ail et au thym.",
            "A whole leg of about 2 kg, tender and pale pink, to roast with garlic and thyme.",
        ),
        variants=single("BDC-GIG-2K", "49.00", 2300, 10),
        pictures=(
            PictureSpec(
                "lamb_leg",
                Text(
                    "Un gigot d'agneau sur du papier de boucher", "A leg of lamb on butcher paper"
                ),
            ),
            PictureSpec(
                "landscape",
                Text(
                    "Le causse de Gramat et ses murets, dessinés",
                    "Drawing of the Gramat plateau and its dry-stone walls",
                ),
                label="Gramat",
            ),
        ),
        net_quantity="environ 2 kg",
        claims=lamb_claims(101),
    ),
    lamb(
        "cotelettes-d-agneau-du-quercy",
        Text(
            "Côtelettes d'agneau du Quercy IGP Label Rouge",
            "Agneau du Quercy PGI Label Rouge chops",
        ),
        Text(
            "Côtelettes premières et secondes, à griller au barbecue de vigne.",
            "Best-end and middle-neck chops, to grill over vine cuttings.",
        ),
        variants=single("BDC-COT-800", "26.40", 950, 16),
        pictures=(
            PictureSpec("lamb_chops", Text("Trois côtelettes d'agneau", "Three lamb chops")),
        ),
        net_quantity="800 g",
        claims=lamb_claims(102),
    ),
    lamb(
        "colis-demi-agneau-du-quercy",
        Text("Colis demi-agneau du Quercy IGP Label Rouge", "Half Agneau du Quercy PGI box"),
        Text(
            "Un demi-agneau découpé et mis sous vide : gigot, épaule, côtelettes et sauté, soit "
            "environ 8 kg à 22 € le kilo.",
            "Half a lamb, cut and vacuum-packed: leg, shoulder, chops and stewing cuts, about "
            "8 kg at 22 € a kilo.",
        ),
        variants=single("BDC-COLIS-8K", "176.00", 9000, 6),
        pictures=(
            PictureSpec(
                "meat_parcel",
                Text("Un colis de viande ficelé", "A tied parcel of meat"),
            ),
        ),
        net_quantity="environ 8 kg",
        claims=lamb_claims(103),
    ),
    ProductSpec(
        slug="foie-gras-de-canard-entier-igp",
        seller="ferme-du-pigeonnier",
        category="canard",
        product_type="viande",
        name=Text(
            "Foie gras de canard entier du Sud-Ouest IGP", "Whole South-West duck foie gras PGI"
        ),
        description=Text(
            "Foie gras entier, simplement salé et poivré, cuit en bocal à la ferme.",
            "Whole foie gras, simply seasoned with salt and pepper, cooked in the jar on the farm.",
        ),
        variants=single("FDP-FG-180", "34.90", 450, 40),
        pictures=(
            PictureSpec(
                "jar",
                Text("Un bocal de foie gras au couvercle doré", "A jar of foie gras, golden lid"),
                colour="#e9c98f",
                label="FOIE GRAS",
            ),
        ),
        ingredients=Text("Foie gras de canard, sel, poivre.", "Duck foie gras, salt, pepper."),
        net_quantity="180 g",
        storage=Text(
            "Avant ouverture, dans un endroit frais. Servir frais ; après ouverture, au "
            "réfrigérateur et à consommer sous 3 jours.",
            "Before opening, store in a cool place. Serve chilled; once opened, refrigerate "
            "and eat within 3 days.",
        ),
        origin=DUCK_ORIGIN,
        nutrition={
            "energy_kcal": 462,
            "fat_g": 48.0,
            "saturates_g": 19.0,
            "carbohydrate_g": 1.6,
            "sugars_g": 1.0,
            "protein_g": 7.0,
            "salt_g": 1.3,
        },
        claims=(
            ClaimSpec("igp", CANARD_IGP, "Bureau Veritas Certification", "DEMO-IGP-CSO-0301", 450),
        ),
    ),
    ProductSpec(
        slug="confit-de-canard-4-cuisses",
        seller="ferme-du-pigeonnier",
        category="canard",
        product_type="viande",
        name=Text(
            "Confit de canard du Sud-Ouest IGP, 4 cuisses", "South-West duck confit PGI, 4 legs"
        ),
        description=Text(
            "Quatre cuisses confites dans leur graisse : à dorer à la poêle avec des pommes de "
            "terre sarladaises.",
            "Four legs preserved in their own fat: crisp them in a pan with garlic potatoes.",
        ),
        variants=single("FDP-CONF-4", "26.50", 1800, 30),
        pictures=(
            PictureSpec(
                "tin",
                Text("Une boîte de confit de canard", "A tin of duck confit"),
                colour="#8c2f39",
                label="CONFIT",
            ),
        ),
        ingredients=Text(
            "Cuisses de canard, graisse de canard, sel, poivre.",
            "Duck legs, duck fat, salt, pepper.",
        ),
        net_quantity="1,5 kg",
        storage=Text(
            "À conserver à température ambiante ; après ouverture, au réfrigérateur.",
            "Store at room temperature; once opened, refrigerate.",
        ),
        origin=DUCK_ORIGIN,
        claims=(
            ClaimSpec("igp", CANARD_IGP, "Bureau Veritas Certification", "DEMO-IGP-CSO-0302", 450),
        ),
    ),
    ProductSpec(
        slug="magret-de-canard-frais",
        seller="ferme-du-pigeonnier",
        category="canard",
        product_type="viande",
        name=Text("Magret de canard frais du Sud-Ouest IGP", "Fresh South-West duck breast PGI"),
        description=Text(
            "Un magret d'environ 400 g, à quadriller côté peau et à saisir rosé.",
            "A duck breast of about 400 g; score the skin and sear it pink.",
        ),
        variants=single("FDP-MAG-400", "14.90", 550, 25),
        pictures=(
            PictureSpec(
                "magret",
                Text("Un magret de canard quadrillé", "A scored duck breast"),
            ),
        ),
        ingredients=Text("Magret de canard.", "Duck breast."),
        net_quantity="environ 400 g",
        storage=Text("Au réfrigérateur, entre 0 et +4 °C.", "Refrigerate between 0 and +4 °C."),
        origin=DUCK_ORIGIN,
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
        claims=(
            ClaimSpec("igp", CANARD_IGP, "Bureau Veritas Certification", "DEMO-IGP-CSO-0303", 450),
        ),
    ),
)
