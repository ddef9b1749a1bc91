from django.db import migrations

from catalogue.version_triggers import triggers_create, triggers_drop

# The home page's campaign and its featured products.
TABLES = [
    "branding_campaign",
    "branding_campaign_featured_producers",
    "branding_campaign_featured_products",
]


class Migration(migrations.Migration):
    dependencies = [
        ("branding", "0002_merchandise_proxy"),
        ("catalogue", "0010_catalogue_version"),
    ]

    operations = [migrations.RunSQL(triggers_create(TABLES), triggers_drop(TABLES))]
