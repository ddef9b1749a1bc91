"""Demo delicatessen: Quercy saffron, black truffles, walnut cake and honey (no official sign)."""

from catalogue.models import Allergen
from shop.demo.data import PictureSpec, ProductSpec, Text, single

SAFFRON_INGREDIENTS = Text(
    "Safran (Crocus sativus), filaments.", "Saffron (Crocus sativus) threads."
)
TRUFFLE_INGREDIENTS = Text(
    "Truffe noire (Tuber melanosporum).", "Black truffle (Tuber melanosporum)."
)

PANTRY_PRODUCTS = (
    ProductSpec(
        slug="safran-du-quercy-0-5-g",
        seller="safraniere-de-cajarc",
        category="safran",
        product_type="epicerie",
        name=Text("Safran du Quercy en filaments, 0,5 g", "Quercy saffron threads, 0.5 g"),
        description=Text(
            "Stigmates entiers séchés à basse température. Quelques filaments suffisent pour "
            "un risotto ou une crème brûlée.",
            "Whole stigmas dried at low temperature. A few threads are enough for a risotto or "
            "a crème brûlée.",
        ),
        variants=single("SDC-SAF-05", "16.00", 40, 60),
        pictures=(
            PictureSpec(
                "saffron",
                Text(
                    "Une fleur de crocus violette et des filaments de safran",
                    "A purple crocus flower and saffron threads",
                ),
            ),
        ),
        ingredients=Text(
            "Safran (Crocus sativus), filaments.", "Saffron (Crocus sativus) threads."
        ),
        net_quantity="0,5 g",
        storage=Text(
            "À conserver au sec, à l'abri de la lumière.", "Store dry and away from light."
        ),
        origin=Text("Cajarc, Lot (France)", "Cajarc, Lot (France)"),
    ),
    ProductSpec(
        slug="safran-du-quercy-1-g",
        seller="safraniere-de-cajarc",
        category="safran",
        product_type="epicerie",
        name=Text("Safran du Quercy en filaments, 1 g", "Quercy saffron threads, 1 g"),
        description=Text(
            "Un gramme, soit la récolte d'environ 150 fleurs, en flacon de verre.",
            "One gram, the harvest of about 150 flowers, in a glass vial.",
        ),
        variants=single("SDC-SAF-1", "30.00", 50, 40),
        pictures=(
            PictureSpec(
                "saffron",
                Text(
                    "Une fleur de crocus violette et des filaments de safran",
                    "A purple crocus flower and saffron threads",
                ),
                colour="#8a5bb8",
            ),
        ),
        ingredients=Text(
            "Safran (Crocus sativus), filaments.", "Saffron (Crocus sativus) threads."
        ),
        net_quantity="1 g",
        storage=Text(
            "À conserver au sec, à l'abri de la lumière.", "Store dry and away from light."
        ),
        origin=Text("Cajarc, Lot (France)", "Cajarc, Lot (France)"),
    ),
    ProductSpec(
        slug="truffe-noire-fraiche-50-g",
        seller="truffiere-des-chenes-verts",
        category="truffes",
        product_type="epicerie",
        name=Text("Truffe noire fraîche du Quercy, 50 g", "Fresh Quercy black truffle, 50 g"),
        description=Text(
            "Tuber melanosporum brossée et contrôlée une à une. En saison, de décembre à mars, "
            "expédiée le lendemain du marché de Lalbenque.",
            "Tuber melanosporum, brushed and checked one by one. In season from December to "
            "March, shipped the day after the Lalbenque market.",
        ),
        variants=single("TCV-TRU-50", "45.00", 200, 12),
        pictures=(
            PictureSpec(
                "truffle",
                Text(
                    "Des truffes noires et une lamelle marbrée",
                    "Black truffles and a marbled slice",
                ),
            ),
            PictureSpec(
                "landscape",
                Text(
                    "Les chênes truffiers de Lalbenque, dessinés",
                    "Drawing of the truffle oaks of Lalbenque",
                ),
                label="Lalbenque",
            ),
        ),
        ingredients=Text(
            "Truffe noire (Tuber melanosporum).", "Black truffle (Tuber melanosporum)."
        ),
        net_quantity="50 g",
        storage=Text(
            "Au réfrigérateur, enveloppée dans un papier absorbant, à consommer sous 5 jours.",
            "Refrigerate wrapped in kitchen paper; use within 5 days.",
        ),
        origin=Text("Lalbenque, Lot (France)", "Lalbenque, Lot (France)"),
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
    ),
    ProductSpec(
        slug="truffe-noire-fraiche-100-g",
        seller="truffiere-des-chenes-verts",
        category="truffes",
        product_type="epicerie",
        name=Text("Truffe noire fraîche du Quercy, 100 g", "Fresh Quercy black truffle, 100 g"),
        description=Text(
            "Une belle truffe entière pour les repas de fête. En saison, de décembre à mars.",
            "A fine whole truffle for festive meals. In season from December to March.",
        ),
        variants=single("TCV-TRU-100", "85.00", 250, 8),
        pictures=(
            PictureSpec(
                "truffle",
                Text(
                    "Des truffes noires et une lamelle marbrée",
                    "Black truffles and a marbled slice",
                ),
                colour="#e9dcc3",
            ),
        ),
        ingredients=Text(
            "Truffe noire (Tuber melanosporum).", "Black truffle (Tuber melanosporum)."
        ),
        net_quantity="100 g",
        storage=Text(
            "Au réfrigérateur, enveloppée dans un papier absorbant, à consommer sous 5 jours.",
            "Refrigerate wrapped in kitchen paper; use within 5 days.",
        ),
        origin=Text("Lalbenque, Lot (France)", "Lalbenque, Lot (France)"),
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
    ),
    ProductSpec(
        slug="brisures-de-truffe-noire",
        seller="truffiere-des-chenes-verts",
        category="truffes",
        product_type="epicerie",
        name=Text("Brisures de truffe noire", "Black truffle pieces"),
        description=Text(
            "Brisures de truffe noire appertisées, pour parfumer œufs brouillés et purées toute "
            "l'année.",
            "Preserved black truffle pieces to flavour scrambled eggs and mash all year round.",
        ),
        variants=single("TCV-BRI-25", "24.00", 120, 50),
        pictures=(
            PictureSpec(
                "jar",
                Text("Un petit bocal de brisures de truffe", "A small jar of truffle pieces"),
                colour="#2b2523",
                label="TRUFFE",
            ),
        ),
        ingredients=Text(
            "Truffe noire (Tuber melanosporum) 100 %, sel.",
            "Black truffle (Tuber melanosporum) 100%, salt.",
        ),
        net_quantity="25 g",
        storage=Text(
            "Avant ouverture, à température ambiante. Après ouverture, au réfrigérateur.",
            "Before opening, room temperature. Once opened, refrigerate.",
        ),
        origin=Text("Lalbenque, Lot (France)", "Lalbenque, Lot (France)"),
    ),
    ProductSpec(
        slug="gateau-aux-noix",
        seller="epicerie-du-pont-valentre",
        category="douceurs",
        product_type="epicerie",
        name=Text("Gâteau aux noix du Quercy", "Quercy walnut cake"),
        description=Text(
            "Un gâteau moelleux à la noix, à partager au goûter ou avec un verre de vin de noix.",
            "A soft walnut cake, for tea time or with a glass of walnut wine.",
        ),
        variants=single("EPV-GAT-400", "9.80", 500, 35),
        pictures=(
            PictureSpec(
                "cake",
                Text("Un gâteau rond décoré de cerneaux", "A round cake topped with walnut halves"),
            ),
        ),
        ingredients=Text(
            "Noix 30 %, sucre, farine de blé, œufs, beurre, poudre à lever.",
            "Walnuts 30%, sugar, wheat flour, eggs, butter, raising agent.",
        ),
        net_quantity="400 g",
        storage=Text("À conserver dans un endroit frais et sec.", "Store in a cool, dry place."),
        origin=Text("Cahors, Lot (France)", "Cahors, Lot (France)"),
        nutrition={
            "energy_kcal": 452,
            "fat_g": 27.0,
            "saturates_g": 7.5,
            "carbohydrate_g": 44.0,
            "sugars_g": 30.0,
            "protein_g": 8.0,
            "salt_g": 0.3,
        },
        allergens=(Allergen.GLUTEN, Allergen.EGGS, Allergen.MILK, Allergen.NUTS),
    ),
    ProductSpec(
        slug="miel-de-chataignier",
        seller="epicerie-du-pont-valentre",
        category="douceurs",
        product_type="epicerie",
        name=Text("Miel de châtaignier du Ségala", "Ségala chestnut honey"),
        description=Text(
            "Un miel ambré et corsé, récolté sur les châtaigneraies du nord-est du Lot.",
            "A dark, robust honey from the chestnut woods of the north-east Lot.",
        ),
        variants=single("EPV-MIEL-500", "10.50", 700, 45),
        pictures=(
            PictureSpec(
                "jar",
                Text("Un pot de miel ambré", "A jar of amber honey"),
                colour="#b8731c",
                label="MIEL",
            ),
        ),
        ingredients=Text("Miel de châtaignier.", "Chestnut honey."),
        net_quantity="500 g",
        storage=Text("À conserver à température ambiante.", "Store at room temperature."),
        origin=Text("Récolté dans le Lot (France)", "Harvested in the Lot (France)"),
    ),
)
