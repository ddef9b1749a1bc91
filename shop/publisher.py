"""Who publishes the shop: the Département du Lot, as the legal notice names it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PostalAddress:
    """An address that is no shopper's: the publisher's, a producer's pickup place. `key`
    names it among them."""

    key: str
    company_name: str
    street_address_1: str
    street_address_2: str
    postal_code: str
    city: str
    country: str
    phone: str
    first_name: str = ""
    last_name: str = ""
    city_area: str = ""
    country_area: str = ""


PUBLISHER_ADDRESS = PostalAddress(
    key="publisher",
    company_name="Département du Lot — Hôtel du Département",
    street_address_1="Avenue de l'Europe",
    street_address_2="Regourd",
    postal_code="46000",
    city="Cahors",
    country="FR",
    phone="+33565534000",
)
