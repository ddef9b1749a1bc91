"""The shipping zones, by ID."""

import graphene

from shop.graphql.core.channel import channel_check
from shop.graphql.core.ids import from_global_id
from shop.shipping.graphql.types import ShippingZone
from shop.shipping.models import ShippingZone as Zone


class ShippingQueries(graphene.ObjectType):
    shipping_zone = graphene.Field(
        ShippingZone, id=graphene.ID(required=True), channel=graphene.String()
    )

    @staticmethod
    def resolve_shipping_zone(root, info, id: str, channel: str | None = None) -> Zone | None:
        channel_check(channel)
        zone = from_global_id(id, "ShippingZone")
        return Zone(zone) if zone in Zone.values else None
