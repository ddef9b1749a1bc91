"""The shop's single sales channel, as Saleor's clients expect one: `default-channel`, EUR."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from shop.graphql.core.errors import api_error
from shop.shipping.countries import COUNTRIES, FRANCE

CHANNEL_SLUG = "default-channel"
CURRENCY = "EUR"


@dataclass(frozen=True)
class ChannelInfo:
    slug: str = CHANNEL_SLUG
    name: str = "Oh my Lot !"
    currency_code: str = CURRENCY
    default_country_code: str = FRANCE
    is_active: bool = True

    @property
    def country_codes(self) -> list[str]:
        return list(COUNTRIES)


DEFAULT_CHANNEL = ChannelInfo()


def channel_check(slug: str | None) -> ChannelInfo:
    """The channel a query asks for: ours when no slug or ours is given, else an error."""
    if slug not in (None, CHANNEL_SLUG):
        raise api_error(_("There is no channel “%(slug)s”.") % {"slug": slug}, "NOT_FOUND")
    return DEFAULT_CHANNEL
