from urllib.parse import urlsplit

import graphene
from django.conf import settings
from django.utils.translation import gettext as _

from shop.checkout.services import MAX_LINE_QUANTITY
from shop.graphql.core.channel import CURRENCY, DEFAULT_CHANNEL
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.mutations import error_type
from shop.graphql.core.places import country_display

WEIGHT_UNITS = ("G", "LB", "OZ", "KG", "TONNE")


class Channel(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    currency_code = graphene.String(required=True)
    default_country = graphene.Field(lambda: CountryDisplay, required=True)
    countries = graphene.Field(graphene.List(graphene.NonNull(lambda: CountryDisplay)))

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Channel", root.slug)

    @staticmethod
    def resolve_default_country(root, info) -> dict:
        return country_display(root.default_country_code)

    @staticmethod
    def resolve_countries(root, info) -> list[dict]:
        return [country_display(code) for code in root.country_codes]


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True)
    country = graphene.String(required=True)


class Domain(graphene.ObjectType):
    host = graphene.String(required=True)
    ssl_enabled = graphene.Boolean(required=True)
    url = graphene.String(required=True)


class File(graphene.ObjectType):
    url = graphene.String(required=True)


class Image(graphene.ObjectType):
    url = graphene.String(required=True)
    alt = graphene.String()


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    language = graphene.String(required=True)


MetadataError = error_type("MetadataError", "shop.graphql.core.enums.MetadataErrorCode")


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class Money(graphene.ObjectType):
    currency = graphene.String(required=True)
    amount = graphene.Float(required=True)


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()


class Shop(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String()
    domain = graphene.Field(lambda: Domain, required=True)
    channel_currencies = graphene.List(graphene.NonNull(graphene.String), required=True)
    countries = graphene.List(graphene.NonNull(lambda: CountryDisplay), required=True)
    default_country = graphene.Field(lambda: CountryDisplay)
    languages = graphene.List(graphene.NonNull(lambda: LanguageDisplay), required=True)
    limit_quantity_per_checkout = graphene.Int()
    reserve_stock_duration_anonymous_user = graphene.Int()
    reserve_stock_duration_authenticated_user = graphene.Int()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Shop", "ohmylot")

    @staticmethod
    def resolve_name(root, info) -> str:
        return DEFAULT_CHANNEL.name

    @staticmethod
    def resolve_description(root, info) -> str:
        return _("Certified products of the Lot's producers, and the brand's merchandise.")

    @staticmethod
    def resolve_domain(root, info) -> dict:
        public = urlsplit(settings.PUBLIC_URL)
        return {
            "host": public.netloc,
            "ssl_enabled": public.scheme == "https",
            "url": settings.PUBLIC_URL,
        }

    @staticmethod
    def resolve_channel_currencies(root, info) -> list[str]:
        return [CURRENCY]

    @staticmethod
    def resolve_countries(root, info) -> list[dict]:
        return [country_display(code) for code in DEFAULT_CHANNEL.country_codes]

    @staticmethod
    def resolve_default_country(root, info) -> dict:
        return country_display(DEFAULT_CHANNEL.default_country_code)

    @staticmethod
    def resolve_languages(root, info) -> list[dict]:
        return [{"code": code.upper(), "language": str(name)} for code, name in settings.LANGUAGES]

    @staticmethod
    def resolve_limit_quantity_per_checkout(root, info) -> int:
        return MAX_LINE_QUANTITY

    @staticmethod
    def resolve_reserve_stock_duration_anonymous_user(root, info) -> int:
        return settings.CHECKOUT_RESERVATION_MINUTES

    resolve_reserve_stock_duration_authenticated_user = (
        resolve_reserve_stock_duration_anonymous_user
    )


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True)
    gross = graphene.Field(lambda: Money, required=True)
    net = graphene.Field(lambda: Money, required=True)
    tax = graphene.Field(lambda: Money, required=True)


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(lambda: TaxedMoney)
    stop = graphene.Field(lambda: TaxedMoney)


def _metadata_payload(name: str) -> type[graphene.ObjectType]:
    fields = {
        "errors": graphene.Field(
            graphene.List(graphene.NonNull(lambda: MetadataError)), required=True
        ),
        "item": graphene.Field(lambda: ObjectWithMetadata),
    }
    return type(name, (graphene.ObjectType,), fields)


UpdateMetadata = _metadata_payload("UpdateMetadata")
DeleteMetadata = _metadata_payload("DeleteMetadata")
UpdatePrivateMetadata = _metadata_payload("UpdatePrivateMetadata")
DeletePrivateMetadata = _metadata_payload("DeletePrivateMetadata")


class UserPermission(graphene.ObjectType):
    code = graphene.Field("shop.graphql.core.enums.PermissionEnum", required=True)
    name = graphene.String(required=True)


WeightUnitsEnum = graphene.Enum("WeightUnitsEnum", [(unit, unit) for unit in WEIGHT_UNITS])


class Weight(graphene.ObjectType):
    unit = graphene.Field(WeightUnitsEnum, required=True)
    value = graphene.Float(required=True)
