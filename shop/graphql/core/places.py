"""Countries as the API shows them: ISO code and name in the active language, and the rules
of the addresses we deliver to."""

from shop.shipping.countries import COUNTRIES


def country_display(code: str) -> dict[str, str]:
    """`CountryDisplay`: the code and its name (countries we do not deliver to keep their code)."""
    name = COUNTRIES.get(code, (code,))[0]
    return {"code": code, "country": str(name)}


# The fields our checkout asks for (shop.accounts.addresses.AddressData), in the API's names.
REQUIRED_ADDRESS_FIELDS = [
    "firstName",
    "lastName",
    "streetAddress1",
    "postalCode",
    "city",
    "country",
]
OPTIONAL_ADDRESS_FIELDS = ["companyName", "streetAddress2", "phone"]
ADDRESS_FORMAT = "%N%n%O%n%A%n%Z %C"  # name, company, street, postcode and town


def address_rules(code: str) -> dict | None:
    """`AddressValidationData` of a country we deliver to, None for the others."""
    if code not in COUNTRIES:
        return None
    return {
        "address_format": ADDRESS_FORMAT,
        "allowed_fields": REQUIRED_ADDRESS_FIELDS + OPTIONAL_ADDRESS_FIELDS,
        "required_fields": REQUIRED_ADDRESS_FIELDS,
        "country_area_type": "province",
        "country_area_choices": [],
        "city_type": "city",
        "postal_code_type": "postal",
    }
