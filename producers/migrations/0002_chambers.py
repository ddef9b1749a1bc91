from django.db import migrations

CHAMBERS = [
    (
        "agriculture",
        "Chambre d'Agriculture du Lot",
        "Chambre d'Agriculture",
        "contact@lot.chambagri.fr",
        "Cahors",
        "https://lot.chambre-agriculture.fr",
    ),
    (
        "cma",
        "Chambre de Métiers et de l'Artisanat du Lot",
        "CMA du Lot",
        "contact@cma-lot.fr",
        "Cahors",
        "https://www.cma-lot.fr",
    ),
    (
        "cci",
        "Chambre de Commerce et d'Industrie du Lot",
        "CCI du Lot",
        "contact@lot.cci.fr",
        "Cahors",
        "https://www.lot.cci.fr",
    ),
]


def add_chambers(apps, schema_editor):
    Chamber = apps.get_model("producers", "Chamber")
    for code, name, short_name, email, town, website in CHAMBERS:
        Chamber.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "email": email,
                "town": town,
                "website": website,
            },
        )


def remove_chambers(apps, schema_editor):
    apps.get_model("producers", "Chamber").objects.filter(
        code__in=[chamber[0] for chamber in CHAMBERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("producers", "0001_initial")]
    operations = [migrations.RunPython(add_chambers, remove_chambers)]
