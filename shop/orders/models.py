import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata
from shop.shipping.models import DeliveryMethod


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    UNFULFILLED = "unfulfilled", _("Paid, being prepared")
    PARTIALLY_FULFILLED = "partially_fulfilled", _("Partly shipped")
    FULFILLED = "fulfilled", _("Shipped")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired without payment")


class PaymentStatus(models.TextChoices):
    UNPAID = "unpaid", _("Unpaid")
    AUTHORISED = "authorised", _("Authorised")
    PAID = "paid", _("Paid")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    REFUNDED = "refunded", _("Refunded")
    FAILED = "failed", _("Failed")


class Order(ModelWithMetadata):
    """What a shopper bought, split into one fulfilment group per seller."""

    METADATA_OWNER_FIELD = "user_id"  # its shopper writes its public metadata

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    checkout_token = models.UUIDField(_("checkout token"), null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email"))
    language_code = models.CharField(_("language"), max_length=8, default="fr")
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=OrderStatus.choices,
        default=OrderStatus.PENDING_PAYMENT,
    )
    payment_status = models.CharField(
        _("payment status"),
        max_length=24,
        choices=PaymentStatus.choices,
        default=PaymentStatus.UNPAID,
    )
    payment_gateway = models.CharField(_("payment gateway"), max_length=64, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=128, blank=True)
    shipping_address = models.ForeignKey(
        "accounts.Address", on_delete=models.PROTECT, related_name="+", verbose_name=_("shipping")
    )
    billing_address = models.ForeignKey(
        "accounts.Address", on_delete=models.PROTECT, related_name="+", verbose_name=_("billing")
    )
    note = models.TextField(_("note for the producers"), blank=True)
    subtotal = models.DecimalField(_("products incl. VAT"), max_digits=12, decimal_places=2)
    shipping_total = models.DecimalField(_("shipping incl. VAT"), max_digits=12, decimal_places=2)
    # The promo code the order was placed with: its code and name as the shopper saw them, and
    # what it took off in all (goods and delivery), shared over the lines and groups below.
    voucher = models.ForeignKey(
        "discounts.Voucher",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("promo code"),
    )
    voucher_code = models.CharField(_("promo code"), max_length=32, blank=True)
    discount_name = models.CharField(_("discount"), max_length=120, blank=True)
    discount_total = models.DecimalField(
        _("discount incl. VAT"), max_digits=12, decimal_places=2, default=Decimal("0.00")
    )
    total = models.DecimalField(_("total incl. VAT"), max_digits=12, decimal_places=2)
    majority_confirmed = models.BooleanField(_("buyer confirmed being of age"), default=False)
    reserved_until = models.DateTimeField(_("stock reserved until"), null=True, blank=True)
    stock_released = models.BooleanField(_("stock given back"), default=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ("-created_at",)
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    total=models.F("subtotal")
                    + models.F("shipping_total")
                    - models.F("discount_total")
                ),
                name="orders_order_total_adds_up",
            ),
            models.CheckConstraint(
                condition=Q(discount_total__gte=0, total__gte=0),
                name="orders_order_discount_within_total",
            ),
            models.CheckConstraint(condition=Q(subtotal__gt=0), name="orders_order_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=OrderStatus.values), name="orders_order_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(payment_status__in=PaymentStatus.values),
                name="orders_order_payment_status_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["reserved_until"],
                condition=Q(status="pending_payment"),
                name="orders_pending_reserved_until",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The order number shoppers and producers quote."""
        return f"OML-{self.pk:06d}"

    @property
    def undiscounted_total(self) -> Decimal:
        """Goods and delivery before the promo code."""
        return self.subtotal + self.shipping_total


class FulfilmentStatus(models.TextChoices):
    UNFULFILLED = "unfulfilled", _("To prepare")
    PACKED = "packed", _("Packed")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    READY_FOR_PICKUP = "ready_for_pickup", _("Ready for pickup")
    COLLECTED = "collected", _("Collected")
    CANCELLED = "cancelled", _("Cancelled")


# A group has left its producer: sent by a carrier, or collected by the shopper. Its lines count
# as fulfilled (the order's progress, the producer's ledger, the API's fulfilments).
HANDED_OVER = (FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED, FulfilmentStatus.COLLECTED)


class FulfilmentGroup(models.Model):
    """One seller's part of an order: its lines, its delivery and its invoice."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="groups", verbose_name=_("order")
    )
    seller = models.ForeignKey(
        "catalogue.Seller",
        on_delete=models.PROTECT,
        related_name="fulfilment_groups",
        verbose_name=_("seller"),
    )
    delivery_method = models.CharField(
        _("delivery method"), max_length=16, choices=DeliveryMethod.choices
    )
    delivery_detail = models.CharField(_("delivery detail"), max_length=250, blank=True)
    shipping_price = models.DecimalField(_("shipping incl. VAT"), max_digits=10, decimal_places=2)
    # Free delivery by promo code: the shopper pays the price less this; the seller is owed it.
    shipping_discount = models.DecimalField(
        _("delivery discount incl. VAT"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=FulfilmentStatus.choices,
        default=FulfilmentStatus.UNFULFILLED,
    )
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    invoice_number = models.CharField(_("invoice number"), max_length=40, blank=True)
    invoiced_at = models.DateTimeField(_("invoiced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("fulfilment group")
        verbose_name_plural = _("fulfilment groups")
        ordering = ("order", "id")
        constraints = [
            models.UniqueConstraint(fields=["order", "seller"], name="orders_group_one_per_seller"),
            models.UniqueConstraint(
                fields=["seller", "invoice_number"],
                condition=~Q(invoice_number=""),
                name="orders_group_invoice_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(shipping_price__gte=0), name="orders_group_shipping_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(shipping_discount__gte=0, shipping_discount__lte=F("shipping_price")),
                name="orders_group_shipping_discount_within_price",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order} / {self.seller}"

    @property
    def shipping_paid(self) -> Decimal:
        """The delivery as the shopper pays it, promo code deducted."""
        return self.shipping_price - self.shipping_discount


class OrderLine(ModelWithMetadata):
    """A bought variant, with the name, price and VAT rate it was bought at."""

    METADATA_OWNER_FIELD = "order__user_id"  # the shopper who placed the order, as for orders

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order")
    )
    group = models.ForeignKey(
        FulfilmentGroup, on_delete=models.CASCADE, related_name="lines", verbose_name=_("group")
    )
    variant = models.ForeignKey(
        "catalogue.ProductVariant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("variant"),
    )
    product_name = models.CharField(_("product"), max_length=200)
    variant_name = models.CharField(_("variant"), max_length=200, blank=True)
    sku = models.CharField(_("SKU"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price = models.DecimalField(_("unit price incl. VAT"), max_digits=10, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    # The line's share, in cents, of the promo code's discount on the goods (tax included).
    discount = models.DecimalField(
        _("discount incl. VAT"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ("group", "id")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="orders_line_qty_pos"),
            models.CheckConstraint(condition=Q(unit_price__gt=0), name="orders_line_price_pos"),
            models.CheckConstraint(
                condition=Q(discount__gte=0, discount__lte=F("unit_price") * F("quantity")),
                name="orders_line_discount_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_name}"

    @property
    def total(self) -> Decimal:
        """The line before the promo code: what the seller is owed for it."""
        return self.unit_price * self.quantity

    @property
    def discounted_total(self) -> Decimal:
        """The line as the shopper pays it, its share of the promo code deducted."""
        return self.total - self.discount


class InvoiceSeries(models.Model):
    """Each seller numbers its invoices in its own unbroken series."""

    seller = models.OneToOneField(
        "catalogue.Seller",
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="invoice_series",
        verbose_name=_("seller"),
    )
    prefix = models.CharField(_("prefix"), max_length=16)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("invoice series")
        verbose_name_plural = _("invoice series")

    def __str__(self) -> str:
        return f"{self.prefix} ({self.last_number})"


class OrderEvent(models.Model):
    """The order's history: every change of state, who made it, when and why."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("order")
    )
    action = models.CharField(_("action"), max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_state = models.CharField(_("previous state"), max_length=32, blank=True)
    to_state = models.CharField(_("new state"), max_length=32, blank=True)
    message = models.TextField(_("message"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order events")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"{self.order} {self.action}"
