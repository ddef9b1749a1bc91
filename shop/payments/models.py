from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Payment(models.Model):
    """One attempt at paying an order through a gateway (for Stripe: one PaymentIntent)."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="payments", verbose_name=_("order")
    )
    gateway = models.CharField(_("gateway"), max_length=64)
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    reference = models.CharField(_("gateway reference"), max_length=128)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment attempt")
        verbose_name_plural = _("payment attempts")
        ordering = ("order", "attempt")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "gateway", "attempt"], name="payments_payment_attempt_unique"
            ),
            models.UniqueConstraint(
                fields=["gateway", "reference"], name="payments_payment_reference_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order} #{self.attempt} {self.reference}"


class Refund(models.Model):
    """Money given back on an order, through the gateway that took it."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="refunds", verbose_name=_("order")
    )
    gateway = models.CharField(_("gateway"), max_length=64)
    reference = models.CharField(_("gateway reference"), max_length=128)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("reason"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "reference"], name="payments_refund_reference_unique"
            ),
            # Zero when the units given back cost the shopper nothing (a promo code paid them).
            models.CheckConstraint(condition=Q(amount__gte=0), name="payments_refund_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.order} refund {self.amount}"


class RefundLine(models.Model):
    """The part of a refund owed by one seller: some units of a line, or its group's shipping."""

    refund = models.ForeignKey(
        Refund, on_delete=models.CASCADE, related_name="lines", verbose_name=_("refund")
    )
    group = models.ForeignKey(
        "orders.FulfilmentGroup",
        on_delete=models.CASCADE,
        related_name="refund_lines",
        verbose_name=_("group"),
    )
    line = models.ForeignKey(
        "orders.OrderLine",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="refund_lines",
        verbose_name=_("order line"),
        help_text=_("Empty for the group's shipping."),
    )
    quantity = models.PositiveIntegerField(_("quantity"), default=0)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("refunded line")
        verbose_name_plural = _("refunded lines")
        ordering = ("refund", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="payments_refundline_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(line__isnull=True, quantity=0) | Q(line__isnull=False, quantity__gt=0),
                name="payments_refundline_units_for_lines",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.refund} {self.amount}"


class WebhookEvent(models.Model):
    """A gateway's event that was processed: the same event id is never processed twice."""

    gateway = models.CharField(_("gateway"), max_length=64)
    event_id = models.CharField(_("event id"), max_length=128)
    event_type = models.CharField(_("type"), max_length=64)
    outcome = models.CharField(_("outcome"), max_length=64)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        ordering = ("-received_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "event_id"], name="payments_webhookevent_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"


class SellerPayoutSettings(models.Model):
    """How a seller is paid: the programme's commission and, later, its Stripe Connect account."""

    seller = models.OneToOneField(
        "catalogue.Seller",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="payout_settings",
        verbose_name=_("seller"),
    )
    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Share kept by the programme, 0 to 1; empty uses the default rate."),
    )
    stripe_account_id = models.CharField(
        _("Stripe Connect account"),
        max_length=64,
        blank=True,
        validators=[RegexValidator(r"^acct_[A-Za-z0-9]+$", _("A Stripe account id: acct_…"))],
    )

    class Meta:
        verbose_name = _("seller payout settings")
        verbose_name_plural = _("seller payout settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(commission_rate__isnull=True)
                | Q(commission_rate__gte=0, commission_rate__lte=1),
                name="payments_payout_commission_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.seller)
