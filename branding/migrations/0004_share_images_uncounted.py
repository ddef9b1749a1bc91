from django.db import migrations

from catalogue.version_triggers import triggers_drop


class Migration(migrations.Migration):
    """Share pictures are made after the first view of a page that asks for them: counted as a
    change, each would have emptied every kept page. Pages read them at each view instead."""

    dependencies = [("branding", "0003_catalogue_version")]

    operations = [
        migrations.RunSQL(triggers_drop(["branding_shareimage"]), migrations.RunSQL.noop),
    ]
