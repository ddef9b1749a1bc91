from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def euros(amount: Decimal) -> str:
    """A price in euros written the way the reader's language writes it."""
    number = number_format(amount, decimal_pos=2, use_l10n=True)
    # A non-breaking space keeps the amount and its sign on one line on narrow screens.
    return f"€{number}" if (get_language() or "fr").startswith("en") else f"{number}\u00a0€"


@register.filter
def percent(rate: Decimal) -> str:
    """A rate without its trailing zeros, in the reader's notation: 5.5 / 5,5 and 20."""
    decimals = max(0, -Decimal(rate).normalize().as_tuple().exponent)
    return number_format(rate, decimal_pos=decimals, use_l10n=True)
