import graphene


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True)
    data = graphene.InputField("shop.graphql.core.scalars.JSON")
