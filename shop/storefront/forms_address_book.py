"""The form of the "My addresses" page; the address's rule lives in shop.accounts.addresses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from shop.accounts.addresses import AddressData, AddressKind
from shop.storefront.forms import ServiceErrorsForm
from shop.storefront.forms_checkout import ADDRESS_FORM_FIELDS, address_fields, address_typed


class AddressForm(ServiceErrorsForm):
    """One address of the book. Required fields, countries and postcodes are checked by the
    service, so a shopper sees the same messages here, at the checkout and through the API."""

    default_shipping = forms.BooleanField(label=_("My default delivery address"), required=False)
    default_billing = forms.BooleanField(label=_("My default billing address"), required=False)

    def __init__(self, *args, with_defaults: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        defaults = {name: self.fields.pop(name) for name in ("default_shipping", "default_billing")}
        self.fields.update(address_fields())
        if with_defaults:
            self.fields.update(defaults)

    def address(self) -> AddressData:
        """The typed address, with no district, region or metadata: the page shows none, and
        the book's update keeps an edited address's while it stays in its place (its metadata
        always)."""
        return address_typed(self.cleaned_data)

    def default_for(self) -> list[AddressKind]:
        return [kind for kind in AddressKind if self.cleaned_data.get(f"default_{kind.value}")]

    def address_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ADDRESS_FORM_FIELDS]
