from django.db import migrations

from catalogue.version_triggers import triggers_create, triggers_drop

# What the producer and product pages show of a producer: its story, town, address, photos.
TABLES = ["producers_producer", "producers_producerphoto"]


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0010_catalogue_version"),
        ("producers", "0007_revision_withdrawn"),
    ]

    operations = [migrations.RunSQL(triggers_create(TABLES), triggers_drop(TABLES))]
