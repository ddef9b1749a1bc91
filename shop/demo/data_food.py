"""Demo food products with official signs: Rocamadour cheese, walnuts and fruit."""

from catalogue.models import Allergen
from shop.demo.data import ClaimSpec, PictureSpec, ProductSpec, Text, single

RAW_MILK_STORAGE = Text(
    "À conserver au réfrigérateur, entre 0 et +4 °C. Fromage au lait cru : déconseillé aux "
    "femmes enceintes, aux jeunes enfants et aux personnes immunodéprimées.",
    "Keep refrigerated, between 0 and +4 °C. Raw-milk cheese: not recommended for pregnant "
    "women, young children or people with weakened immunity.",
)
ROCAMADOUR_ORIGIN = Text("Rocamadour, Lot (France)", "Rocamadour, Lot (France)")
ROCAMADOUR_INGREDIENTS = Text(
    "Lait cru entier de chèvre, sel, présure, ferments lactiques.",
    "Whole raw goat's milk, salt, rennet, lactic cultures.",
)
ROCAMADOUR_NUTRITION = {
    "energy_kcal": 331,
    "fat_g": 27.0,
    "saturates_g": 19.0,
    "carbohydrate_g": 1.0,
    "sugars_g": 1.0,
    "protein_g": 20.0,
    "salt_g": 1.5,
}
WALNUT_NUTRITION = {
    "energy_kcal": 654,
    "fat_g": 65.0,
    "saturates_g": 6.1,
    "carbohydrate_g": 7.0,
    "sugars_g": 2.6,
    "protein_g": 15.0,
    "salt_g": 0.0,
}
ROCAMADOUR_AOP = "EU FR/PDO/105/0026; cahier des charges : décret n° 2014-1150"
NOIX_AOP = "EU FR-PDO-0205-01286 (cahier des charges INAO Noix du Périgord)"
FRAISE_IGP = "INAO, cahier des charges IGP Fraise du Périgord"
MELON_IGP = "INAO, cahier des charges IGP Melon du Quercy"

FOOD_PRODUCTS = (
    ProductSpec(
        slug="rocamadour-aop",
        seller="chevrerie-du-causse",
        category="fromages",
        product_type="fromage",
        name=Text("Rocamadour AOP", "Rocamadour PDO cheese"),
        description=Text(
            "Le petit palet de chèvre au lait cru du causse, crémeux et noisetté. Affiné une "
            "dizaine de jours, il se déguste nature, ou rôti sur du pain grillé et une salade.",
            "The small raw goat's milk disc of the limestone plateau, creamy and nutty. Ripened "
            "about ten days; eat it plain, or warm on toast over a green salad.",
        ),
        variants=single("CDC-ROC-1", "2.20", 60, 120),
        pictures=(
            PictureSpec(
                "cheese",
                Text(
                    "Un palet de Rocamadour sur une planche en bois",
                    "A Rocamadour cheese disc on a wooden board",
                ),
            ),
            PictureSpec(
                "landscape",
                Text(
                    "Le causse autour de Rocamadour, dessiné",
                    "Drawing of the plateau around Rocamadour",
                ),
                label="Rocamadour",
            ),
        ),
        ingredients=ROCAMADOUR_INGREDIENTS,
        net_quantity="35 g",
        storage=RAW_MILK_STORAGE,
        origin=ROCAMADOUR_ORIGIN,
        nutrition=ROCAMADOUR_NUTRITION,
        allergens=(Allergen.MILK,),
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
        claims=(ClaimSpec("aop", ROCAMADOUR_AOP, "Certipaq", "DEMO-AOP-ROC-0042", 420),),
    ),
    ProductSpec(
        slug="rocamadour-aop-plateau-de-6",
        seller="chevrerie-du-causse",
        category="fromages",
        product_type="fromage",
        name=Text("Rocamadour AOP, plateau de 6", "Rocamadour PDO cheese, tray of 6"),
        description=Text(
            "Six Rocamadour à trois stades d'affinage, du plus frais au plus sec, pour "
            "découvrir le fromage du causse à la maison.",
            "Six Rocamadour cheeses at three stages of ripening, from fresh to dry, to discover "
            "the plateau's cheese at home.",
        ),
        variants=single("CDC-ROC-6", "11.90", 300, 40),
        pictures=(
            PictureSpec(
                "cheese_platter",
                Text(
                    "Six palets de Rocamadour sur un plateau rond",
                    "Six Rocamadour cheeses on a round tray",
                ),
            ),
        ),
        ingredients=ROCAMADOUR_INGREDIENTS,
        net_quantity="6 x 35 g (210 g)",
        storage=RAW_MILK_STORAGE,
        origin=ROCAMADOUR_ORIGIN,
        nutrition=ROCAMADOUR_NUTRITION,
        allergens=(Allergen.MILK,),
        is_perishable=True,
        is_chilled=True,
        is_withdrawal_excluded=True,
        claims=(ClaimSpec("aop", ROCAMADOUR_AOP, "Certipaq", "DEMO-AOP-ROC-0043", 420),),
    ),
    ProductSpec(
        slug="cerneaux-de-noix-du-perigord-aop",
        seller="noyeraie-de-martel",
        category="noix",
        product_type="epicerie",
        name=Text("Cerneaux de Noix du Périgord AOP", "Noix du Périgord PDO walnut kernels"),
        description=Text(
            "Cerneaux clairs de Franquette, cassés et triés à la main après un séchage doux.",
            "Pale Franquette kernels, cracked and sorted by hand after gentle drying.",
        ),
        variants=single("NDM-CER-250", "8.50", 300, 80),
        pictures=(
            PictureSpec(
                "kernels",
                Text("Des cerneaux de noix dans un bol", "Walnut kernels in a bowl"),
            ),
        ),
        ingredients=Text("Cerneaux de noix.", "Walnut kernels."),
        net_quantity="250 g",
        storage=Text(
            "À conserver au frais et au sec, à l'abri de la lumière.",
            "Store in a cool, dry place away from light.",
        ),
        origin=Text("Martel, Lot (France)", "Martel, Lot (France)"),
        nutrition=WALNUT_NUTRITION,
        allergens=(Allergen.NUTS,),
        claims=(ClaimSpec("aop", NOIX_AOP, "Certipaq", "DEMO-AOP-NDP-0218", 510),),
    ),
    ProductSpec(
        slug="noix-du-perigord-aop-1-kg",
        seller="noyeraie-de-martel",
        category="noix",
        product_type="epicerie",
        name=Text("Noix sèches du Périgord AOP, 1 kg", "Noix du Périgord PDO dry walnuts, 1 kg"),
        description=Text(
            "Noix entières en coque, calibre 28 mm et plus, récoltées à l'automne.",
            "Whole walnuts in the shell, 28 mm and over, harvested in the autumn.",
        ),
        variants=single("NDM-NOIX-1K", "7.90", 1050, 60),
        pictures=(
            PictureSpec(
                "walnuts",
                Text("Des noix en coque sur une toile de jute", "Walnuts in the shell on burlap"),
            ),
            PictureSpec(
                "landscape",
                Text("Les noyeraies autour de Martel, dessinées", "Drawing of Martel's orchards"),
                label="Martel",
            ),
        ),
        ingredients=Text("Noix en coque.", "Walnuts in the shell."),
        net_quantity="1 kg",
        storage=Text("À conserver au sec.", "Store in a dry place."),
        origin=Text("Martel, Lot (France)", "Martel, Lot (France)"),
        nutrition=WALNUT_NUTRITION,
        allergens=(Allergen.NUTS,),
        claims=(ClaimSpec("aop", NOIX_AOP, "Certipaq", "DEMO-AOP-NDP-0219", 510),),
    ),
    ProductSpec(
        slug="fraises-du-perigord-igp",
        seller="noyeraie-de-martel",
        category="fruits",
        product_type="fruit-frais",
        name=Text("Fraises du Périgord IGP", "Fraise du Périgord PGI strawberries"),
        description=Text(
            "Gariguettes cueillies à maturité le matin de l'expédition. D'avril à juin.",
            "Gariguette strawberries picked ripe on the morning of dispatch. April to June.",
        ),
        variants=single("NDM-FRA-500", "6.50", 650, 30),
        pictures=(
            PictureSpec(
                "strawberries",
                Text("Une barquette de fraises rouges", "A punnet of red strawberries"),
            ),
        ),
        ingredients=Text("Fraises.", "Strawberries."),
        net_quantity="500 g",
        storage=Text(
            "À conserver au frais et à consommer dans les deux jours.",
            "Keep cool and eat within two days.",
        ),
        origin=Text("Martel, Lot (France)", "Martel, Lot (France)"),
        is_perishable=True,
        is_withdrawal_excluded=True,
        claims=(ClaimSpec("igp", FRAISE_IGP, "Certipaq", "DEMO-IGP-FDP-0077", 300),),
    ),
    ProductSpec(
        slug="melon-du-quercy-igp",
        seller="jardins-du-quercy-blanc",
        category="fruits",
        product_type="fruit-frais",
        name=Text("Melon du Quercy IGP, lot de 2", "Melon du Quercy PGI, pair"),
        description=Text(
            "Deux melons charentais à chair orange, sucrés et parfumés. De juin à septembre.",
            "Two orange-fleshed Charentais melons, sweet and fragrant. June to September.",
        ),
        variants=single("JQB-MEL-2", "7.90", 2100, 50),
        pictures=(
            PictureSpec(
                "melon",
                Text(
                    "Un melon entier et une tranche à chair orange",
                    "A whole melon and an orange-fleshed slice",
                ),
            ),
        ),
        ingredients=Text("Melons.", "Melons."),
        net_quantity="2 pièces (environ 1,8 kg)",
        storage=Text(
            "À conserver à température ambiante, puis au frais une fois entamé.",
            "Keep at room temperature; refrigerate once cut.",
        ),
        origin=Text(
            "Montcuq-en-Quercy-Blanc, Lot (France)", "Montcuq-en-Quercy-Blanc, Lot (France)"
        ),
        is_perishable=True,
        is_withdrawal_excluded=True,
        claims=(ClaimSpec("igp", MELON_IGP, "Qualisud", "DEMO-IGP-MDQ-0135", 55),),
    ),
)
