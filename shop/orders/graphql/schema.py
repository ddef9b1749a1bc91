import graphene

from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import from_global_id
from shop.orders.selectors import order_by_token

# Orders are known by their secret token, as on the order status page: an order's global ID
# holds its token, so knowing the ID is what gives access to the order.


class OrdersQueries(graphene.ObjectType):
    order = graphene.Field(
        "shop.orders.graphql.types.Order", id=graphene.ID(), external_reference=graphene.String()
    )
    order_by_token = graphene.Field(
        "shop.orders.graphql.types.Order",
        token=graphene.UUID(required=True),
        deprecation_reason=DEPRECATED,
    )

    @staticmethod
    def resolve_order(root, info, id=None, external_reference=None):
        token = from_global_id(id, "Order")
        return order_by_token(token=token) if token else None

    @staticmethod
    def resolve_order_by_token(root, info, token):
        return order_by_token(token=token)
