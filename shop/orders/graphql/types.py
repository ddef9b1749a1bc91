"""Orders as Saleor's storefront reads them: one order, whatever the number of producers."""

from dataclasses import dataclass
from decimal import Decimal

import graphene

from catalogue.graphql.dataloaders import PRODUCT, VARIANT, ImagesByProduct, VariantById
from catalogue.graphql.images import image_url
from catalogue.graphql.products import ImageValue
from shop.checkout.graphql.delivery import ShippingMethodValue
from shop.discounts.graphql.types import VoucherValue, voucher_of_order
from shop.graphql.core.channel import DEFAULT_CHANNEL
from shop.graphql.core.connections import countable_connection
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.money import MoneyValue, money, taxed_money
from shop.orders.graphql.invoices import order_invoices
from shop.orders.graphql.totals import order_totals
from shop.orders.models import HANDED_OVER, OrderStatus, PaymentStatus
from shop.payments.graphql.transactions import PaymentEntriesByOrder, order_transactions
from shop.shipping.models import DeliveryMethod

ORDER_STATUSES = {
    OrderStatus.PENDING_PAYMENT: "UNCONFIRMED",
    OrderStatus.UNFULFILLED: "UNFULFILLED",
    OrderStatus.PARTIALLY_FULFILLED: "PARTIALLY_FULFILLED",
    OrderStatus.FULFILLED: "FULFILLED",
    OrderStatus.CANCELLED: "CANCELED",
    OrderStatus.EXPIRED: "EXPIRED",
}
PAYMENT_STATUSES = {
    PaymentStatus.UNPAID: "NOT_CHARGED",
    PaymentStatus.AUTHORISED: "PENDING",
    PaymentStatus.PAID: "FULLY_CHARGED",
    PaymentStatus.PARTIALLY_REFUNDED: "PARTIALLY_REFUNDED",
    PaymentStatus.REFUNDED: "FULLY_REFUNDED",
    PaymentStatus.FAILED: "REFUSED",
}
CHARGED = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)


class OrderLine(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    thumbnail = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    unit_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    undiscounted_unit_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    total_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    variant = graphene.Field("catalogue.graphql.variants.ProductVariant")
    translated_product_name = graphene.String(required=True)
    translated_variant_name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("OrderLine", root.pk)

    @staticmethod
    def resolve_product_sku(root, info) -> str:
        return root.sku

    @staticmethod
    def resolve_is_shipping_required(root, info) -> bool:
        return True

    @staticmethod
    def resolve_quantity_fulfilled(root, info) -> int:
        return root.quantity if root.group.status in HANDED_OVER else 0

    @staticmethod
    def resolve_variant(root, info):
        if root.variant_id is None:
            return None
        return info.context.loaders.get(VariantById).load(root.variant_id)

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None) -> ImageValue | None:
        variant = OrderLine.resolve_variant(root, info)
        if variant is None:
            return None
        info.context.loaders.announce(PRODUCT, [variant.product_id])
        images = info.context.loaders.get(ImagesByProduct).load(variant.product_id)
        if not images:
            return None
        return ImageValue(url=image_url(info, images[0], size), alt=images[0].translated("alt"))

    @staticmethod
    def resolve_unit_price(root, info):
        """The unit price as the shopper paid it: the line's share of the promo code deducted."""
        return taxed_money(root.discounted_total / root.quantity, root.vat_rate)

    @staticmethod
    def resolve_undiscounted_unit_price(root, info):
        return taxed_money(root.unit_price, root.vat_rate)

    @staticmethod
    def resolve_total_price(root, info):
        return taxed_money(root.discounted_total, root.vat_rate)

    @staticmethod
    def resolve_translated_product_name(root, info) -> str:
        return root.product_name

    @staticmethod
    def resolve_translated_variant_name(root, info) -> str:
        return root.variant_name


class FulfillmentLine(graphene.ObjectType):
    id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    order_line = graphene.Field(OrderLine)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("FulfillmentLine", root.pk)

    @staticmethod
    def resolve_order_line(root, info):
        return root


class Fulfillment(graphene.ObjectType):
    """A producer's parcel once shipped (our fulfilment group)."""

    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    fulfillment_order = graphene.Int(required=True)
    status = graphene.Field("shop.orders.graphql.enums.FulfillmentStatus", required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(FulfillmentLine))
    status_display = graphene.String()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Fulfillment", root.pk)

    @staticmethod
    def resolve_status_display(root, info) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_fulfillment_order(root, info) -> int:
        return root.pk

    @staticmethod
    def resolve_status(root, info) -> str:
        return "FULFILLED"

    @staticmethod
    def resolve_created(root, info):
        return root.invoiced_at or root.order.paid_at or root.order.created_at

    @staticmethod
    def resolve_lines(root, info) -> list:
        return list(root.lines.all())


class OrderDiscount(graphene.ObjectType):
    id = graphene.ID(required=True)
    type = graphene.Field("shop.orders.graphql.enums.OrderDiscountType", required=True)
    name = graphene.String()
    amount = graphene.Field(
        "shop.graphql.core.types.Money", required=True, deprecation_reason=DEPRECATED
    )


@dataclass(frozen=True)
class OrderDiscountValue:
    id: str
    type: str
    name: str
    amount: MoneyValue


class Order(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    token = graphene.String(required=True, deprecation_reason=DEPRECATED)
    number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field("shop.orders.graphql.enums.OrderStatus", required=True)
    status_display = graphene.String(required=True)
    user = graphene.Field("shop.accounts.graphql.types.User")
    user_email = graphene.String()
    billing_address = graphene.Field("shop.accounts.graphql.types.Address")
    shipping_address = graphene.Field("shop.accounts.graphql.types.Address")
    channel = graphene.Field("shop.graphql.core.types.Channel", required=True)
    fulfillments = graphene.List(graphene.NonNull(Fulfillment), required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    is_paid = graphene.Boolean(required=True)
    payment_status = graphene.Field(
        "shop.orders.graphql.enums.PaymentChargeStatusEnum", required=True
    )
    payment_status_display = graphene.String(required=True)
    authorize_status = graphene.Field(
        "shop.orders.graphql.enums.OrderAuthorizeStatusEnum", required=True
    )
    charge_status = graphene.Field("shop.orders.graphql.enums.OrderChargeStatusEnum", required=True)
    subtotal = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    shipping_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    total = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    total_captured = graphene.Field(
        "shop.graphql.core.types.Money", required=True, deprecation_reason=DEPRECATED
    )
    total_charged = graphene.Field("shop.graphql.core.types.Money", required=True)
    total_balance = graphene.Field("shop.graphql.core.types.Money", required=True)
    voucher = graphene.Field("shop.discounts.graphql.types.Voucher")
    voucher_code = graphene.String()
    customer_note = graphene.String(required=True)
    delivery_method = graphene.Field("shop.checkout.graphql.types.DeliveryMethod")
    shipping_method_name = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    language_code_enum = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    discounts = graphene.List(graphene.NonNull(OrderDiscount), required=True)
    undiscounted_total = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    total_authorized = graphene.Field("shop.graphql.core.types.Money", required=True)
    checkout_id = graphene.ID()
    collection_point_name = graphene.String(
        description="Where the shopper collects the parts picked up at their producers."
    )
    transactions = graphene.List(
        graphene.NonNull("shop.payments.graphql.types.TransactionItem"), required=True
    )
    invoices = graphene.List(
        graphene.NonNull("shop.orders.graphql.invoices.Invoice"), required=True
    )

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Order", root.token)

    @staticmethod
    def resolve_undiscounted_total(root, info):
        return order_totals(root, undiscounted=True).order

    @staticmethod
    def resolve_total_authorized(root, info):
        return money(0)  # the gateways charge at once

    @staticmethod
    def resolve_checkout_id(root, info) -> str | None:
        return to_global_id("Checkout", root.checkout_token) if root.checkout_token else None

    @staticmethod
    def resolve_token(root, info) -> str:
        return str(root.token)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_status(root, info) -> str:
        return ORDER_STATUSES[root.status]

    @staticmethod
    def resolve_status_display(root, info) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_user_email(root, info) -> str:
        return root.email

    @staticmethod
    def resolve_channel(root, info):
        return DEFAULT_CHANNEL

    @staticmethod
    def resolve_fulfillments(root, info) -> list:
        return [group for group in root.groups.all() if group.status in HANDED_OVER]

    @staticmethod
    def resolve_lines(root, info) -> list:
        lines = [line for group in root.groups.all() for line in group.lines.all()]
        info.context.loaders.announce(VARIANT, (line.variant_id for line in lines))
        return lines

    @staticmethod
    def resolve_is_paid(root, info) -> bool:
        return root.payment_status in CHARGED

    @staticmethod
    def resolve_payment_status(root, info) -> str:
        return PAYMENT_STATUSES[root.payment_status]

    @staticmethod
    def resolve_payment_status_display(root, info) -> str:
        return str(root.get_payment_status_display())

    @staticmethod
    def resolve_authorize_status(root, info) -> str:
        return "FULL" if root.payment_status in CHARGED else "NONE"

    @staticmethod
    def resolve_charge_status(root, info) -> str:
        return "FULL" if root.payment_status in CHARGED else "NONE"

    @staticmethod
    def resolve_subtotal(root, info):
        return order_totals(root).goods

    @staticmethod
    def resolve_shipping_price(root, info):
        return order_totals(root).shipping

    @staticmethod
    def resolve_total(root, info):
        return order_totals(root).order

    @staticmethod
    def resolve_total_captured(root, info):
        return money(root.total if root.payment_status in CHARGED else 0)

    resolve_total_charged = resolve_total_captured

    @staticmethod
    def resolve_total_balance(root, info):
        paid = root.total if root.payment_status in CHARGED else Decimal("0.00")
        return money(paid - root.total)

    @staticmethod
    def resolve_customer_note(root, info) -> str:
        return root.note

    @staticmethod
    def resolve_delivery_method(root, info) -> ShippingMethodValue:
        return ShippingMethodValue(
            id=to_global_id("ShippingMethod", "order"),
            name=Order.resolve_shipping_method_name(root, info),
            price=money(root.shipping_total),
        )

    @staticmethod
    def resolve_collection_point_name(root, info) -> str | None:
        points = [
            ": ".join(part for part in (group.seller.name, group.delivery_detail) if part)
            for group in root.groups.all()
            if group.delivery_method == DeliveryMethod.PICKUP
        ]
        return ", ".join(points) or None

    @staticmethod
    def resolve_transactions(root, info) -> list:
        entries = info.context.loaders.get(PaymentEntriesByOrder).load(root.pk)
        return order_transactions(root, entries)

    @staticmethod
    def resolve_invoices(root, info) -> list:
        return order_invoices(root)

    @staticmethod
    def resolve_shipping_method_name(root, info) -> str:
        names = (str(group.get_delivery_method_display()) for group in root.groups.all())
        return ", ".join(dict.fromkeys(names))

    @staticmethod
    def resolve_is_shipping_required(root, info) -> bool:
        return True

    @staticmethod
    def resolve_language_code_enum(root, info) -> str:
        return root.language_code.upper()

    @staticmethod
    def resolve_voucher(root, info) -> VoucherValue | None:
        return voucher_of_order(root)

    @staticmethod
    def resolve_voucher_code(root, info) -> str | None:
        return root.voucher_code or None

    @staticmethod
    def resolve_discounts(root, info) -> list[OrderDiscountValue]:
        """The promo code's discount (goods and delivery), named as the shopper saw it."""
        if not root.voucher_code:
            return []
        return [
            OrderDiscountValue(
                id=to_global_id("OrderDiscount", root.token),
                type="VOUCHER",
                name=root.discount_name,
                amount=money(root.discount_total),
            )
        ]


OrderCountableConnection = countable_connection(Order, "Order")
