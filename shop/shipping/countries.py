"""Where the shop delivers: France and the other EU countries, with their postcode formats."""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

FRANCE = "FR"

# ISO 3166-1 alpha-2 code -> (name, postcode pattern)
COUNTRIES: dict[str, tuple[str, str]] = {
    "FR": (_("France"), r"[0-9]{5}"),
    "AT": (_("Austria"), r"[0-9]{4}"),
    "BE": (_("Belgium"), r"[0-9]{4}"),
    "BG": (_("Bulgaria"), r"[0-9]{4}"),
    "HR": (_("Croatia"), r"[0-9]{5}"),
    "CY": (_("Cyprus"), r"[0-9]{4}"),
    "CZ": (_("Czechia"), r"[0-9]{3} ?[0-9]{2}"),
    "DK": (_("Denmark"), r"[0-9]{4}"),
    "EE": (_("Estonia"), r"[0-9]{5}"),
    "FI": (_("Finland"), r"[0-9]{5}"),
    "DE": (_("Germany"), r"[0-9]{5}"),
    "GR": (_("Greece"), r"[0-9]{3} ?[0-9]{2}"),
    "HU": (_("Hungary"), r"[0-9]{4}"),
    "IE": (_("Ireland"), r"[A-Z][0-9]{2}[0-9W]? ?[0-9A-Z]{4}"),
    "IT": (_("Italy"), r"[0-9]{5}"),
    "LV": (_("Latvia"), r"(LV-)?[0-9]{4}"),
    "LT": (_("Lithuania"), r"(LT-)?[0-9]{5}"),
    "LU": (_("Luxembourg"), r"(L-)?[0-9]{4}"),
    "MT": (_("Malta"), r"[A-Z]{3} ?[0-9]{4}"),
    "NL": (_("Netherlands"), r"[0-9]{4} ?[A-Z]{2}"),
    "PL": (_("Poland"), r"[0-9]{2}-[0-9]{3}"),
    "PT": (_("Portugal"), r"[0-9]{4}-[0-9]{3}"),
    "RO": (_("Romania"), r"[0-9]{6}"),
    "SK": (_("Slovakia"), r"[0-9]{3} ?[0-9]{2}"),
    "SI": (_("Slovenia"), r"(SI-)?[0-9]{4}"),
    "ES": (_("Spain"), r"[0-9]{5}"),
    "SE": (_("Sweden"), r"[0-9]{3} ?[0-9]{2}"),
}


def country_choices() -> list[tuple[str, str]]:
    """Countries for a select box: France first, then the others as the reader's language sorts
    them (accents ignored, so Österreich sits among the O)."""

    def sort_key(code: str) -> str:
        decomposed = unicodedata.normalize("NFKD", str(COUNTRIES[code][0]))
        return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()

    others = sorted((code for code in COUNTRIES if code != FRANCE), key=sort_key)
    return [(code, COUNTRIES[code][0]) for code in [FRANCE, *others]]


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"\s+", " ", (postcode or "").strip().upper())


def postcode_is_valid(*, country: str, postcode: str) -> bool:
    """True when `postcode` has the format used in `country` (an EU country we deliver to)."""
    if country not in COUNTRIES:
        return False
    return re.fullmatch(COUNTRIES[country][1], normalise_postcode(postcode)) is not None
