"""The cart: add, change and remove lines. Every change is a POST followed by a redirect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.checkout.selectors import checkout_summary
from shop.checkout.services import checkout_line_add, checkout_line_update
from shop.storefront.forms_checkout import CartAddForm, CartLineForm
from shop.storefront.session import current_checkout


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def cart(request: HttpRequest) -> HttpResponse:
    checkout = current_checkout(request)
    summary = checkout_summary(checkout=checkout) if checkout else None
    return render(request, "storefront/cart.html", {"summary": summary})


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    form = CartAddForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return _back(request, "storefront:cart")
    checkout = current_checkout(request, create=True)
    try:
        line = checkout_line_add(
            checkout=checkout,
            variant_id=form.cleaned_data["variant"],
            quantity=form.cleaned_data["quantity"],
        )
    except ValidationError as error:
        _report(request, error)
        return _back(request, "storefront:cart")
    messages.success(
        request,
        _("%(product)s is in your cart.") % {"product": line.variant.product.translated("name")},
    )
    return redirect("storefront:cart")


@require_POST
def cart_update(request: HttpRequest) -> HttpResponse:
    form = CartLineForm(request.POST)
    checkout = current_checkout(request)
    if checkout is None or not form.is_valid():
        messages.error(request, _("This change could not be made: please try again."))
        return redirect("storefront:cart")
    try:
        checkout_line_update(
            checkout=checkout,
            variant_id=form.cleaned_data["variant"],
            quantity=form.cleaned_data["quantity"],
        )
    except ValidationError as error:
        _report(request, error)
    return redirect("storefront:cart")
