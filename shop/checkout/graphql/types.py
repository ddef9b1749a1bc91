import graphene

from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.interfaces import ObjectWithMetadata


class Checkout(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    user = graphene.Field("shop.accounts.graphql.types.User")
    channel = graphene.Field("shop.graphql.core.types.Channel", required=True)
    billing_address = graphene.Field("shop.accounts.graphql.types.Address")
    shipping_address = graphene.Field("shop.accounts.graphql.types.Address")
    customer_note = graphene.String(required=True)
    discount = graphene.Field("shop.graphql.core.types.Money")
    discount_name = graphene.String()
    translated_discount_name = graphene.String()
    voucher_code = graphene.String()
    shipping_methods = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ShippingMethod)), required=True
    )
    available_payment_gateways = graphene.Field(
        graphene.List(graphene.NonNull("shop.payments.graphql.types.PaymentGateway")),
        required=True,
        deprecation_reason=DEPRECATED,
    )
    email = graphene.String()
    gift_cards = graphene.Field(graphene.List(graphene.NonNull(lambda: GiftCard)), required=True)
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    lines = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutLine)), required=True)
    shipping_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    delivery = graphene.Field(lambda: Delivery)
    subtotal_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    token = graphene.UUID(required=True)
    total_price = graphene.Field("shop.graphql.core.types.TaxedMoney", required=True)
    language_code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    authorize_status = graphene.Field(
        "shop.checkout.graphql.enums.CheckoutAuthorizeStatusEnum", required=True
    )
    charge_status = graphene.Field(
        "shop.checkout.graphql.enums.CheckoutChargeStatusEnum", required=True
    )
    problems = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutProblem)))


class CheckoutAddPromoCode(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutBillingAddressUpdate(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutComplete(graphene.ObjectType):
    order = graphene.Field("shop.orders.graphql.types.Order")
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutCreate(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)
    checkout = graphene.Field(lambda: Checkout)


class CheckoutCustomerAttach(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutCustomerDetach(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutDeliveryMethodUpdate(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutEmailUpdate(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field("shop.checkout.graphql.enums.CheckoutErrorCode", required=True)
    variants = graphene.Field(graphene.List(graphene.NonNull(graphene.ID)))
    address_type = graphene.Field("shop.accounts.graphql.enums.AddressTypeEnum")


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


class CheckoutLineDelete(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int()


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(lambda: CheckoutLine, required=True)


class CheckoutLinesAdd(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutLinesDelete(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutLinesUpdate(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutProblemDeliveryMethodInvalid(graphene.ObjectType):
    delivery = graphene.Field(lambda: Delivery, required=True)


class CheckoutProblemDeliveryMethodStale(graphene.ObjectType):
    delivery = graphene.Field(lambda: Delivery, required=True)


class CheckoutRemovePromoCode(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class CheckoutShippingAddressUpdate(graphene.ObjectType):
    checkout = graphene.Field(lambda: Checkout)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: CheckoutError)), required=True)


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True)
    shipping_method = graphene.Field(lambda: ShippingMethod)


class DeliveryOptionsCalculate(graphene.ObjectType):
    deliveries = graphene.Field(graphene.List(graphene.NonNull(lambda: Delivery)), required=True)
    errors = graphene.Field(
        graphene.List(graphene.NonNull(lambda: DeliveryOptionsCalculateError)), required=True
    )


class DeliveryOptionsCalculateError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(
        "shop.checkout.graphql.enums.DeliveryOptionsCalculateErrorCode", required=True
    )


class GiftCard(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    display_code = graphene.String(required=True)
    current_balance = graphene.Field("shop.graphql.core.types.Money", required=True)


class ShippingMethod(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()
    price = graphene.Field("shop.graphql.core.types.Money", required=True)
    active = graphene.Boolean(required=True)


class Voucher(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    code = graphene.String()


class Warehouse(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (
            CheckoutProblemDeliveryMethodStale,
            CheckoutProblemDeliveryMethodInvalid,
            CheckoutLineProblemInsufficientStock,
            CheckoutLineProblemVariantNotAvailable,
        )


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (
            Warehouse,
            ShippingMethod,
        )
