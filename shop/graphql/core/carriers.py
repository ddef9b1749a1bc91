"""Types of Saleor's contract the shop has no counterpart for: it runs no apps, no customer
types, no automatic promotions or sales (its promo codes are `Voucher`s). They exist so that
Saleor's clients find the whole contract; no field returns them, and the metadata mutations
answer their IDs with a typed error."""

import graphene

from shop.graphql.core.interfaces import ObjectWithMetadata


def _carrier(name: str, description: str) -> type[graphene.ObjectType]:
    meta = type("Meta", (), {"interfaces": (ObjectWithMetadata,), "description": description})
    return type(name, (graphene.ObjectType,), {"Meta": meta, "id": graphene.ID(required=True)})


CONTRACT_ONLY_TYPES = [
    _carrier("App", "An installed app (the shop installs none)."),
    _carrier("CustomerType", "A kind of customer (the shop has one kind)."),
    _carrier("Promotion", "An automatic promotion (the shop's discounts are promo codes)."),
    _carrier("Sale", "A sale (the shop's discounts are promo codes)."),
]
