"""Promo codes (vouchers) of the brand team's campaigns.

A voucher takes a share of the products (a percentage), a fixed amount off the products, or the
delivery of every producer. The programme funds it: producers are paid and charged commission on
the undiscounted goods (see shop.payments.ledger), and the programme's cost is reported apart.
"""

from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from catalogue.models.translations import TranslatableModel

CODE_LENGTH_MAX = 32
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$"


def code_normalise(code: str) -> str:
    """A code as stored and looked up: without surrounding spaces, upper-case ("ete24" ->
    "ETE24"), so shoppers may type it in any case."""
    return code.strip().upper()


class VoucherKind(models.TextChoices):
    PERCENTAGE = "percentage", _("Percentage off the products")
    FIXED = "fixed", _("Fixed amount off the products")
    FREE_SHIPPING = "free_shipping", _("Free delivery")


class Voucher(TranslatableModel):
    """A promo code: what it takes off, when, for how many orders.

    `value` is a percentage (1 to 100) for PERCENTAGE, euro cents for FIXED, and 0 for
    FREE_SHIPPING. Amounts are taken off the goods (tax included), never below zero; free
    delivery zeroes the delivery of every producer. A use is an order placed with the code
    that is neither cancelled nor expired (see shop.discounts.selectors).
    """

    TRANSLATED_FIELDS = ("name",)

    code = models.CharField(
        _("code"),
        max_length=CODE_LENGTH_MAX,
        unique=True,
        validators=[
            RegexValidator(
                CODE_PATTERN,
                _("3 to 32 letters, digits, dashes or underscores; a letter or digit first."),
            )
        ],
        help_text=_("What shoppers type, in any case; kept in capitals."),
    )
    name = models.CharField(
        _("name shown to shoppers"), max_length=120, help_text=_("For example: Summer welcome")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=VoucherKind.choices)
    value = models.PositiveIntegerField(
        _("value"),
        default=0,
        help_text=_(
            "Percent for a percentage, euro cents for a fixed amount, 0 for free delivery."
        ),
    )
    minimum_subtotal = models.PositiveIntegerField(
        _("minimum products total (cents)"),
        default=0,
        help_text=_("Products total, VAT included, below which the code does not apply."),
    )
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    usage_limit = models.PositiveIntegerField(
        _("usage limit"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10_000_000)],
        help_text=_("Orders in all; empty for no limit."),
    )
    once_per_email = models.BooleanField(_("once per customer email"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    campaign = models.ForeignKey(
        "branding.Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vouchers",
        verbose_name=_("campaign"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("promo code")
        verbose_name_plural = _("promo codes")
        ordering = ("-valid_from", "code")
        constraints = [
            models.CheckConstraint(
                condition=Q(code=Upper("code")),
                name="discounts_code_upper",
                violation_error_message=_("A code is kept in capitals."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=VoucherKind.PERCENTAGE, value__gte=1, value__lte=100)
                    | Q(kind=VoucherKind.FIXED, value__gte=1)
                    | Q(kind=VoucherKind.FREE_SHIPPING, value=0)
                ),
                name="discounts_value_fits_kind",
                violation_error_message=_(
                    "A percentage is 1 to 100, a fixed amount at least 1 cent, free delivery 0."
                ),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="discounts_dates_ordered",
                violation_error_message=_("The code must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(usage_limit__isnull=True) | Q(usage_limit__gte=1),
                name="discounts_usage_limit_positive",
                violation_error_message=_("A usage limit is at least 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_free_delivery(self) -> bool:
        return self.kind == VoucherKind.FREE_SHIPPING
