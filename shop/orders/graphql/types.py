import graphene

from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.interfaces import ObjectWithMetadata


class Fulfillment(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    status = graphene.Field("shop.orders.graphql.enums.FulfillmentStatus", required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.Field(graphene.List(graphene.NonNull(lambda: FulfillmentLine)))


class FulfillmentLine(graphene.ObjectType):
    id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    order_line = graphene.Field(lambda: OrderLine)


class Order(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field("shop.orders.graphql.enums.OrderStatus", required=True)
    user = graphene.Field("shop.accounts.graphql.types.User")
    billing_address = graphene.Field("shop.accounts.graphql.types.Address")
    shipping_address = graphene.Field("shop.accounts.graphql.types.Address")
    channel = graphene.Field("shop.graphql.core.types.Channel", required=True)
    fulfillments = graphene.Field(
        graphene.List(graphene.NonNull(lambda: Fulfillment)), required=True
    )
    lines = graphene.Field(graphene.List(graphene.NonNull(lambda: OrderLine)), required=True)
    number = graphene.String(required=True)
    is_paid = graphene.Boolean(required=True)
    payment_status = graphene.Field(
        "shop.orders.graphql.enums.PaymentChargeStatusEnum", required=True
    )
    payment_status_display = graphene.String(required=True)
    authorize_status = graphene.Field(
        "shop.orders.graphql.enums.OrderAuthorizeStatusEnum", required=True
    )
    charge_status = graphene.Field("shop.orders.graphql.enums.OrderChargeStatusEnum", required=True)
    total = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    shipping_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    token = graphene.String(required=True, deprecation_reason=DEPRECATED)
    voucher = graphene.Field("shop.checkout.graphql.types.Voucher")
    customer_note = graphene.String(required=True)
    subtotal = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    status_display = graphene.String(required=True)
    total_captured = graphene.Field(
        "shop.graphql.core.types.Money", required=True, deprecation_reason=DEPRECATED
    )
    total_balance = graphene.Field("shop.graphql.core.types.Money", required=True)
    user_email = graphene.String()
    delivery_method = graphene.Field("shop.checkout.graphql.types.DeliveryMethod")
    language_code_enum = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    discounts = graphene.Field(
        graphene.List(graphene.NonNull(lambda: OrderDiscount)), required=True
    )


class OrderCountableConnection(graphene.ObjectType):
    page_info = graphene.Field("shop.graphql.core.types.PageInfo", required=True)
    edges = graphene.Field(
        graphene.List(graphene.NonNull(lambda: OrderCountableEdge)), required=True
    )
    total_count = graphene.Int()


class OrderCountableEdge(graphene.ObjectType):
    node = graphene.Field(lambda: Order, required=True)
    cursor = graphene.String(required=True)


class OrderDiscount(graphene.ObjectType):
    type = graphene.Field("shop.orders.graphql.enums.OrderDiscountType", required=True)
    name = graphene.String()
    amount = graphene.Field(
        "shop.graphql.core.types.Money", required=True, deprecation_reason=DEPRECATED
    )


class OrderLine(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
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
