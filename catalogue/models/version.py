from django.db import models


class CatalogueVersion(models.Model):
    """One row counting the changes to what shoppers see: the catalogue, the producers' pages
    and the brand's campaigns. Pages cached for every visitor carry a count in their keys, so
    a change shows on the next page view.

    Two counts: `number` counts every change, a variant's stock running out or coming back
    included (for the parts that show stock: a listing filtered on it); `content_number` every
    change but those (for the parts that never show stock: a product's page, whose stock and
    form are made at each view, the menus), which a sell-out leaves kept.

    The database counts, not the code: triggers (migrations `catalogue.0014`, `producers.0008`,
    `branding.0003`; `catalogue.version_triggers`) add one in the transaction of every write to
    those tables, whoever makes it (services, the admin, bulk loads, a conditional stock
    update). A sale that leaves some stock changes neither count.
    """

    number = models.BigIntegerField(default=0)
    content_number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.number} ({self.content_number} without stock)"
