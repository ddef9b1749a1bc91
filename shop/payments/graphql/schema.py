import graphene

from shop.payments.graphql import mutations
from shop.payments.graphql.legacy import LegacyPaymentMutations


class PaymentsMutations(LegacyPaymentMutations, graphene.ObjectType):
    payment_gateway_initialize = graphene.Field(
        "shop.payments.graphql.types.PaymentGatewayInitialize",
        amount=graphene.Argument("shop.graphql.core.scalars.PositiveDecimal"),
        id=graphene.ID(required=True),
        payment_gateways=graphene.Argument(
            graphene.List(
                graphene.NonNull("shop.payments.graphql.inputs.PaymentGatewayToInitialize")
            )
        ),
    )
    transaction_initialize = graphene.Field(
        "shop.payments.graphql.types.TransactionInitialize",
        action=graphene.Argument("shop.payments.graphql.enums.TransactionFlowStrategyEnum"),
        amount=graphene.Argument("shop.graphql.core.scalars.PositiveDecimal"),
        customer_ip_address=graphene.String(),
        id=graphene.ID(required=True),
        idempotency_key=graphene.String(),
        payment_gateway=graphene.Argument(
            "shop.payments.graphql.inputs.PaymentGatewayToInitialize", required=True
        ),
        majority_confirmed=graphene.Boolean(
            default_value=False,
            description="The buyer confirms being 18 or older (required for alcohol).",
        ),
    )
    transaction_process = graphene.Field(
        "shop.payments.graphql.types.TransactionProcess",
        customer_ip_address=graphene.String(),
        data=graphene.Argument("shop.graphql.core.scalars.JSON"),
        id=graphene.ID(),
        token=graphene.UUID(),
    )

    resolve_payment_gateway_initialize = staticmethod(mutations.payment_gateway_initialize)
    resolve_transaction_initialize = staticmethod(mutations.transaction_initialize)
    resolve_transaction_process = staticmethod(mutations.transaction_process)
