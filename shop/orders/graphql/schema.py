import graphene

from shop.graphql.core.deprecation import DEPRECATED


class OrdersQueries(graphene.ObjectType):
    order = graphene.Field(
        "shop.orders.graphql.types.Order", id=graphene.ID(), external_reference=graphene.String()
    )
    order_by_token = graphene.Field(
        "shop.orders.graphql.types.Order",
        token=graphene.UUID(required=True),
        deprecation_reason=DEPRECATED,
    )
