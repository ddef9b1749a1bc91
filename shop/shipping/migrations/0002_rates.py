from decimal import Decimal

from django.db import migrations

# (method, zone, up to grams, price incl. VAT): the starting rates, editable in the admin.
# Chilled express runs within France only: the cold chain cannot be kept across borders.
RATES = [
    ("standard", "fr", 1000, "6.90"),
    ("standard", "fr", 3000, "9.90"),
    ("standard", "fr", 10000, "14.90"),
    ("standard", "fr", 30000, "24.90"),
    ("standard", "eu", 1000, "12.90"),
    ("standard", "eu", 3000, "17.90"),
    ("standard", "eu", 10000, "27.90"),
    ("standard", "eu", 30000, "44.90"),
    ("chilled", "fr", 1000, "14.90"),
    ("chilled", "fr", 3000, "19.90"),
    ("chilled", "fr", 10000, "29.90"),
    ("chilled", "fr", 30000, "44.90"),
]


def add_rates(apps, schema_editor):
    WeightRate = apps.get_model("shipping", "WeightRate")
    for method, zone, grams, price in RATES:
        WeightRate.objects.update_or_create(
            method=method, zone=zone, max_weight_grams=grams, defaults={"price": Decimal(price)}
        )


class Migration(migrations.Migration):
    dependencies = [("shipping", "0001_initial")]
    operations = [migrations.RunPython(add_rates, migrations.RunPython.noop)]
