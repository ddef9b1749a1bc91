"""Invoices as Saleor's clients read them: each seller's part of an order, once invoiced, is
an invoice numbered in that seller's own series."""

import graphene

from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.orders.models import FulfilmentGroup


class Invoice(graphene.ObjectType):
    """A seller's invoice for its part of an order."""

    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    number = graphene.String()
    created_at = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    url = graphene.String(description="The invoice's document; null: the seller sends it.")
    order = graphene.Field("shop.orders.graphql.types.Order")

    @staticmethod
    def resolve_id(root: FulfilmentGroup, info) -> str:
        return to_global_id("Invoice", root.pk)

    @staticmethod
    def resolve_number(root: FulfilmentGroup, info) -> str:
        return root.invoice_number

    @staticmethod
    def resolve_created_at(root: FulfilmentGroup, info):
        return root.invoiced_at

    resolve_updated_at = resolve_created_at

    @staticmethod
    def resolve_url(root: FulfilmentGroup, info) -> None:
        return None

    @staticmethod
    def resolve_order(root: FulfilmentGroup, info):
        return root.order


def order_invoices(order) -> list[FulfilmentGroup]:
    """The order's invoiced parts, one invoice each."""
    return [group for group in order.groups.all() if group.invoice_number]
