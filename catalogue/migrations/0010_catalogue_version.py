from django.db import migrations, models

from catalogue.migrations._one_count_sql import (
    FUNCTION_CREATE,
    FUNCTION_DROP,
    VARIANT_TRIGGERS_CREATE,
    VARIANT_TRIGGERS_DROP,
)
from catalogue.version_triggers import START, triggers_create, triggers_drop

# Every table of the catalogue that pages show, the variants apart (their stock moves at each
# sale: their triggers count it only when it runs out or comes back).
TABLES = [
    "catalogue_attribute",
    "catalogue_attributevalue",
    "catalogue_category",
    "catalogue_collection",
    "catalogue_collectionproduct",
    "catalogue_labelclaim",
    "catalogue_product",
    "catalogue_productimage",
    "catalogue_productthumbnail",
    "catalogue_producttype",
    "catalogue_producttype_variant_attributes",
    "catalogue_qualitysign",
    "catalogue_seller",
    "catalogue_variantattributevalue",
]


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0009_metadata"),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogueVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunSQL(
            f"INSERT INTO catalogue_catalogueversion (id, number) VALUES (1, {START});",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(FUNCTION_CREATE, FUNCTION_DROP),
        migrations.RunSQL(
            f"{triggers_create(TABLES)}\n{VARIANT_TRIGGERS_CREATE}",
            f"{triggers_drop(TABLES)}\n{VARIANT_TRIGGERS_DROP}",
        ),
    ]
