"""Forms of the shopper pages."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.models import QualitySign


class ServiceErrorsForm(forms.Form):
    """A form whose rules live in a service: the service's errors land on the form's fields
    (named as `service_fields` maps them), the others above the form."""

    service_fields: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            name = self.service_fields.get(field, field)
            self.add_error(name if name in self.fields else None, messages)


SORT_CHOICES = [
    ("", _("Relevance")),
    ("newest", _("Newest first")),
    ("price_asc", _("Price, lowest first")),
    ("price_desc", _("Price, highest first")),
    ("name", _("Name, A to Z")),
]


def _price_field(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_digits=10,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": "0", "step": "0.01", "inputmode": "decimal"}),
    )


class ProductFilterForm(forms.Form):
    """The filters of a product listing, read from the query string.

    Signs and producers that are not offered (gone from the listing, or typed by hand) are
    dropped silently; a price that is not a number is a form error and is not applied. The
    valid filters apply whatever the others hold (`filters()`).
    """

    sign = forms.MultipleChoiceField(
        label=_("Quality sign"), required=False, widget=forms.CheckboxSelectMultiple
    )
    producer = forms.ChoiceField(label=_("Producer"), required=False)
    price_min = _price_field(_("Minimum price (€)"))
    price_max = _price_field(_("Maximum price (€)"))
    in_stock = forms.BooleanField(label=_("In stock only"), required=False)
    approved = forms.BooleanField(label=_("Approved Oh my Lot ! only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, data, *, signs: list[QualitySign], sellers: list[tuple[str, str]]) -> None:
        """`sellers`: the (slug, name) of the producers offered."""
        sign_codes = [sign.code for sign in signs]
        seller_slugs = {slug for slug, _name in sellers}
        data = data.copy()
        data.setlist("sign", [code for code in data.getlist("sign") if code in sign_codes])
        if data.get("producer") not in seller_slugs:
            data.pop("producer", None)
        if data.get("sort") not in dict(SORT_CHOICES):
            data.pop("sort", None)
        super().__init__(data)
        self.fields["sign"].choices = [(sign.code, sign.translated("name")) for sign in signs]
        self.fields["producer"].choices = [("", _("All producers")), *sellers]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The maximum price is below the minimum price."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The keyword arguments of `products_filter` for the valid fields."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "signs": data.get("sign") or [],
            "seller": data.get("producer") or None,
            "price_min": data.get("price_min"),
            "price_max": data.get("price_max"),
            "in_stock": bool(data.get("in_stock")),
            "approved": bool(data.get("approved")),
            "sort": data.get("sort") or "",
        }

    def is_filtering(self) -> bool:
        """Whether a filter (not the sort) narrows the listing."""
        filters = self.filters()
        return bool(
            filters["signs"]
            or filters["seller"]
            or filters["price_min"] is not None
            or filters["price_max"] is not None
            or filters["in_stock"]
            or filters["approved"]
        )
