"""Producers: their legal identity, competent chamber, onboarding state and members."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models import ReviewStatus, Seller
from catalogue.models.translations import TranslatableModel
from producers.models.chamber import Chamber, ChamberCode
from producers.siret import validate_siret
from shop.shipping.models import DeliveryMethod

LOT_POSTCODE_PATTERN = r"^46[0-9]{3}$"


class ActivityKind(models.TextChoices):
    FARM = "farm", _("Farm (agricultural operator)")
    CRAFT = "craft", _("Craft (artisan)")
    TRADE = "trade", _("Trade or industry")


# The parcel services a producer may offer; pickup is offered by naming a pickup place.
SHIPPING_METHODS = (DeliveryMethod.STANDARD, DeliveryMethod.CHILLED)


def shipping_methods_default() -> list[str]:
    return [method.value for method in SHIPPING_METHODS]


COMPETENT_CHAMBER = {
    ActivityKind.FARM: ChamberCode.AGRICULTURE,
    ActivityKind.CRAFT: ChamberCode.CMA,
    ActivityKind.TRADE: ChamberCode.CCI,
}


class Producer(TranslatableModel):
    """A farm, workshop or shop of the Lot: its legal identity and its onboarding state."""

    TRANSLATED_FIELDS = ("story", "pickup_days")

    seller = models.OneToOneField(
        Seller, on_delete=models.PROTECT, related_name="producer", verbose_name=_("seller")
    )
    legal_name = models.CharField(_("legal name"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14, unique=True, validators=[validate_siret])
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    activity_kind = models.CharField(_("activity"), max_length=8, choices=ActivityKind.choices)
    chamber = models.ForeignKey(
        Chamber, on_delete=models.PROTECT, related_name="producers", verbose_name=_("chamber")
    )
    address_line = models.CharField(_("address"), max_length=250)
    postcode = models.CharField(_("postcode"), max_length=5)
    town = models.CharField(_("town"), max_length=120)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("contact email"))
    website = models.URLField(_("website"), blank=True)
    story = models.TextField(_("story"), blank=True)
    pickup_place = models.CharField(
        _("pickup place"),
        max_length=250,
        blank=True,
        help_text=_("Where shoppers may collect their order; empty when pickup is not offered."),
    )
    pickup_days = models.CharField(_("pickup days and hours"), max_length=200, blank=True)
    shipping_methods = ArrayField(
        models.CharField(
            max_length=16, choices=[(method.value, method.label) for method in SHIPPING_METHODS]
        ),
        verbose_name=_("shipping offered"),
        default=shipping_methods_default,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ProducerMember",
        related_name="producers",
        verbose_name=_("members"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        ordering = ("seller__name",)
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode__regex=LOT_POSTCODE_PATTERN),
                name="producers_producer_lot_postcode",
            ),
            models.CheckConstraint(
                condition=Q(siret__regex=r"^[0-9]{14}$"), name="producers_producer_siret_digits"
            ),
            models.CheckConstraint(
                condition=Q(activity_kind__in=ActivityKind.values),
                name="producers_producer_activity_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values),
                name="producers_producer_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    shipping_methods__contained_by=[method.value for method in SHIPPING_METHODS]
                ),
                name="producers_producer_shipping_methods_known",
            ),
        ]

    def __str__(self) -> str:
        return self.seller.name


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    STAFF = "staff", _("Staff")


class ProducerMember(models.Model):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, verbose_name=_("producer"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=8, choices=MemberRole.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("producer member")
        verbose_name_plural = _("producer members")
        constraints = [
            models.UniqueConstraint(fields=["producer", "user"], name="producers_member_unique"),
            models.UniqueConstraint(
                fields=["producer"],
                condition=Q(role="owner"),
                name="producers_member_single_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.producer}, {self.role})"
