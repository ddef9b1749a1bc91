from django.db import models


class CatalogueVersion(models.Model):
    """One row counting the changes to what shoppers see: the catalogue, the producers' pages
    and the brand's campaigns. Pages cached for every visitor carry the count in their keys, so
    a change shows on the next page view.

    The database counts, not the code: triggers (migrations `catalogue.0010`, `producers.0008`,
    `branding.0003`) add one in the transaction of every write to those tables, whoever makes it
    (services, the admin, bulk loads, a conditional stock update). A variant's stock counts only
    when it runs out or comes back: a sale that leaves some changes nothing a cached page shows.
    """

    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)
