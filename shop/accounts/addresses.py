"""A postal address as a shopper types it, and the one rule that checks it: the checkout and
the address book both use it (countries we deliver to, their postcode formats)."""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.services import metadata_items_clean
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import Address
from shop.shipping.countries import COUNTRIES, normalise_postcode, postcode_is_valid

# Row ids are 64-bit: a larger number in a URL or an API id is no address at all.
ID_LIMIT = 2**63


class AddressKind(StrEnum):
    SHIPPING = "shipping"
    BILLING = "billing"


REQUIRED_FIELDS = ("first_name", "last_name", "street_address_1", "postal_code", "city")


@dataclass(frozen=True)
class AddressData:
    first_name: str
    last_name: str
    street_address_1: str
    postal_code: str
    city: str
    country: str
    street_address_2: str = ""
    company_name: str = ""
    phone: str = ""
    city_area: str = ""
    country_area: str = ""
    # Public metadata: all of a new address's; the keys to set in a changed one's.
    metadata: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, address: Address) -> "AddressData":
        """The values of a saved address."""
        return cls(**{item.name: getattr(address, item.name) for item in fields(cls)})


# The address's text fields (all but its metadata).
ADDRESS_FIELDS = tuple(item.name for item in fields(AddressData) if item.name != "metadata")


def _text_error(name: str, value: str) -> ValidationError | None:
    """Django's own message for a NUL character or a value longer than its column (neither
    can be stored), coded INVALID."""
    limit = Address._meta.get_field(name).max_length
    for validator in (ProhibitNullCharactersValidator(), MaxLengthValidator(limit)):
        try:
            validator(value.strip())
        except ValidationError as error:
            return ValidationError(error.messages[0], code=AccountErrorCode.INVALID.value)
    return None


def address_clean(data: AddressData, prefix: str = "") -> AddressData:
    """The address as it is stored (trimmed, postcode normalised).

    Raises ValidationError keyed by field (`<prefix>_<field>` with a prefix) when a required
    field is empty, a field holds a NUL character or more than its column does, the country is
    not one we deliver to, the postcode does not exist there, or a metadata item is refused
    (codes of MetadataErrorCode on `metadata`, as updateMetadata refuses it).
    """
    key = (lambda name: f"{prefix}_{name}") if prefix else (lambda name: name)
    errors = {}
    for name in REQUIRED_FIELDS:
        if not getattr(data, name).strip():
            errors[key(name)] = ValidationError(
                _("This field is required."), code=AccountErrorCode.INVALID.value
            )
    for name in ADDRESS_FIELDS:
        error = _text_error(name, getattr(data, name))
        if error is not None:
            errors.setdefault(key(name), error)
    if data.country not in COUNTRIES:
        errors[key("country")] = ValidationError(
            _("We deliver to France and the other EU countries only."),
            code=AccountErrorCode.INVALID.value,
        )
    elif data.postal_code.strip() and not postcode_is_valid(
        country=data.country, postcode=data.postal_code
    ):
        errors[key("postal_code")] = ValidationError(
            _("This postcode does not exist in the chosen country."),
            code=AccountErrorCode.INVALID_POSTCODE.value,
        )
    try:
        metadata = metadata_items_clean(data.metadata, key("metadata"))
    except ValidationError as refused:
        errors.update(refused.error_dict)
    if errors:
        raise ValidationError(errors)
    values = {name: getattr(data, name).strip() for name in ADDRESS_FIELDS}
    values["postal_code"] = normalise_postcode(data.postal_code)
    return AddressData(**values, metadata=metadata)


def address_same(address: Address, data: AddressData) -> bool:
    """Whether a saved address holds these (cleaned) values in every field, whatever its
    metadata and `data`'s."""
    return all(getattr(address, name) == getattr(data, name) for name in ADDRESS_FIELDS)


def address_same_place(address: Address, typed: AddressData) -> bool:
    """Whether `typed` is in the stored `address`'s place: the same country, postcode and town
    (the postcode as it is stored, the town whatever its case). A district and a region belong
    to a place: typed in another one, an address cannot keep the stored ones."""
    return (
        typed.country == address.country
        and normalise_postcode(typed.postal_code) == address.postal_code
        and typed.city.strip().casefold() == address.city.casefold()
    )
