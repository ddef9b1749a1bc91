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
# The countries whose addresses name a district (cityArea) or a region (countryArea), and what
# they call the region, as Google's address data has them (the others, France first, name
# neither). The checkout stores either for any country and requires neither.
DISTRICT_COUNTRIES = {"IE"}
REGION_TYPES = {
    "EE": "province",
    "ES": "province",
    "IE": "county",
    "IT": "province",
    "LT": "province",
    "LV": "province",
    "RO": "province",
}
# Where Google's address data orders a country's lines otherwise than the shop's own layout:
# Irish addresses end with the town, the county and the Eircode, each on its own line.
ADDRESS_FORMATS = {"IE": "%N%n%O%n%A%n%D%n%C%n%S%n%Z"}
# What a country calls its postcode, where Google's address data names it otherwise.
POSTAL_CODE_TYPES = {"IE": "eircode"}


def address_rules(code: str) -> dict | None:
    """`AddressValidationData` of a country we deliver to, None for the others."""
    if code not in COUNTRIES:
        return None
    # The shop's own layout (name, company, street, district, postcode and town, region),
    # unless the country's addresses order their lines otherwise.
    lines, areas = ["%N", "%O", "%A"], []
    if code in DISTRICT_COUNTRIES:
        lines.append("%D")
        areas.append("cityArea")
    lines.append("%Z %C")
    if code in REGION_TYPES:
        lines.append("%S")
        areas.append("countryArea")
    return {
        "address_format": ADDRESS_FORMATS.get(code, "%n".join(lines)),
        "allowed_fields": REQUIRED_ADDRESS_FIELDS + OPTIONAL_ADDRESS_FIELDS + areas,
        "required_fields": REQUIRED_ADDRESS_FIELDS,
        "country_area_type": REGION_TYPES.get(code, "province"),
        "country_area_choices": [],
        "city_type": "city",
        "postal_code_type": POSTAL_CODE_TYPES.get(code, "postal"),
    }
