"""The checkout as Saleor's storefront reads it, computed from the checkout's summary."""

import graphene
from django.conf import settings
from django.utils import translation

from catalogue.graphql.dataloaders import PRODUCT
from shop.checkout.graphql.delivery import (
    ShippingMethodValue,
    chosen_delivery,
    collection_points,
    home_delivery,
)
from shop.checkout.graphql.summary import shipping_of, subtotal_of, summary_of, total_of
from shop.checkout.graphql.warehouses import Warehouse, WarehouseValue
from shop.checkout.models import CheckoutLine as CheckoutLineModel
from shop.checkout.selectors import SummaryLine
from shop.graphql.core.channel import DEFAULT_CHANNEL
from shop.graphql.core.connections import countable_connection
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import from_global_id, to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.money import money, taxed_money
from shop.graphql.core.mutations import error_type
from shop.graphql.core.translations import language_of, translation_id
from shop.payments.graphql.transactions import TransactionsByCheckout
from shop.payments.services import payment_gateways_available


class CheckoutLine(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    variant = graphene.Field("catalogue.graphql.variants.ProductVariant", required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    undiscounted_unit_price = graphene.Field("shop.graphql.core.types.Money", required=True)
    total_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    undiscounted_total_price = graphene.Field("shop.graphql.core.types.Money", required=True)
    requires_shipping = graphene.Boolean(required=True)
    is_gift = graphene.Boolean()
    problems = graphene.List(graphene.NonNull(lambda: CheckoutLineProblem))

    @staticmethod
    def metadata_carrier(root: SummaryLine) -> CheckoutLineModel:
        return root.line

    @staticmethod
    def resolve_problems(root: SummaryLine, info) -> list[SummaryLine]:
        return [] if root.is_for_sale and root.is_in_stock else [root]

    @staticmethod
    def resolve_id(root: SummaryLine, info) -> str:
        return to_global_id("CheckoutLine", root.line.token)

    @staticmethod
    def resolve_unit_price(root: SummaryLine, info):
        """The unit price as the shopper pays it: the line's share of the promo code deducted."""
        return taxed_money(root.discounted_total / root.quantity, root.vat_rate)

    @staticmethod
    def resolve_undiscounted_unit_price(root: SummaryLine, info):
        return money(root.unit_price)

    @staticmethod
    def resolve_total_price(root: SummaryLine, info):
        return taxed_money(root.discounted_total, root.vat_rate)

    @staticmethod
    def resolve_undiscounted_total_price(root: SummaryLine, info):
        return money(root.total)

    @staticmethod
    def resolve_requires_shipping(root, info) -> bool:
        return True

    @staticmethod
    def resolve_is_gift(root, info) -> bool:
        return False


class ShippingMethod(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.JSONString()
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()
    translation = graphene.Field(
        lambda: ShippingMethodTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )
    price = graphene.Field("shop.graphql.core.types.Money", required=True)
    active = graphene.Boolean(required=True)
    message = graphene.String()

    @staticmethod
    def resolve_translation(root: ShippingMethodValue, info, language_code) -> dict | None:
        """The method's name in one of the shop's languages."""
        language = language_of(language_code)
        if language not in dict(settings.LANGUAGES):
            return None
        with translation.override(language):
            name = str(root.name)
        key = from_global_id(root.id, "ShippingMethod")
        return {"id": translation_id("ShippingMethod", key, language_code), "name": name}


class ShippingMethodTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String()


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True)
    shipping_method = graphene.Field(ShippingMethod)


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)

    @classmethod
    def resolve_type(cls, instance, info):
        return ShippingMethod if isinstance(instance, ShippingMethodValue) else Warehouse


class CheckoutProblemDeliveryMethodStale(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True)


class CheckoutProblemDeliveryMethodInvalid(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True)


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int()
    line = graphene.Field(CheckoutLine, required=True)

    @staticmethod
    def resolve_available_quantity(root: SummaryLine, info) -> int:
        return max(root.variant.stock_quantity, 0)

    @staticmethod
    def resolve_line(root: SummaryLine, info) -> SummaryLine:
        return root


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(CheckoutLine, required=True)

    @staticmethod
    def resolve_line(root: SummaryLine, info) -> SummaryLine:
        return root


def line_problem_type(line: SummaryLine) -> type[graphene.ObjectType]:
    """A line's problem: its product withdrawn from sale, else too little stock."""
    if line.is_for_sale:
        return CheckoutLineProblemInsufficientStock
    return CheckoutLineProblemVariantNotAvailable


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (
            CheckoutProblemDeliveryMethodStale,
            CheckoutProblemDeliveryMethodInvalid,
            CheckoutLineProblemInsufficientStock,
            CheckoutLineProblemVariantNotAvailable,
        )

    @classmethod
    def resolve_type(cls, instance: SummaryLine, info):
        return line_problem_type(instance)


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)

    @classmethod
    def resolve_type(cls, instance: SummaryLine, info):
        return line_problem_type(instance)


class GiftCard(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    display_code = graphene.String(required=True)
    last_4_code_chars = graphene.String(required=True)
    expiry_date = graphene.Date()
    current_balance = graphene.Field("shop.graphql.core.types.Money", required=True)


class Checkout(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    token = graphene.UUID(required=True)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    user = graphene.Field("shop.accounts.graphql.types.User")
    channel = graphene.Field("shop.graphql.core.types.Channel", required=True)
    email = graphene.String()
    billing_address = graphene.Field("shop.accounts.graphql.types.Address")
    shipping_address = graphene.Field("shop.accounts.graphql.types.Address")
    customer_note = graphene.String(required=True)
    language_code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    discount = graphene.Field("shop.graphql.core.types.Money")
    discount_name = graphene.String()
    translated_discount_name = graphene.String()
    voucher_code = graphene.String()
    gift_cards = graphene.List(graphene.NonNull(GiftCard), required=True)
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True)
    shipping_methods = graphene.List(graphene.NonNull(ShippingMethod), required=True)
    available_collection_points = graphene.List(graphene.NonNull(Warehouse), required=True)
    available_payment_gateways = graphene.List(
        graphene.NonNull("shop.payments.graphql.types.PaymentGateway"),
        required=True,
        deprecation_reason=DEPRECATED,
    )
    delivery = graphene.Field(Delivery)
    subtotal_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    shipping_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    total_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    authorize_status = graphene.Field(
        "shop.checkout.graphql.enums.CheckoutAuthorizeStatusEnum", required=True
    )
    charge_status = graphene.Field(
        "shop.checkout.graphql.enums.CheckoutChargeStatusEnum", required=True
    )
    problems = graphene.List(graphene.NonNull(CheckoutProblem))
    available_shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod), required=True, deprecation_reason=DEPRECATED
    )
    shipping_method = graphene.Field(ShippingMethod, deprecation_reason=DEPRECATED)
    total_balance = graphene.Field("shop.graphql.core.types.Money", required=True)
    display_gross_prices = graphene.Boolean(required=True)
    stock_reservation_expires = graphene.DateTime()
    transactions = graphene.List(
        graphene.NonNull("shop.payments.graphql.types.TransactionItem"),
        description="The payments of the orders the checkout placed, a declined one's too.",
    )

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Checkout", root.token)

    @staticmethod
    def resolve_available_shipping_methods(root, info) -> list[ShippingMethodValue]:
        return Checkout.resolve_shipping_methods(root, info)

    @staticmethod
    def resolve_shipping_method(root, info) -> ShippingMethodValue | None:
        delivery = chosen_delivery(summary_of(info, root))
        return delivery.shipping_method if delivery else None

    @staticmethod
    def resolve_total_balance(root, info):
        """Nothing is paid on a checkout: its order is, once placed."""
        return money(-total_of(summary_of(info, root)).gross.amount)

    @staticmethod
    def resolve_display_gross_prices(root, info) -> bool:
        return True

    @staticmethod
    def resolve_stock_reservation_expires(root, info) -> None:
        return None  # stock is reserved when the order is placed, not in the cart

    @staticmethod
    def resolve_transactions(root, info) -> list:
        return info.context.loaders.get(TransactionsByCheckout).load(root.token)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_channel(root, info):
        return DEFAULT_CHANNEL

    @staticmethod
    def resolve_email(root, info) -> str | None:
        return root.email or None

    @staticmethod
    def resolve_customer_note(root, info) -> str:
        return root.note

    @staticmethod
    def resolve_language_code(root, info) -> str:
        return root.language_code.upper()

    @staticmethod
    def resolve_discount(root, info):
        """What the promo code takes off (goods and delivery); 0 while it does not apply."""
        return money(summary_of(info, root).discount)

    @staticmethod
    def resolve_voucher_code(root, info) -> str | None:
        voucher = summary_of(info, root).voucher
        return voucher.code if voucher else None

    @staticmethod
    def resolve_discount_name(root, info) -> str | None:
        voucher = summary_of(info, root).voucher
        return voucher.name if voucher else None

    @staticmethod
    def resolve_translated_discount_name(root, info) -> str | None:
        """The promo code's name in the checkout's language (French when not translated)."""
        voucher = summary_of(info, root).voucher
        return voucher.translated("name", root.language_code) if voucher else None

    @staticmethod
    def resolve_gift_cards(root, info) -> list:
        return []

    @staticmethod
    def resolve_is_shipping_required(root, info) -> bool:
        return True

    @staticmethod
    def resolve_quantity(root, info) -> int:
        return summary_of(info, root).quantity

    @staticmethod
    def resolve_lines(root, info) -> list[SummaryLine]:
        lines = summary_of(info, root).lines
        info.context.loaders.announce(PRODUCT, (line.product.pk for line in lines))
        return lines

    @staticmethod
    def resolve_shipping_methods(root, info) -> list[ShippingMethodValue]:
        method = home_delivery(summary_of(info, root))
        return [method] if method else []

    @staticmethod
    def resolve_available_collection_points(root, info) -> list[WarehouseValue]:
        return collection_points(summary_of(info, root))

    @staticmethod
    def resolve_available_payment_gateways(root, info) -> list:
        return payment_gateways_available()

    @staticmethod
    def resolve_delivery(root, info):
        return chosen_delivery(summary_of(info, root))

    @staticmethod
    def resolve_subtotal_price(root, info):
        return subtotal_of(summary_of(info, root))

    @staticmethod
    def resolve_shipping_price(root, info):
        return shipping_of(summary_of(info, root))

    @staticmethod
    def resolve_total_price(root, info):
        return total_of(summary_of(info, root))

    @staticmethod
    def resolve_authorize_status(root, info) -> str:
        return "NONE"

    @staticmethod
    def resolve_charge_status(root, info) -> str:
        return "NONE"

    @staticmethod
    def resolve_problems(root, info) -> list[SummaryLine]:
        lines = summary_of(info, root).lines
        return [line for line in lines if not line.is_for_sale or not line.is_in_stock]


CheckoutCountableConnection = countable_connection(Checkout, "Checkout")


class DeliveryOptionsCalculate(graphene.ObjectType):
    deliveries = graphene.Field(graphene.List(graphene.NonNull(lambda: Delivery)), required=True)
    errors = graphene.Field(
        graphene.List(graphene.NonNull(lambda: DeliveryOptionsCalculateError)), required=True
    )


DeliveryOptionsCalculateError = error_type(
    "DeliveryOptionsCalculateError", "shop.checkout.graphql.enums.DeliveryOptionsCalculateErrorCode"
)
