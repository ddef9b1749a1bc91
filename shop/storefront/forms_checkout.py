"""Forms of the cart and checkout pages; the rules themselves live in shop.checkout."""

from collections.abc import Mapping
from dataclasses import replace

from django import forms
from django.utils.translation import gettext_lazy as _

from shop.accounts.addresses import ADDRESS_FIELDS, AddressData, address_same_place
from shop.accounts.models import Address
from shop.shipping.countries import country_choices
from shop.storefront.forms import ServiceErrorsForm

# The address fields the pages show (in this order); the others (district, region) are the
# API's, which the pages keep.
ADDRESS_FORM_FIELDS = {
    "first_name": (_("First name"), "given-name"),
    "last_name": (_("Last name"), "family-name"),
    "company_name": (_("Company (optional)"), "organization"),
    "street_address_1": (_("Address"), "address-line1"),
    "street_address_2": (_("Address, continued (optional)"), "address-line2"),
    "postal_code": (_("Postcode"), "postal-code"),
    "city": (_("Town or city"), "address-level2"),
    "country": (_("Country"), "country"),
    "phone": (_("Phone (optional, for the carrier)"), "tel"),
}
OPTIONAL = {"company_name", "street_address_2", "phone"}
UNSHOWN_ADDRESS_FIELDS = tuple(name for name in ADDRESS_FIELDS if name not in ADDRESS_FORM_FIELDS)


class CartLineForm(forms.Form):
    variant = forms.IntegerField(min_value=1)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=0, max_value=999)


class CartAddForm(forms.Form):
    variant = forms.IntegerField(min_value=1, error_messages={"required": _("Choose a variant.")})
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=999, initial=1)


class PromoCodeForm(forms.Form):
    """A promo code to apply to the cart; whether it applies is the checkout's rule."""

    code = forms.CharField(
        label=_("Promo code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


def address_fields(prefix: str = "", required: bool = True) -> dict[str, forms.Field]:
    """An address's fields, named `<prefix>_<field>` with a prefix (which is also the
    browser's autofill section)."""
    fields = {}
    for name, (label, autocomplete) in ADDRESS_FORM_FIELDS.items():
        attrs = {"autocomplete": f"{prefix} {autocomplete}".strip()}
        if name == "country":
            field = forms.ChoiceField(label=label, choices=country_choices(), required=required)
        else:
            limit = Address._meta.get_field(name).max_length
            field = forms.CharField(label=label, max_length=limit, required=False)
        field.widget.attrs.update(attrs)
        if required and name not in OPTIONAL:
            field.widget.attrs["required"] = True
        fields[f"{prefix}_{name}" if prefix else name] = field
    return fields


def address_typed(values: Mapping[str, str]) -> AddressData:
    """The address typed in the shown fields (`values` by field name, an empty one left out)."""
    return AddressData(**{name: values.get(name) or "" for name in ADDRESS_FORM_FIELDS})


class DetailsForm(ServiceErrorsForm):
    """Who buys and where it goes. Required fields are checked by the checkout service, so a
    shopper sees the same messages here and through the API."""

    email = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
    )
    billing_same = forms.BooleanField(
        label=_("Bill to the delivery address"), required=False, initial=True
    )
    note = forms.CharField(
        label=_("A note for the producers (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args, started_from: Mapping[str, Address | None] | None = None, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.started_from = started_from or {}
        self.fields.update(address_fields("shipping", required=True))
        self.fields.update(address_fields("billing", required=False))

    def address(self, prefix: str) -> AddressData:
        """The typed address; while it stays in the place of the address the form showed (the
        checkout's, or the shopper's default), it is a copy of that one and keeps its district,
        region and metadata, which the page does not show. Typed in another place, it is a new
        address and keeps none (a new place has its own district and region, which the page
        cannot ask)."""
        values = {name: self.cleaned_data.get(f"{prefix}_{name}") for name in ADDRESS_FORM_FIELDS}
        source = self.started_from.get(prefix)
        typed = address_typed(values)
        if source is None or not address_same_place(source, typed):
            return typed
        kept = {name: getattr(source, name) for name in UNSHOWN_ADDRESS_FIELDS}
        return replace(typed, **kept, metadata=dict(source.metadata))

    def billing(self) -> AddressData | None:
        return None if self.cleaned_data.get("billing_same") else self.address("billing")

    def shipping_fields(self) -> list[forms.BoundField]:
        return [self[f"shipping_{name}"] for name in ADDRESS_FORM_FIELDS]

    def billing_fields(self) -> list[forms.BoundField]:
        return [self[f"billing_{name}"] for name in ADDRESS_FORM_FIELDS]


def details_addresses(checkout, user=None) -> dict[str, Address | None]:
    """The addresses the form starts from, by prefix: the checkout's, else the default ones of
    the signed-in shopper `user`."""
    signed_in = user is not None and user.is_authenticated
    return {
        prefix: getattr(checkout, f"{prefix}_address")
        or (getattr(user, f"default_{prefix}_address") if signed_in else None)
        for prefix in ("shipping", "billing")
    }


def details_initial(checkout, addresses: Mapping[str, Address | None]) -> dict:
    """The form's starting values: what the checkout knows, and the `addresses` it starts from
    (details_addresses)."""
    initial = {"email": checkout.email or "", "note": checkout.note, "billing_same": True}
    for prefix, address in addresses.items():
        if address is not None:
            shown = {f"{prefix}_{name}": getattr(address, name) for name in ADDRESS_FORM_FIELDS}
            initial.update(shown)
    if addresses["shipping"] and addresses["billing"]:
        # Every field and the metadata: ticked, the form would bill a copy of the shipping one.
        same = AddressData.of(addresses["shipping"]) == AddressData.of(addresses["billing"])
        initial["billing_same"] = same
    return initial
