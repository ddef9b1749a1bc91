"""The cart: add, change and remove lines, apply or remove a promo code. Every change is a POST
followed by a redirect; a refused promo code shows the cart again with the error at its field."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_summary
from shop.checkout.services import (
    checkout_line_add,
    checkout_line_update,
    checkout_voucher_add,
    checkout_voucher_remove,
)
from shop.client_address import client_ip
from shop.storefront.forms_checkout import CartAddForm, CartLineForm, PromoCodeForm
from shop.storefront.session import current_checkout


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _cart_page(
    request: HttpRequest, checkout: Checkout | None, promo_form: PromoCodeForm, status: int = 200
) -> HttpResponse:
    summary = checkout_summary(checkout=checkout) if checkout else None
    context = {"summary": summary, "promo_form": promo_form}
    return render(request, "storefront/cart.html", context, status=status)


def _visitor(request: HttpRequest) -> list[str]:
    """The session and the client's address count the visitor's refused promo codes beside its
    checkout: a guest's checkout lives in the session, so dropping the cookie resets both, but
    not the address."""
    key = request.session.session_key
    session = [f"session:{key}"] if key else []
    return [*session, f"ip:{client_ip(request)}"]


def cart(request: HttpRequest) -> HttpResponse:
    return _cart_page(request, current_checkout(request), PromoCodeForm())


@require_POST
def cart_promo_add(request: HttpRequest) -> HttpResponse:
    checkout = current_checkout(request)
    if checkout is None:
        messages.info(request, _("Your cart is empty."))
        return redirect("storefront:cart")
    form = PromoCodeForm(request.POST)
    if form.is_valid():
        try:
            checkout_voucher_add(
                checkout=checkout, code=form.cleaned_data["code"], visitor=_visitor(request)
            )
        except ValidationError as error:
            form.add_error("code", error.error_dict["promo_code"])
        else:
            messages.success(
                request,
                _("The promo code %(code)s is applied.") % {"code": checkout.voucher.code},
            )
            return redirect("storefront:cart")
    return _cart_page(request, checkout, form, status=400)


@require_POST
def cart_promo_remove(request: HttpRequest) -> HttpResponse:
    checkout = current_checkout(request)
    if checkout is not None and checkout.voucher_id is not None:
        checkout_voucher_remove(checkout=checkout)
        messages.info(request, _("The promo code is removed."))
    return redirect("storefront:cart")


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
