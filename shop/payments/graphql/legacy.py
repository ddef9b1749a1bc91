"""Saleor's older payment flow (`paymentInitialize`, `checkoutPaymentCreate`), deprecated by
Saleor: the shop takes payments through transactions only (`transactionInitialize`), so these
answer a typed error and change nothing."""

import graphene
from django.utils.translation import gettext_lazy as _

from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.mutations import error_type, unavailable_resolver

PaymentError = error_type("PaymentError", "shop.payments.graphql.enums.PaymentErrorCode")
OLDER_FLOW_REFUSED = unavailable_resolver(
    "gateway",
    message=_("This shop takes payments through transactionInitialize only."),
    code="NOT_SUPPORTED_GATEWAY",
)


class Payment(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    gateway = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    created = graphene.DateTime(required=True)
    token = graphene.String(required=True)
    charge_status = graphene.Field(
        "shop.orders.graphql.enums.PaymentChargeStatusEnum", required=True
    )
    total = graphene.Field("shop.graphql.core.types.Money")
    captured_amount = graphene.Field("shop.graphql.core.types.Money")


class PaymentInitialized(graphene.ObjectType):
    gateway = graphene.String(required=True)
    name = graphene.String(required=True)
    data = graphene.JSONString()


class PaymentInput(graphene.InputObjectType):
    gateway = graphene.String(required=True)
    token = graphene.String()
    amount = graphene.InputField("shop.graphql.core.scalars.PositiveDecimal")
    return_url = graphene.String()
    store_payment_method = graphene.InputField(
        "shop.payments.graphql.enums.StorePaymentMethodEnum", default_value="NONE"
    )
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )


class PaymentInitialize(graphene.ObjectType):
    initialized_payment = graphene.Field(PaymentInitialized)
    errors = graphene.List(graphene.NonNull(PaymentError), required=True)


class CheckoutPaymentCreate(graphene.ObjectType):
    payment = graphene.Field(Payment)
    errors = graphene.List(graphene.NonNull(PaymentError), required=True)


class LegacyPaymentMutations(graphene.ObjectType):
    payment_initialize = graphene.Field(
        PaymentInitialize,
        channel=graphene.String(),
        gateway=graphene.String(required=True),
        payment_data=graphene.JSONString(),
        deprecation_reason=DEPRECATED,
    )
    checkout_payment_create = graphene.Field(
        CheckoutPaymentCreate,
        id=graphene.ID(),
        input=graphene.Argument(PaymentInput, required=True),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        deprecation_reason=DEPRECATED,
    )

    resolve_payment_initialize = staticmethod(OLDER_FLOW_REFUSED)
    resolve_checkout_payment_create = staticmethod(OLDER_FLOW_REFUSED)
