from django.db import migrations

# The signs a claim may refer to: official signs (SIQO) first, then craft and state titles.
# (code, kind, shows certifier code, validity in years, French name, French description,
#  English name, English description)
SIGNS = [
    (
        "aop",
        "siqo",
        False,
        None,
        "AOP",
        "Appellation d'origine protégée",
        "PDO",
        "Protected designation of origin",
    ),
    (
        "aoc",
        "siqo",
        False,
        None,
        "AOC",
        "Appellation d'origine contrôlée",
        "AOC",
        "Controlled designation of origin",
    ),
    (
        "igp",
        "siqo",
        False,
        None,
        "IGP",
        "Indication géographique protégée",
        "PGI",
        "Protected geographical indication",
    ),
    (
        "label-rouge",
        "siqo",
        False,
        None,
        "Label Rouge",
        "Qualité supérieure",
        "Label Rouge",
        "Superior quality",
    ),
    (
        "stg",
        "siqo",
        False,
        None,
        "STG",
        "Spécialité traditionnelle garantie",
        "TSG",
        "Traditional speciality guaranteed",
    ),
    ("ab", "siqo", True, None, "AB", "Agriculture biologique", "Organic", "Organic farming"),
    (
        "artisan",
        "craft",
        False,
        None,
        "Artisan",
        "Titre délivré par la Chambre de Métiers",
        "Artisan",
        "Title granted by the Chamber of Trades and Crafts",
    ),
    (
        "artisan-d-art",
        "craft",
        False,
        None,
        "Artisan d'art",
        "Titre délivré par la Chambre de Métiers",
        "Art craftsperson",
        "Title granted by the Chamber of Trades and Crafts",
    ),
    (
        "maitre-artisan",
        "craft",
        False,
        None,
        "Maître artisan",
        "Titre délivré par la Chambre de Métiers",
        "Master artisan",
        "Title granted by the Chamber of Trades and Crafts",
    ),
    (
        "epv",
        "state",
        False,
        5,
        "Entreprise du Patrimoine Vivant",
        "Label d'État pour 5 ans, renouvelable",
        "Living Heritage Company",
        "State label for 5 years, renewable",
    ),
    (
        "ig-artisanale",
        "industrial_gi",
        False,
        None,
        "IG artisanale et industrielle",
        "Indication géographique des produits industriels et artisanaux (INPI)",
        "Craft and industrial GI",
        "Geographical indication for craft and industrial products",
    ),
]


def add_signs(apps, schema_editor):
    QualitySign = apps.get_model("catalogue", "QualitySign")
    for position, sign in enumerate(SIGNS):
        code, kind, certifier_code, years, name, description, name_en, description_en = sign
        QualitySign.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "kind": kind,
                "requires_certifier_code": certifier_code,
                "validity_years": years,
                "position": position,
                "translations": {"en": {"name": name_en, "description": description_en}},
            },
        )


def remove_signs(apps, schema_editor):
    apps.get_model("catalogue", "QualitySign").objects.filter(
        code__in=[sign[0] for sign in SIGNS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(add_signs, remove_signs)]
