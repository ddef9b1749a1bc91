import graphene

from shop.graphql.core.channel import CURRENCY
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.mutations import error_type


class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True)
    value = graphene.String()


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True)
    id = graphene.ID(required=True)
    config = graphene.Field(
        graphene.List(graphene.NonNull(lambda: GatewayConfigLine)), required=True
    )
    currencies = graphene.Field(graphene.List(graphene.NonNull(graphene.String)), required=True)

    @staticmethod
    def resolve_name(root, info) -> str:
        return str(root.name)

    @staticmethod
    def resolve_config(root, info) -> list:
        return []

    @staticmethod
    def resolve_currencies(root, info) -> list[str]:
        return [CURRENCY]


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True)
    data = graphene.Field("shop.graphql.core.scalars.JSON")
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: PaymentGatewayConfigError)))


PaymentGatewayConfigError = error_type(
    "PaymentGatewayConfigError", "shop.payments.graphql.enums.PaymentGatewayConfigErrorCode"
)


class PaymentGatewayInitialize(graphene.ObjectType):
    gateway_configs = graphene.Field(graphene.List(graphene.NonNull(lambda: PaymentGatewayConfig)))
    errors = graphene.Field(
        graphene.List(graphene.NonNull(lambda: PaymentGatewayInitializeError)), required=True
    )


PaymentGatewayInitializeError = error_type(
    "PaymentGatewayInitializeError", "shop.payments.graphql.enums.PaymentGatewayInitializeErrorCode"
)


class TransactionEvent(graphene.ObjectType):
    id = graphene.ID(required=True)
    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(required=True)
    message = graphene.String(required=True)
    external_url = graphene.String(required=True)
    amount = graphene.Field("shop.graphql.core.types.Money", required=True)
    type = graphene.Field("shop.payments.graphql.enums.TransactionEventTypeEnum")


class TransactionInitialize(graphene.ObjectType):
    transaction = graphene.Field(lambda: TransactionItem)
    transaction_event = graphene.Field(lambda: TransactionEvent)
    data = graphene.Field("shop.graphql.core.scalars.JSON")
    errors = graphene.Field(
        graphene.List(graphene.NonNull(lambda: TransactionInitializeError)), required=True
    )


TransactionInitializeError = error_type(
    "TransactionInitializeError", "shop.payments.graphql.enums.TransactionInitializeErrorCode"
)


class TransactionItem(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    created_at = graphene.DateTime(required=True)
    name = graphene.String(required=True)
    psp_reference = graphene.String(required=True)
    actions = graphene.Field(
        graphene.List(graphene.NonNull("shop.payments.graphql.enums.TransactionActionEnum")),
        required=True,
    )
    authorized_amount = graphene.Field("shop.graphql.core.types.Money", required=True)
    charged_amount = graphene.Field("shop.graphql.core.types.Money", required=True)
    events = graphene.List(graphene.NonNull(lambda: TransactionEvent), required=True)


class TransactionProcess(graphene.ObjectType):
    transaction = graphene.Field(lambda: TransactionItem)
    transaction_event = graphene.Field(lambda: TransactionEvent)
    data = graphene.Field("shop.graphql.core.scalars.JSON")
    errors = graphene.Field(
        graphene.List(graphene.NonNull(lambda: TransactionProcessError)), required=True
    )


TransactionProcessError = error_type(
    "TransactionProcessError", "shop.payments.graphql.enums.TransactionProcessErrorCode"
)
