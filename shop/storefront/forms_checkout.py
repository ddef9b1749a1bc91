"""Forms of the cart and checkout pages; the rules themselves live in shop.checkout."""

from django import forms
from django.utils.translation import gettext_lazy as _

from shop.accounts.addresses import AddressData
from shop.accounts.models import Address
from shop.shipping.countries import country_choices
from shop.storefront.forms import ServiceErrorsForm

ADDRESS_FIELDS = {
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
    for name, (label, autocomplete) in ADDRESS_FIELDS.items():
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(address_fields("shipping", required=True))
        self.fields.update(address_fields("billing", required=False))

    def address(self, prefix: str) -> AddressData:
        values = {name: self.cleaned_data.get(f"{prefix}_{name}") or "" for name in ADDRESS_FIELDS}
        return AddressData(**values)

    def billing(self) -> AddressData | None:
        return None if self.cleaned_data.get("billing_same") else self.address("billing")

    def shipping_fields(self) -> list[forms.BoundField]:
        return [self[f"shipping_{name}"] for name in ADDRESS_FIELDS]

    def billing_fields(self) -> list[forms.BoundField]:
        return [self[f"billing_{name}"] for name in ADDRESS_FIELDS]


def details_initial(checkout, user=None) -> dict:
    """The form's starting values: what the checkout already knows, else the default addresses
    of the signed-in shopper `user`."""
    initial = {"email": checkout.email or "", "note": checkout.note, "billing_same": True}
    signed_in = user is not None and user.is_authenticated
    addresses = {
        prefix: getattr(checkout, f"{prefix}_address")
        or (getattr(user, f"default_{prefix}_address") if signed_in else None)
        for prefix in ("shipping", "billing")
    }
    for prefix, address in addresses.items():
        if address is not None:
            initial.update({f"{prefix}_{name}": getattr(address, name) for name in ADDRESS_FIELDS})
    if addresses["shipping"] and addresses["billing"]:
        same = all(
            getattr(addresses["shipping"], name) == getattr(addresses["billing"], name)
            for name in ADDRESS_FIELDS
        )
        initial["billing_same"] = same
    return initial
