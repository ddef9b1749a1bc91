"""The checkout mutations: each parses its input and calls the checkout's services, the same
ones as the shop's pages. A refused step answers `errors { field message code }` and changes
nothing."""

from collections.abc import Callable
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from graphene.utils.str_converters import to_camel_case

from catalogue.metadata.services import metadata_update
from shop.accounts.addresses import AddressData
from shop.accounts.graphql.inputs import address_data
from shop.checkout.complete import checkout_complete
from shop.checkout.graphql.delivery import (
    HOME_DELIVERY,
    DeliveryValue,
    delivery_method_choose,
    home_delivery,
)
from shop.checkout.graphql.enums import CheckoutErrorCode
from shop.checkout.graphql.summary import summary_forget, summary_of
from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_by_token
from shop.checkout.services import (
    checkout_address_update,
    checkout_create,
    checkout_email_update,
    checkout_line_add,
    checkout_line_update,
    checkout_merge,
)
from shop.discounts.error_codes import VoucherErrorCode
from shop.graphql.core.channel import channel_check
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import (
    from_global_id,
    pk_from_global_id,
    to_global_id,
    uuid_from_global_id,
)
from shop.graphql.core.mutations import ErrorValue, error, mutation_errors
from shop.graphql.core.translations import language_of
from shop.orders.models import Order, OrderStatus
from shop.payments.services import payment_no_charge_settle

CHECKOUT_CODES = [member.value for member in CheckoutErrorCode]
# A promo code's refusals, as Saleor's clients know them: a code that does not exist (or is not
# the cart's) is INVALID, one that does not apply to this cart now VOUCHER_NOT_APPLICABLE.
VOUCHER_CODES = {member.value: "VOUCHER_NOT_APPLICABLE" for member in VoucherErrorCode} | {
    VoucherErrorCode.NOT_FOUND.value: "INVALID",
    VoucherErrorCode.NOT_APPLIED.value: "INVALID",
}
# Our services name a few fields otherwise than Saleor's clients do; an address's fields are
# named without their "shipping_" or "billing_" prefix.
FIELDS = {
    "variant": "variantId",
    "input": "metadata",  # the metadata services name the items they refuse "input"
    **{
        f"{kind}_{name}": to_camel_case(name)
        for kind in ("shipping", "billing")
        for name in AddressData.__dataclass_fields__
    },
}


class Refused(Exception):
    """A step refused: its errors go in the payload."""

    def __init__(self, errors: list[ErrorValue]) -> None:
        super().__init__(errors)
        self.errors = errors


@contextmanager
def all_or_nothing():
    """Run the services of one mutation in one transaction; a ValidationError undoes them all
    and becomes the payload's errors."""
    try:
        with transaction.atomic():
            yield
    except ValidationError as failure:
        errors = mutation_errors(
            failure, codes=CHECKOUT_CODES, fields=FIELDS, aliases=VOUCHER_CODES
        )
        raise Refused(errors) from failure


def checkout_token_of(id: str | None, token=None) -> str | None:
    return str(token) if token else from_global_id(id, "Checkout")


def checkout_for(info, id: str | None, token=None) -> Checkout:
    """The checkout named by `id` (or the older `token`) that the requester may use: a
    signed-in shopper's checkout is theirs only."""
    checkout = checkout_by_token(token=checkout_token_of(id, token))
    user = info.context.signed_in_user
    if checkout is None or (checkout.user_id and (user is None or user.pk != checkout.user_id)):
        raise Refused(error("id", _("No checkout has this ID."), "NOT_FOUND"))
    return checkout


def _metadata_set(info, checkout: Checkout, items, *, private: bool = False) -> None:
    """Write the MetadataInput `items` into the checkout's metadata, as updateMetadata does;
    PERMISSION_DENIED (a request error) for private metadata written by anyone but the staff."""
    if not items:
        return
    try:
        metadata_update(
            instance=checkout,
            items={item.key: item.value for item in items},
            user=info.context.user,
            private=private,
        )
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied


def _variant_pk(variant_id: str) -> int:
    pk = pk_from_global_id(variant_id, "ProductVariant")
    if pk is None:
        raise Refused(error("variantId", _("No product variant has this ID."), "NOT_FOUND"))
    return pk


def _lines_add(checkout: Checkout, lines) -> None:
    for line in lines:
        checkout_line_add(
            checkout=checkout, variant_id=_variant_pk(line["variant_id"]), quantity=line["quantity"]
        )


def _line_variant(checkout: Checkout, line_id: str | None) -> int:
    token = uuid_from_global_id(line_id, "CheckoutLine")
    variant_id = checkout.lines.filter(token=token).values_list("variant_id", flat=True).first()
    if variant_id is None:
        raise Refused(error("lineId", _("This item is not in your cart."), "NOT_FOUND"))
    return variant_id


def checkout_mutation(change: Callable[..., Checkout | None]) -> Callable:
    """A resolver answering {checkout, errors} around `change(info, checkout, **arguments)`,
    which calls the services; the checkout is found from `id` (or the older `checkoutId` or
    `token`) first."""

    def resolve(root, info, id=None, token=None, checkout_id=None, **arguments) -> dict:
        try:
            checkout = checkout_for(info, id or checkout_id, token)
            with all_or_nothing():
                change(info, checkout, **arguments)
        except Refused as refused:
            return {"checkout": None, "errors": refused.errors}
        summary_forget(info, checkout)
        checkout.refresh_from_db()
        return {"checkout": checkout, "errors": []}

    return resolve


def checkout_create_resolve(root, info, input) -> dict:
    try:
        channel_check(input.get("channel"))
        with all_or_nothing():
            checkout = checkout_create(
                user=info.context.signed_in_user,
                language_code=language_of(input.get("language_code")),
            )
            _lines_add(checkout, input.get("lines") or [])
            if input.get("email"):
                checkout_email_update(checkout=checkout, email=input["email"])
            for kind in ("shipping", "billing"):
                if input.get(f"{kind}_address"):
                    checkout_address_update(
                        checkout=checkout, kind=kind, address=address_data(input[f"{kind}_address"])
                    )
            _metadata_set(info, checkout, input.get("metadata"))
            _metadata_set(info, checkout, input.get("private_metadata"), private=True)
    except Refused as refused:
        return {"checkout": None, "errors": refused.errors}
    return {"checkout": checkout, "errors": []}


@checkout_mutation
def lines_add(info, checkout: Checkout, lines) -> None:
    _lines_add(checkout, lines)


@checkout_mutation
def lines_update(info, checkout: Checkout, lines) -> None:
    for line in lines:
        checkout_line_update(
            checkout=checkout,
            variant_id=_line_variant(checkout, line.get("line_id")),
            quantity=line.get("quantity") or 0,
        )


@checkout_mutation
def lines_delete(info, checkout: Checkout, lines_ids) -> None:
    for line_id in lines_ids:
        variant_id = _line_variant(checkout, line_id)
        checkout_line_update(checkout=checkout, variant_id=variant_id, quantity=0)


@checkout_mutation
def line_delete(info, checkout: Checkout, line_id=None) -> None:
    variant_id = _line_variant(checkout, line_id)
    checkout_line_update(checkout=checkout, variant_id=variant_id, quantity=0)


@checkout_mutation
def email_update(info, checkout: Checkout, email: str) -> None:
    checkout_email_update(checkout=checkout, email=email)


@checkout_mutation
def shipping_address_update(info, checkout: Checkout, shipping_address, **_options) -> None:
    checkout_address_update(
        checkout=checkout, kind="shipping", address=address_data(shipping_address)
    )


@checkout_mutation
def billing_address_update(info, checkout: Checkout, billing_address, **_options) -> None:
    checkout_address_update(
        checkout=checkout, kind="billing", address=address_data(billing_address)
    )


def _delivery_choose(info, checkout: Checkout, method_id: str | None) -> None:
    summary = summary_of(info, checkout)
    if not delivery_method_choose(checkout=checkout, summary=summary, method_id=method_id or ""):
        raise Refused(
            error("deliveryMethodId", _("This delivery method does not exist."), "NOT_FOUND")
        )


@checkout_mutation
def delivery_method_update(info, checkout: Checkout, delivery_method_id=None) -> None:
    _delivery_choose(info, checkout, delivery_method_id)


@checkout_mutation
def shipping_method_update(info, checkout: Checkout, shipping_method_id=None) -> None:
    """The older form of checkoutDeliveryMethodUpdate."""
    _delivery_choose(info, checkout, shipping_method_id)


def order_of_checkout(token: str | None) -> Order | None:
    """The order a checkout became (placed by checkoutComplete or transactionInitialize)."""
    if not token:
        return None
    orders = Order.objects.filter(checkout_token=token).exclude(
        status__in=[OrderStatus.CANCELLED, OrderStatus.EXPIRED]
    )
    return orders.order_by("-created_at").first()


def checkout_order_place(
    info, *, checkout: Checkout, majority_confirmed: bool, metadata=None
) -> Order:
    """Place the order of `checkout` (its `metadata` written first; the order carries the
    checkout's), awaiting payment with its stock reserved; raises Refused with the reasons
    when the checkout is not ready."""
    with all_or_nothing():
        _metadata_set(info, checkout, metadata)
        order = checkout_complete(
            checkout=checkout,
            majority_confirmed=majority_confirmed,
            user=info.context.signed_in_user,
        )
    summary_forget(info, checkout)
    return order


def checkout_complete_resolve(
    root, info, id=None, token=None, majority_confirmed=False, metadata=None, **_options
) -> dict:
    """The order of the checkout: the one its payment placed, else placed now (awaiting
    payment, stock reserved: pay it with transactionInitialize on the order). An order a promo
    code covered in full is paid at once, without a gateway, as on the shop's pages."""
    order = order_of_checkout(checkout_token_of(id, token))
    if order is None:
        try:
            checkout = checkout_for(info, id, token)
            order = checkout_order_place(
                info, checkout=checkout, majority_confirmed=majority_confirmed, metadata=metadata
            )
        except Refused as refused:
            return {"order": None, "confirmation_needed": False, "errors": refused.errors}
    if order.status == OrderStatus.PENDING_PAYMENT:
        payment_no_charge_settle(order=order)
    return {"order": order, "confirmation_needed": False, "errors": []}


def delivery_options_calculate(root, info, id: str) -> dict:
    """The deliveries the checkout can choose from (see shop.checkout.graphql.delivery)."""
    try:
        checkout = checkout_for(info, id)
    except Refused as refused:
        return {"deliveries": [], "errors": refused.errors}
    method = home_delivery(summary_of(info, checkout))
    deliveries = [DeliveryValue(id=to_global_id("Delivery", HOME_DELIVERY), shipping_method=method)]
    return {"deliveries": deliveries if method else [], "errors": []}


def customer_attach(root, info, id=None, customer_id=None) -> dict:
    """The signed-in shopper takes this guest checkout: its lines join their own checkout (as
    at sign-in on the shop's pages), which is answered."""
    user = info.context.signed_in_user
    if user is None:
        message = _("Sign in to keep this checkout in your account.")
        return {"checkout": None, "errors": error(None, message, "GRAPHQL_ERROR")}
    try:
        checkout = checkout_for(info, id)
        with all_or_nothing():
            checkout = checkout_merge(source=checkout, user=user)
    except Refused as refused:
        return {"checkout": None, "errors": refused.errors}
    summary_forget(info, checkout)
    return {"checkout": checkout, "errors": []}
