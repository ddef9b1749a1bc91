"""Where and how the shop ships, as Saleor names it: a shipping zone per zone of our rates
(France, the rest of the EU), and a shipping method type per delivery method."""

import graphene

from shop.graphql.core.choices import ChoiceFields
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.places import country_display
from shop.shipping.models import DeliveryMethod
from shop.shipping.models import ShippingZone as Zone
from shop.shipping.selectors import zone_countries, zone_methods


class ShippingMethodType(ChoiceFields, graphene.ObjectType):
    """A delivery method: a standard parcel, chilled express, or pickup at the producer."""

    class Meta:
        interfaces = (ObjectWithMetadata,)


class ShippingZone(ChoiceFields, graphene.ObjectType):
    """Countries the shop's parcels reach at the same rates."""

    class Meta:
        interfaces = (ObjectWithMetadata,)

    default = graphene.Boolean(required=True)
    countries = graphene.List(
        graphene.NonNull("shop.graphql.core.types.CountryDisplay"), required=True
    )
    shipping_methods = graphene.List(graphene.NonNull(ShippingMethodType))

    @staticmethod
    def resolve_default(root: Zone, info) -> bool:
        return False  # the shop ships nowhere outside its zones

    @staticmethod
    def resolve_countries(root: Zone, info) -> list[dict]:
        return [country_display(code) for code in zone_countries(root.value)]

    @staticmethod
    def resolve_shipping_methods(root: Zone, info) -> list[DeliveryMethod]:
        return [DeliveryMethod(method) for method in zone_methods(root.value)]
