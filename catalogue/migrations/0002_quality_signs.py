from django.db import migrations

# The signs a claim may refer to. Official signs (SIQO) first, then craft and state titles.
SIGNS = [
    ("aop", "AOP", "siqo", False, None, "Protected designation of origin"),
    ("aoc", "AOC", "siqo", False, None, "Controlled designation of origin"),
    ("igp", "IGP", "siqo", False, None, "Protected geographical indication"),
    ("label-rouge", "Label Rouge", "siqo", False, None, "Label Rouge"),
    ("stg", "STG", "siqo", False, None, "Traditional speciality guaranteed"),
    ("ab", "Agriculture biologique", "siqo", True, None, "Organic farming"),
    ("artisan", "Artisan", "craft", False, None, "Artisan"),
    ("artisan-d-art", "Artisan d'art", "craft", False, None, "Artisan d'art (art craftsperson)"),
    ("maitre-artisan", "Maître artisan", "craft", False, None, "Master artisan"),
    ("epv", "Entreprise du Patrimoine Vivant", "state", False, 5, "Living Heritage Company"),
    (
        "ig-artisanale",
        "Indication géographique artisanale et industrielle",
        "industrial_gi",
        False,
        None,
        "Geographical indication for craft and industrial products",
    ),
]


def add_signs(apps, schema_editor):
    QualitySign = apps.get_model("catalogue", "QualitySign")
    for position, (code, name, kind, certifier_code, years, english) in enumerate(SIGNS):
        QualitySign.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "requires_certifier_code": certifier_code,
                "validity_years": years,
                "position": position,
                "translations": {"en": {"name": english}},
            },
        )


def remove_signs(apps, schema_editor):
    apps.get_model("catalogue", "QualitySign").objects.filter(
        code__in=[sign[0] for sign in SIGNS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(add_signs, remove_signs)]
