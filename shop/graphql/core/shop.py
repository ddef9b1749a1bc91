"""`shop`: the shop's settings as Saleor's clients read them."""

from urllib.parse import urlsplit

import graphene
from django.conf import settings
from django.utils.translation import gettext as _

from branding.selectors import campaigns_running
from shop.checkout.graphql.delivery import cheapest_home_delivery
from shop.checkout.services import MAX_LINE_QUANTITY
from shop.graphql.core.channel import CURRENCY, DEFAULT_CHANNEL, channel_check
from shop.graphql.core.codes import COUNTRY_CODES
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.places import country_display
from shop.graphql.core.translations import language_of, translation_id
from shop.publisher import PUBLISHER_ADDRESS, PostalAddress

SHOP_KEY = "ohmylot"
LANGUAGE_ARGUMENT = graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True)


class ShopTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)


class Shop(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    available_shipping_methods = graphene.List(
        graphene.NonNull("shop.checkout.graphql.types.ShippingMethod"),
        channel=graphene.String(required=True),
        description="Home delivery at its lowest price: a cart's is worked out per producer.",
    )
    channel_currencies = graphene.List(graphene.NonNull(graphene.String), required=True)
    countries = graphene.List(
        graphene.NonNull("shop.graphql.core.types.CountryDisplay"),
        filter=graphene.Argument("shop.graphql.core.inputs.CountryFilterInput"),
        required=True,
    )
    default_country = graphene.Field("shop.graphql.core.types.CountryDisplay")
    description = graphene.String()
    domain = graphene.Field("shop.graphql.core.types.Domain", required=True)
    languages = graphene.List(
        graphene.NonNull("shop.graphql.core.types.LanguageDisplay"), required=True
    )
    name = graphene.String(required=True)
    header_text = graphene.String(description="The headline of the campaign running today.")
    translation = graphene.Field(lambda: ShopTranslation, language_code=LANGUAGE_ARGUMENT)
    reserve_stock_duration_anonymous_user = graphene.Int()
    reserve_stock_duration_authenticated_user = graphene.Int()
    limit_quantity_per_checkout = graphene.Int()
    company_address = graphene.Field("shop.accounts.graphql.types.Address")
    enable_account_confirmation_by_email = graphene.Boolean()
    allow_login_without_confirmation = graphene.Boolean()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Shop", SHOP_KEY)

    @staticmethod
    def resolve_available_shipping_methods(root, info, channel: str) -> list:
        channel_check(channel)
        method = cheapest_home_delivery()
        return [method] if method else []

    @staticmethod
    def resolve_channel_currencies(root, info) -> list[str]:
        return [CURRENCY]

    @staticmethod
    def resolve_countries(root, info, filter=None) -> list[dict]:
        """The countries we deliver to; with `attachedToShippingZones: false`, the others."""
        delivered = DEFAULT_CHANNEL.country_codes
        if (filter or {}).get("attached_to_shipping_zones") is False:
            codes = [code for code in COUNTRY_CODES if code not in delivered]
        else:
            codes = delivered
        return [country_display(code) for code in codes]

    @staticmethod
    def resolve_default_country(root, info) -> dict:
        return country_display(DEFAULT_CHANNEL.default_country_code)

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
    def resolve_languages(root, info) -> list[dict]:
        return [{"code": code.upper(), "language": str(name)} for code, name in settings.LANGUAGES]

    @staticmethod
    def resolve_name(root, info) -> str:
        return DEFAULT_CHANNEL.name

    @staticmethod
    def resolve_header_text(root, info) -> str | None:
        campaign = campaigns_running().first()
        return campaign.translated("headline") if campaign else None

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        if language_of(language_code) not in dict(settings.LANGUAGES):
            return None
        return {"id": translation_id("Shop", SHOP_KEY, language_code)}

    @staticmethod
    def resolve_reserve_stock_duration_anonymous_user(root, info) -> int:
        return settings.CHECKOUT_RESERVATION_MINUTES

    resolve_reserve_stock_duration_authenticated_user = (
        resolve_reserve_stock_duration_anonymous_user
    )

    @staticmethod
    def resolve_limit_quantity_per_checkout(root, info) -> int:
        return MAX_LINE_QUANTITY

    @staticmethod
    def resolve_company_address(root, info) -> PostalAddress:
        return PUBLISHER_ADDRESS

    @staticmethod
    def resolve_enable_account_confirmation_by_email(root, info) -> bool:
        return False  # an account is usable as soon as it is opened

    @staticmethod
    def resolve_allow_login_without_confirmation(root, info) -> bool:
        return True
