"""The shop's taxes as Saleor names them: a tax class per French VAT rate it sells at, and one
tax configuration, its channel's (prices entered and shown tax included)."""

import graphene

from catalogue.models import VatRate
from shop.graphql.core.channel import DEFAULT_CHANNEL, ChannelInfo
from shop.graphql.core.choices import ChoiceFields
from shop.graphql.core.ids import from_global_id, to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata


def tax_class_of(rate: str) -> VatRate | None:
    """The tax class of a VAT rate as products store it ("5.50"), None for an unknown one."""
    return VatRate(rate) if rate in VatRate.values else None


class TaxClass(ChoiceFields, graphene.ObjectType):
    """A VAT rate the shop sells at, with what it applies to."""

    class Meta:
        interfaces = (ObjectWithMetadata,)


class TaxConfiguration(graphene.ObjectType):
    """How the channel's prices carry VAT: entered and shown tax included."""

    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    channel = graphene.Field("shop.graphql.core.types.Channel", required=True)
    charge_taxes = graphene.Boolean(required=True)
    display_gross_prices = graphene.Boolean(required=True)
    prices_entered_with_tax = graphene.Boolean(required=True)

    @staticmethod
    def resolve_id(root: ChannelInfo, info) -> str:
        return to_global_id("TaxConfiguration", root.slug)

    @staticmethod
    def resolve_channel(root: ChannelInfo, info) -> ChannelInfo:
        return root

    @staticmethod
    def resolve_charge_taxes(root: ChannelInfo, info) -> bool:
        return True

    resolve_display_gross_prices = resolve_charge_taxes
    resolve_prices_entered_with_tax = resolve_charge_taxes


class TaxQueries(graphene.ObjectType):
    tax_class = graphene.Field(TaxClass, id=graphene.ID(required=True))
    tax_configuration = graphene.Field(TaxConfiguration, id=graphene.ID(required=True))

    @staticmethod
    def resolve_tax_class(root, info, id: str) -> VatRate | None:
        rate = from_global_id(id, "TaxClass")
        return tax_class_of(rate) if rate is not None else None

    @staticmethod
    def resolve_tax_configuration(root, info, id: str) -> ChannelInfo | None:
        slug = from_global_id(id, "TaxConfiguration")
        return DEFAULT_CHANNEL if slug == DEFAULT_CHANNEL.slug else None
