import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata
from shop.shipping.models import DeliveryMethod


class Checkout(ModelWithMetadata):
    """A cart on its way to becoming an order. Guests keep its token in their session."""

    # Its owner writes its public metadata; a guest's checkout, whoever holds its token.
    METADATA_OWNER_FIELD = "user_id"
    METADATA_OPEN_UNOWNED = True

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checkouts",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email"), blank=True)
    language_code = models.CharField(_("language"), max_length=8, default="fr")
    shipping_address = models.ForeignKey(
        "accounts.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shipping address"),
    )
    billing_address = models.ForeignKey(
        "accounts.Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("billing address"),
    )
    note = models.TextField(_("note for the producers"), blank=True)
    # One promo code per checkout; whether it still applies is checked whenever the checkout
    # is read and again when the order is placed (shop.checkout.selectors).
    voucher = models.ForeignKey(
        "discounts.Voucher",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("promo code"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("checkout")
        verbose_name_plural = _("checkouts")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(user__isnull=False), name="checkout_one_per_user"
            ),
        ]

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(ModelWithMetadata):
    # Whoever holds the checkout writes its lines' public metadata: its owner, or for a guest's
    # checkout whoever was shown the line's secret token (the API's line ID holds it).
    METADATA_OWNER_FIELD = "checkout__user_id"
    METADATA_OPEN_UNOWNED = True

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    checkout = models.ForeignKey(
        Checkout, on_delete=models.CASCADE, related_name="lines", verbose_name=_("checkout")
    )
    variant = models.ForeignKey(
        "catalogue.ProductVariant",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("variant"),
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("checkout line")
        verbose_name_plural = _("checkout lines")
        ordering = ("created_at", "id")
        constraints = [
            models.UniqueConstraint(fields=["checkout", "variant"], name="checkout_line_unique"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="checkout_line_qty_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.variant}"


class CheckoutDelivery(models.Model):
    """The delivery method a shopper chose for one seller's part of the cart."""

    checkout = models.ForeignKey(
        Checkout, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("checkout")
    )
    seller = models.ForeignKey(
        "catalogue.Seller", on_delete=models.CASCADE, related_name="+", verbose_name=_("seller")
    )
    method = models.CharField(_("method"), max_length=16, choices=DeliveryMethod.choices)

    class Meta:
        verbose_name = _("delivery choice")
        verbose_name_plural = _("delivery choices")
        constraints = [
            models.UniqueConstraint(fields=["checkout", "seller"], name="checkout_delivery_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.seller}: {self.method}"
