"""What EU 1169/2011 and French law ask a shop to show about food and drink, ready to display."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from catalogue.models import Allergen

# The health message of the Évin law, printed in French whatever the shopper's language.
ALCOHOL_HEALTH_MESSAGE = "L'abus d'alcool est dangereux pour la santé, à consommer avec modération."

# The nutrition declaration in the order of Annex XV of EU 1169/2011: (key in
# Product.nutrition, label, unit).
NUTRIENTS: tuple[tuple[str, Promise, str], ...] = (
    ("energy_kj", _("Energy"), "kJ"),
    ("energy_kcal", _("Energy"), "kcal"),
    ("fat_g", _("Fat"), "g"),
    ("saturates_g", _("of which saturates"), "g"),
    ("carbohydrate_g", _("Carbohydrate"), "g"),
    ("sugars_g", _("of which sugars"), "g"),
    ("fibre_g", _("Fibre"), "g"),
    ("protein_g", _("Protein"), "g"),
    ("salt_g", _("Salt"), "g"),
)


@dataclass(frozen=True)
class NutrientRow:
    key: str
    label: Promise
    amount: Decimal
    unit: str


def nutrition_rows(nutrition: Mapping[str, object]) -> list[NutrientRow]:
    """The declared nutrients per 100 g, in the regulation's order; values that are not numbers
    are left out rather than shown wrong."""
    rows = []
    for key, label, unit in NUTRIENTS:
        value = nutrition.get(key) if isinstance(nutrition, Mapping) else None
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            continue
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            continue
        if amount.is_finite():
            rows.append(NutrientRow(key=key, label=label, amount=amount, unit=unit))
    return rows


def allergen_labels(codes: Iterable[str]) -> list[Promise]:
    """The names of the allergens `codes`, in the order of Annex II."""
    present = set(codes)
    return [allergen.label for allergen in Allergen if allergen.value in present]
