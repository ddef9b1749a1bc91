from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryMethod(models.TextChoices):
    STANDARD = "standard", _("Standard parcel")
    CHILLED = "chilled", _("Chilled express")
    PICKUP = "pickup", _("Pickup at the producer")


class ShippingZone(models.TextChoices):
    FRANCE = "fr", _("France")
    EUROPE = "eu", _("European Union")


class WeightRate(models.Model):
    """The price of a parcel of at most `max_weight_grams` sent by `method` within `zone`."""

    method = models.CharField(_("method"), max_length=16, choices=DeliveryMethod.choices)
    zone = models.CharField(_("zone"), max_length=2, choices=ShippingZone.choices)
    max_weight_grams = models.PositiveIntegerField(_("up to (g)"))
    price = models.DecimalField(_("price incl. VAT (EUR)"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("weight rate")
        verbose_name_plural = _("weight rates")
        ordering = ("method", "zone", "max_weight_grams")
        constraints = [
            models.UniqueConstraint(
                fields=["method", "zone", "max_weight_grams"], name="shipping_rate_unique"
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="shipping_rate_price_pos"),
            models.CheckConstraint(
                condition=~Q(method="pickup"), name="shipping_rate_pickup_is_free"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.zone} ≤ {self.max_weight_grams} g"
