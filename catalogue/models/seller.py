from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models.search_vector import seller_search_vector


class SellerKind(models.TextChoices):
    PRODUCER = "producer", _("Producer")
    PROGRAMME = "programme", _("Oh my Lot ! programme")


class Seller(models.Model):
    """Whoever sells a product: a producer of the Lot, or the programme itself (merchandise).

    The producers room keeps the producer's identity and onboarding; the catalogue only needs to
    know who sells and whether they may sell now.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=SellerKind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    town = models.CharField(_("town"), max_length=120, blank=True)
    is_selling = models.BooleanField(
        _("may sell"), default=False, help_text=_("Set when the seller is approved.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("seller")
        verbose_name_plural = _("sellers")
        ordering = ("name",)
        indexes = [GinIndex(seller_search_vector(), name="catalogue_seller_search")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="programme"),
                name="catalogue_seller_single_programme",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SellerKind.values), name="catalogue_seller_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name
