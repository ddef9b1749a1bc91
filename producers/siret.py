"""French company identifiers: SIREN (9 digits) and SIRET (SIREN + 5 digits)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LA_POSTE_SIREN = "356000000"


def luhn_is_valid(digits: str) -> bool:
    """True when the string of digits passes the Luhn checksum."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """`prefix` followed by the one digit that makes it Luhn-valid."""
    return next(prefix + digit for digit in "0123456789" if luhn_is_valid(prefix + digit))


def siret_compose(*, siren_stem: str, establishment: str) -> str:
    """A valid SIRET from 8 digits of SIREN and 4 digits of establishment number (each gets its
    Luhn check digit): for invented identifiers in demo and test data."""
    siren = luhn_complete(siren_stem)
    return luhn_complete(siren + establishment)


def normalise_siret(value: str) -> str:
    """The SIRET without the spaces, dots and dashes people type between the digit groups."""
    return re.sub(r"[\s.\-]", "", value or "")


def siret_is_valid(value: str) -> bool:
    """True for a 14-digit SIRET that is Luhn-valid, or follows La Poste's own rule."""
    siret = normalise_siret(value)
    if not re.fullmatch(r"[0-9]{14}", siret):
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_is_valid(siret[:9]) and luhn_is_valid(siret)


def validate_siret(value: str) -> None:
    """Django validator: a clear error when the SIRET is not valid."""
    if not siret_is_valid(value):
        raise ValidationError(
            _("Enter a valid SIRET: 14 digits, as shown on your company's registration."),
            code="invalid_siret",
        )
