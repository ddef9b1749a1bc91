from django.contrib import admin

from catalogue.metadata.admin import MetadataShownAdmin
from shop.orders.models import FulfilmentGroup, InvoiceSeries, Order, OrderEvent, OrderLine
from shop.payments.admin import order_refund_lines, order_refund_whole


class FulfilmentGroupInline(admin.TabularInline):
    model = FulfilmentGroup
    fields = (
        "seller",
        "delivery_method",
        "shipping_price",
        "shipping_discount",
        "status",
        "carrier",
        "tracking_number",
        "invoice_number",
    )
    readonly_fields = (
        "seller",
        "delivery_method",
        "shipping_price",
        "shipping_discount",
        "invoice_number",
    )
    extra = 0
    can_delete = False


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    fields = (
        "group",
        "sku",
        "product_name",
        "variant_name",
        "quantity",
        "unit_price",
        "vat_rate",
        "discount",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class OrderEventInline(admin.TabularInline):
    model = OrderEvent
    fields = ("created_at", "action", "actor", "from_state", "to_state", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Order)
class OrderAdmin(MetadataShownAdmin):
    """Orders change state through the shop's services; the admin shows them and their history."""

    list_display = ("number", "email", "status", "payment_status", "total", "created_at")
    list_filter = ("status", "payment_status")
    search_fields = (
        "email",
        "token",
        "payment_reference",
        "groups__invoice_number",
        "voucher_code",
    )
    date_hierarchy = "created_at"
    readonly_fields = (
        "token",
        "user",
        "email",
        "status",
        "payment_status",
        "payment_gateway",
        "payment_reference",
        "shipping_address",
        "billing_address",
        "subtotal",
        "shipping_total",
        "voucher",
        "voucher_code",
        "discount_name",
        "discount_total",
        "total",
        "majority_confirmed",
        "reserved_until",
        "paid_at",
        "confirmation_sent_at",
    )
    exclude = ("checkout_token", "stock_released", "language_code")
    inlines = (FulfilmentGroupInline, OrderLineInline, OrderEventInline)
    actions = (order_refund_whole, order_refund_lines)

    def has_add_permission(self, request) -> bool:
        return False

    def has_refund_permission(self, request) -> bool:
        return request.user.has_perm("payments.add_refund")


@admin.register(InvoiceSeries)
class InvoiceSeriesAdmin(admin.ModelAdmin):
    list_display = ("seller", "prefix", "last_number")

    def get_readonly_fields(self, request, obj=None):
        # A series that has started keeps its prefix: invoice numbers never change.
        return ("seller", "prefix", "last_number") if obj else ("last_number",)
