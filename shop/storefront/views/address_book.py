"""The shopper's address book ("My addresses"): list, add, edit, delete, choose defaults."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from shop.accounts.address_book import (
    address_book_add,
    address_book_delete,
    address_book_update,
    user_default_address_set,
)
from shop.accounts.addresses import AddressKind
from shop.accounts.selectors import address_book_of, book_address_of
from shop.storefront.forms_address_book import AddressForm
from shop.storefront.forms_checkout import ADDRESS_FORM_FIELDS

DEFAULT_SAVED = {
    AddressKind.SHIPPING: gettext_lazy("This is now your default delivery address."),
    AddressKind.BILLING: gettext_lazy("This is now your default billing address."),
}


@login_required
def addresses(request: HttpRequest) -> HttpResponse:
    book = address_book_of(user=request.user)
    return render(request, "storefront/account/addresses.html", {"addresses": book})


def _form_page(request: HttpRequest, form: AddressForm, address=None) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "address": address}
    return render(request, "storefront/account/address_form.html", context, status=status)


@login_required
def address_add(request: HttpRequest) -> HttpResponse:
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            address_book_add(
                actor=request.user,
                user=request.user,
                data=form.address(),
                default_for=form.default_for(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The address is in your address book."))
            return redirect("storefront:account_addresses")
    return _form_page(request, form)


@login_required
def address_edit(request: HttpRequest, pk: int) -> HttpResponse:
    address = book_address_of(user=request.user, address_id=pk)
    if address is None:  # someone else's address is as unknown as a missing one
        raise Http404
    initial = {name: getattr(address, name) for name in ADDRESS_FORM_FIELDS}
    form = AddressForm(request.POST or None, initial=initial, with_defaults=False)
    if request.method == "POST" and form.is_valid():
        try:
            address_book_update(
                user=request.user,
                address_id=pk,
                data=form.address(),
                fields_in_place=ADDRESS_FORM_FIELDS,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The address is saved."))
            return redirect("storefront:account_addresses")
    return _form_page(request, form, address)


@login_required
@require_POST
def address_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        address_book_delete(user=request.user, address_id=pk)
    except ValidationError as error:
        raise Http404 from error
    messages.success(request, _("The address is removed from your address book."))
    return redirect("storefront:account_addresses")


@login_required
@require_POST
def address_default(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        kind = AddressKind(request.POST.get("kind", ""))
    except ValueError:
        return HttpResponse(_("Choose delivery or billing."), status=400)
    try:
        user_default_address_set(actor=request.user, user=request.user, address_id=pk, kind=kind)
    except ValidationError as error:
        raise Http404 from error
    messages.success(request, DEFAULT_SAVED[kind])
    return redirect("storefront:account_addresses")
