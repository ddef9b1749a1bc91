"""Demo category tree and collections."""

from shop.demo.data import CategorySpec, CollectionSpec, Text

CATEGORIES = (
    CategorySpec(
        "fromages",
        Text("Fromages", "Cheese"),
        Text("Fromages fermiers du causse.", "Farmhouse cheese from the limestone plateaux."),
    ),
    CategorySpec(
        "vins",
        Text("Vins", "Wines"),
        Text(
            "Les vins du Lot, du Malbec de Cahors aux coteaux du Quercy.",
            "Lot wines, from Cahors Malbec to the Quercy hills.",
        ),
    ),
    CategorySpec(
        "vins-cahors",
        Text("Cahors", "Cahors"),
        Text("AOP Cahors, le vin noir du Malbec.", "Cahors PDO, the black wine of Malbec."),
        parent="vins",
    ),
    CategorySpec(
        "vins-coteaux-du-quercy",
        Text("Coteaux du Quercy", "Coteaux du Quercy"),
        Text("AOC des collines du sud du Lot.", "AOC of the hills of the southern Lot."),
        parent="vins",
    ),
    CategorySpec(
        "vins-cotes-du-lot",
        Text("Côtes du Lot", "Côtes du Lot"),
        Text("IGP Côtes du Lot : blancs et rosés.", "Côtes du Lot PGI: whites and rosés."),
        parent="vins",
    ),
    CategorySpec(
        "aperitifs",
        Text("Apéritifs", "Aperitifs"),
        Text("Vin de noix et apéritifs de maison.", "Walnut wine and home-made aperitifs."),
        parent="vins",
    ),
    CategorySpec(
        "epicerie-fine",
        Text("Épicerie fine", "Delicatessen"),
        Text("Les trésors du garde-manger quercynois.", "Treasures of the Quercy pantry."),
    ),
    CategorySpec(
        "noix",
        Text("Noix", "Walnuts"),
        Text("Noix du Périgord AOP, cerneaux et huile.", "Noix du Périgord PDO walnuts."),
        parent="epicerie-fine",
    ),
    CategorySpec(
        "safran",
        Text("Safran", "Saffron"),
        Text("Safran du Quercy cueilli à la main.", "Hand-picked Quercy saffron."),
        parent="epicerie-fine",
    ),
    CategorySpec(
        "truffes",
        Text("Truffes", "Truffles"),
        Text("Truffe noire du Quercy, en saison.", "Quercy black truffle, in season."),
        parent="epicerie-fine",
    ),
    CategorySpec(
        "douceurs",
        Text("Douceurs", "Sweet treats"),
        Text("Miel, gâteaux et gelées du Lot.", "Honey, cakes and jellies of the Lot."),
        parent="epicerie-fine",
    ),
    CategorySpec(
        "viandes-volailles",
        Text("Viandes et volailles", "Meat and poultry"),
        Text("Agneau du Quercy et canard du Sud-Ouest.", "Quercy lamb and South-West duck."),
    ),
    CategorySpec(
        "agneau",
        Text("Agneau", "Lamb"),
        Text("Agneau du Quercy IGP et Label Rouge.", "Agneau du Quercy, PGI and Label Rouge."),
        parent="viandes-volailles",
    ),
    CategorySpec(
        "canard",
        Text("Canard et foie gras", "Duck and foie gras"),
        Text("Foie gras, confits et magrets.", "Foie gras, confit and duck breast."),
        parent="viandes-volailles",
    ),
    CategorySpec(
        "fruits",
        Text("Fruits", "Fruit"),
        Text("Melons et fraises de saison.", "Seasonal melons and strawberries."),
    ),
    CategorySpec(
        "artisanat",
        Text("Artisanat", "Crafts"),
        Text("Objets faits main par les artisans du Lot.", "Objects handmade in the Lot."),
    ),
    CategorySpec(
        "poterie",
        Text("Poterie", "Pottery"),
        Text("Grès et faïence tournés à la main.", "Hand-thrown stoneware and earthenware."),
        parent="artisanat",
    ),
    CategorySpec(
        "coutellerie",
        Text("Coutellerie", "Knives"),
        Text("Couteaux forgés et montés à la main.", "Hand-forged, hand-assembled knives."),
        parent="artisanat",
    ),
    CategorySpec(
        "cuir",
        Text("Cuir", "Leather"),
        Text("Maroquinerie cousue main.", "Hand-stitched leather goods."),
        parent="artisanat",
    ),
    CategorySpec(
        "bois",
        Text("Bois", "Wood"),
        Text("Noyer et buis tournés.", "Turned walnut and boxwood."),
        parent="artisanat",
    ),
    CategorySpec(
        "boutique-oh-my-lot",
        Text("Boutique Oh my Lot !", "Oh my Lot ! shop"),
        Text("Les objets de la marque Oh my Lot !", "The Oh my Lot ! brand's merchandise."),
    ),
)

COLLECTIONS = (
    CollectionSpec(
        "souvenirs-d-ete",
        Text("Souvenirs d'été", "Summer memories"),
        Text(
            "Ce que vous avez goûté cet été sur les marchés du Lot, livré chez vous.",
            "What you tasted this summer at the Lot's markets, delivered to your door.",
        ),
        (
            "rocamadour-aop",
            "melon-du-quercy-igp",
            "fraises-du-perigord-igp",
            "cotes-du-lot-rose",
            "tee-shirt-oh-my-lot",
            "tote-bag-oh-my-lot",
            "affiche-saint-cirq-lapopie",
        ),
    ),
    CollectionSpec(
        "noel-dans-le-lot",
        Text("Noël dans le Lot", "Christmas in the Lot"),
        Text(
            "Truffe, foie gras et grands Cahors pour les tables de fête.",
            "Truffle, foie gras and great Cahors wines for the festive table.",
        ),
        (
            "truffe-noire-fraiche-50-g",
            "foie-gras-de-canard-entier-igp",
            "cahors-grande-cuvee",
            "safran-du-quercy-1-g",
            "couteau-a-truffe",
            "vin-de-noix",
            "gateau-aux-noix",
        ),
    ),
    CollectionSpec(
        "cadeaux-d-artisans",
        Text("Cadeaux d'artisans", "Craft gifts"),
        Text(
            "Des objets faits main, signés par les artisans du Lot.",
            "Handmade objects, signed by the craftspeople of the Lot.",
        ),
        (
            "couteau-le-quercynois",
            "bol-en-gres-du-causse",
            "ceinture-en-cuir",
            "planche-a-decouper-en-noyer",
            "mug-oh-my-lot",
        ),
    ),
)
