from django.db import migrations, models

from catalogue.migrations import _one_count_sql as one_count
from catalogue.version_triggers import (
    FUNCTIONS_ADDED_DROP,
    FUNCTIONS_CREATE,
    stock_triggers_create,
    stock_triggers_drop,
)

VARIANTS = "catalogue_productvariant"


class Migration(migrations.Migration):
    """A second count, which a variant's stock running out or coming back leaves alone: the
    parts of pages that never show stock (a product's page, the menus) stay kept through a
    sell-out."""

    dependencies = [
        ("catalogue", "0013_product_metadata_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="catalogueversion",
            name="content_number",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunSQL(
            "UPDATE catalogue_catalogueversion SET content_number = number;",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            FUNCTIONS_CREATE,
            # The bump every table's trigger calls cannot be dropped: its body goes back.
            FUNCTIONS_ADDED_DROP
            + one_count.FUNCTION_CREATE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
        ),
        migrations.RunSQL(
            f"{one_count.VARIANT_TRIGGERS_DROP}\n{stock_triggers_create(VARIANTS)}",
            f"{stock_triggers_drop(VARIANTS)}\n{one_count.VARIANT_TRIGGERS_CREATE}",
        ),
    ]
