"""The promo code as Saleor's storefront reads it: an order's `voucher { code }`.

An order keeps the code it was placed with beside the voucher's id, so the API answers from
the order's own row: no query per order, however many orders a list holds.
"""

from dataclasses import dataclass

import graphene

from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.orders.models import Order


@dataclass(frozen=True)
class VoucherValue:
    pk: int
    code: str


def voucher_of_order(order: Order) -> VoucherValue | None:
    """The voucher an order was placed with, as the order recorded it."""
    if order.voucher_id is None:
        return None
    return VoucherValue(pk=order.voucher_id, code=order.voucher_code)


class Voucher(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    code = graphene.String()

    @staticmethod
    def resolve_id(root: VoucherValue, info) -> str:
        return to_global_id("Voucher", root.pk)
