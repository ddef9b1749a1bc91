"""Checkout: the shopper's details, the delivery per producer, payment and the order page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from branding.campaigns import visit_of
from branding.services.campaigns import order_placed_record
from shop.checkout.complete import checkout_complete, checkout_problems
from shop.checkout.models import Checkout
from shop.checkout.selectors import CartTotals, CheckoutSummary, checkout_summary, checkout_totals
from shop.checkout.services import checkout_contact_update, checkout_deliveries_set
from shop.orders.models import OrderStatus, PaymentStatus
from shop.orders.selectors import order_by_token, order_to_pay, order_vat_lines
from shop.payments.gateway import PaymentInitStatus, active_gateway
from shop.payments.services import builtin_payment_settle, payment_process, payment_start
from shop.storefront.forms_checkout import DetailsForm, details_addresses, details_initial
from shop.storefront.session import current_checkout
from shop.storefront.shared_parts import frame_part

# What a checkout page shows of the cart: its summary, or its totals alone.
Cart = CheckoutSummary | CartTotals


def _checkout_or_cart(
    request: HttpRequest, read: Callable[..., Cart] = checkout_summary
) -> tuple[Checkout | None, Cart | None]:
    """The visitor's checkout and, but for a POST, what the page shows of it (`read`: its
    summary, else its totals); a POST changes the checkout first and only asks whether it
    holds lines. (None, None) with a message when the cart is empty."""
    checkout = current_checkout(request)
    if checkout is not None:
        if request.method == "POST":
            if not checkout_totals(checkout=checkout).is_empty:
                return checkout, None
        else:
            cart = read(checkout=checkout)
            if not cart.is_empty:
                return checkout, cart
    messages.info(request, _("Your cart is empty."))
    return None, None


def details(request: HttpRequest) -> HttpResponse:
    checkout, totals = _checkout_or_cart(request, read=checkout_totals)
    if checkout is None:
        return redirect("storefront:cart")
    started_from = details_addresses(checkout, request.user)
    form = DetailsForm(
        request.POST or None,
        initial=details_initial(checkout, started_from),
        started_from=started_from,
    )
    if request.method == "POST" and form.is_valid():
        try:
            checkout_contact_update(
                checkout=checkout,
                email=form.cleaned_data["email"],
                shipping=form.address("shipping"),
                billing=form.billing(),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return redirect("storefront:checkout_review")
    status = 400 if request.method == "POST" else 200
    if totals is None:
        totals = checkout_totals(checkout=checkout)
    return render(
        request,
        "storefront/checkout/details.html",
        {"form": form, "fields": _details_fields(request, form), "summary": totals},
        status=status,
    )


# What the form starts from for a visitor whose checkout holds no details yet.
_NOTHING_TYPED = {"email": "", "note": "", "billing_same": True}


def _details_fields(request: HttpRequest, form: DetailsForm) -> str:
    """The form's fields: the same for every visitor who has typed nothing yet (kept in the
    process, shop.storefront.shared_parts.frame_part), made for the others."""

    def fields() -> str:
        return render_to_string("storefront/checkout/details_fields.html", {"form": form})

    if form.is_bound or form.initial != _NOTHING_TYPED:
        return fields()
    return frame_part(request, "checkout_details_empty_fields", fields)


def _deliveries_posted(request: HttpRequest) -> dict[int, str]:
    """The form's delivery choices: seller id -> method, from the fields `delivery-<seller id>`."""
    deliveries = {}
    for key, method in request.POST.items():
        seller_key = key.removeprefix("delivery-")
        if (
            key != seller_key
            and seller_key.isascii()
            and seller_key.isdigit()
            and len(seller_key) < 19
        ):
            deliveries[int(seller_key)] = method
    return deliveries


def review(request: HttpRequest) -> HttpResponse:
    """Delivery per producer, the summary with VAT, the notices, and "Place order"."""
    checkout, summary = _checkout_or_cart(request)
    if checkout is None:
        return redirect("storefront:cart")
    if checkout.shipping_address_id is None:
        return redirect("storefront:checkout_details")
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        deliveries = _deliveries_posted(request)
        try:
            if request.POST.get("action") == "update":
                checkout_deliveries_set(checkout=checkout, deliveries=deliveries)
                return redirect("storefront:checkout_review")
            order = checkout_complete(
                checkout=checkout,
                majority_confirmed=request.POST.get("majority_confirmed") == "on",
                user=request.user,
                deliveries=deliveries,
            )
        except ValidationError as error:
            errors.extend(error.messages)
        else:
            order_placed_record(
                order=order,
                visit=visit_of(request.session),
                marketing_consent=request.POST.get("marketing_consent") == "on",
            )
            return redirect("storefront:checkout_pay", token=order.token)
        status = 400
        summary = checkout_summary(checkout=checkout)
    context = {
        "summary": summary,
        "errors": errors,
        "gateway": active_gateway(),
        "marketing_consent": request.POST.get("marketing_consent") == "on",
    }
    if request.method == "GET":
        context["pending"] = checkout_problems(summary=summary, majority_confirmed=True)
    return render(request, "storefront/checkout/review.html", context, status=status)


def pay(request: HttpRequest, token: str) -> HttpResponse:
    """The payment page: Stripe's Payment Element when Stripe is on, else the test gateway's
    buttons (the shopper picks the outcome; no money moves). An order with nothing to pay goes
    straight to its confirmation, whichever gateway."""
    order = order_to_pay(token=token)
    if order is None:
        raise Http404
    if order.status != OrderStatus.PENDING_PAYMENT:
        return redirect("storefront:order_status", token=order.token)
    context = {"order": order, "gateway": active_gateway()}
    try:
        payment = payment_start(order=order)
    except ValidationError as error:
        context["payment_error"] = error.messages[0]
    else:
        if payment is not None and payment.status == PaymentInitStatus.SUCCEEDED:
            return redirect("storefront:order_status", token=order.token)
        context["payment"] = payment  # None: the test gateway's buttons
        context["return_url"] = request.build_absolute_uri(
            reverse("storefront:checkout_pay_return", args=[order.token])
        )
    return render(request, "storefront/checkout/pay.html", context)


def pay_return(request: HttpRequest, token: str) -> HttpResponse:
    """Where Stripe sends the shopper back: the payment is checked with Stripe, not trusted
    from the address, then the order's page tells the outcome."""
    order = order_to_pay(token=token)
    if order is None:
        raise Http404
    if order.status == OrderStatus.PENDING_PAYMENT:
        try:
            payment_process(order=order)
        except ValidationError as error:
            messages.warning(request, error.messages[0])
    return redirect("storefront:order_status", token=order.token)


@require_POST
def pay_submit(request: HttpRequest, token: str) -> HttpResponse:
    """The test gateway's buttons; refused while a real gateway is active. An order that closed
    unpaid before the shopper chose goes to its page, which tells why."""
    order = order_to_pay(token=token)
    if order is None or not active_gateway().is_test:
        raise Http404
    approve = request.POST.get("outcome") == "approve"
    settled = builtin_payment_settle(order=order, approve=approve)
    if not settled:
        order.refresh_from_db()  # settled meanwhile by another request: its outcome counts
    if order.payment_status == PaymentStatus.PAID:
        return redirect("storefront:order_status", token=order.token)
    if not settled:  # closed unpaid before this choice (expired, or cancelled): it changed nothing
        messages.warning(
            request,
            _(
                "This order can no longer be paid: its reservation ended and its products went "
                "back into stock. Your cart is still there: you can order again from it."
            ),
        )
        return redirect("storefront:order_status", token=order.token)
    messages.error(
        request, _("The payment was declined and your order cancelled. Your cart is still here.")
    )
    return redirect("storefront:cart")


def order_status(request: HttpRequest, token: str) -> HttpResponse:
    """The order's page, reachable by its secret link (in the confirmation email)."""
    order = order_by_token(token=token)
    if order is None:
        raise Http404
    context = {
        "order": order,
        "vat_lines": order_vat_lines(order=order),
        # Paid and not yet shipped: the page greets the buyer as a confirmation.
        "is_confirmed": order.status == OrderStatus.UNFULFILLED,
    }
    return render(request, "storefront/order_status.html", context)
