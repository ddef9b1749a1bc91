"""Turning a checkout into an order: every check first, then the stock reserved atomically."""

from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ProductVariant
from shop.accounts.address_book import address_book_keep_order_addresses
from shop.accounts.models import Address, User
from shop.checkout.error_codes import CheckoutErrorCode
from shop.checkout.models import Checkout
from shop.checkout.selectors import CheckoutSummary, checkout_summary
from shop.checkout.services import checkout_deliveries_choose, checkout_error
from shop.discounts.services import voucher_lock
from shop.orders.models import FulfilmentGroup, Order, OrderLine
from shop.orders.services import order_event_record, stock_give_back


def checkout_problems(
    *, summary: CheckoutSummary, majority_confirmed: bool
) -> dict[str, list[ValidationError]]:
    """Everything that stops this checkout from becoming an order, per field (empty: ready)."""
    checkout = summary.checkout
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, message, code: CheckoutErrorCode, **params) -> None:
        errors.setdefault(field, []).append(
            ValidationError(message, code=code.value, params=params)
        )

    if summary.is_empty:
        add("lines", _("Your cart is empty."), CheckoutErrorCode.NO_LINES)
    for line in summary.lines:
        if not line.is_for_sale:
            add(
                "lines",
                _("%(product)s is not available any more: please remove it."),
                CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE,
                product=line.product.translated("name"),
            )
        elif not line.is_in_stock:
            add(
                "lines",
                _("Only %(stock)s of %(product)s left: please change the quantity."),
                CheckoutErrorCode.INSUFFICIENT_STOCK,
                stock=line.variant.stock_quantity,
                product=line.product.translated("name"),
            )
    if not checkout.email:
        add("email", _("Enter your email address."), CheckoutErrorCode.EMAIL_NOT_SET)
    if checkout.shipping_address_id is None:
        add("shipping", _("Enter a delivery address."), CheckoutErrorCode.SHIPPING_ADDRESS_NOT_SET)
    if checkout.billing_address_id is None:
        add("billing", _("Enter a billing address."), CheckoutErrorCode.BILLING_ADDRESS_NOT_SET)
    for group in summary.groups:
        if not group.options:
            add(
                "delivery",
                _("%(seller)s cannot deliver these items to this country."),
                CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
                seller=group.seller.name,
            )
        elif group.chosen is None:
            add(
                "delivery",
                _("Choose how %(seller)s's items reach you."),
                CheckoutErrorCode.SHIPPING_METHOD_NOT_SET,
                seller=group.seller.name,
            )
    if summary.voucher_refusal is not None:
        # The code no longer applies (the cart shrank, it expired or was used up meanwhile):
        # the order is not placed rather than placed without the discount the shopper saw.
        errors.setdefault("promo_code", []).extend(summary.voucher_refusal.error_dict["promo_code"])
    if summary.has_alcohol and not majority_confirmed:
        add(
            "majority_confirmed",
            _("Your cart holds alcohol: please confirm that you are 18 or older."),
            CheckoutErrorCode.MAJORITY_NOT_CONFIRMED,
        )
    return errors


def _stock_reserve(*, variant_id: int, quantity: int) -> bool:
    """Take `quantity` from the stock only if that much is there (one conditional UPDATE)."""
    return bool(
        ProductVariant.objects.filter(pk=variant_id, stock_quantity__gte=quantity).update(
            stock_quantity=F("stock_quantity") - quantity
        )
    )


def _order_refusal(*, summary: CheckoutSummary, majority_confirmed: bool) -> ValidationError | None:
    """Why this checkout cannot become an order now, or None once its stock is reserved.

    A refusal is returned, not raised: the caller's transaction then ends without a rollback,
    so it keeps what it did before (the deliveries chosen) without a savepoint, and a rollback
    would make the connection forget its prepared statements (psycopg clears them). Stock taken
    for the lines before one that sold out is given back first."""
    problems = checkout_problems(summary=summary, majority_confirmed=majority_confirmed)
    if problems:
        return ValidationError(problems)
    reserved = []
    # Variant order keeps concurrent checkouts from locking the same rows in opposite orders.
    for line in sorted(summary.lines, key=lambda line: line.variant.pk):
        if not _stock_reserve(variant_id=line.variant.pk, quantity=line.quantity):
            for taken in reserved:
                stock_give_back(variant_id=taken.variant.pk, quantity=taken.quantity)
            return checkout_error(
                "lines",
                _("Sorry, %(product)s has just sold out."),
                CheckoutErrorCode.INSUFFICIENT_STOCK,
                product=line.product.translated("name"),
            )
        reserved.append(line)
    return None


def checkout_complete(
    *,
    checkout: Checkout,
    majority_confirmed: bool = False,
    user: User | None = None,
    deliveries: Mapping[int, str] | None = None,
) -> Order:
    """Place the order: one fulfilment group per seller, the stock reserved for payment.

    Raises ValidationError (codes in CheckoutErrorCode, VoucherErrorCode for the promo code)
    and saves nothing when the checkout is not ready, its promo code no longer applies or the
    stock ran out meanwhile. The checkout stays until the order is paid.

    `deliveries` (seller id -> method) are chosen first, in the same transaction and read of
    the cart (checkout_deliveries_choose): those offered are kept even when the order is not
    placed; a refused one raises its error and places nothing.

    A signed-in shopper's address book keeps the order's addresses.
    The promo code's row is locked before its uses are counted, so concurrent orders cannot
    use it beyond its limits; its discount is recorded per line and per group's delivery.
    """
    with transaction.atomic():
        if checkout.voucher_id is not None:
            voucher_lock(voucher_id=checkout.voucher_id)
        summary = checkout_summary(checkout=checkout)
        refusals = deliveries and checkout_deliveries_choose(summary=summary, deliveries=deliveries)
        error = (
            ValidationError(refusals)
            if refusals
            else _order_refusal(summary=summary, majority_confirmed=majority_confirmed)
        )
        if error is None:
            return _order_create(summary=summary, majority_confirmed=majority_confirmed, user=user)
    raise error


def _order_create(
    *, summary: CheckoutSummary, majority_confirmed: bool, user: User | None
) -> Order:
    """The order of a checkout whose stock `_order_refusal` reserved."""
    checkout = summary.checkout
    shipping = checkout.shipping_address.copy()
    billing = checkout.billing_address.copy()
    Address.objects.bulk_create([shipping, billing])
    voucher = summary.voucher
    order = Order.objects.create(
        checkout_token=checkout.token,
        user=user if user is not None and user.is_authenticated else checkout.user,
        email=checkout.email,
        language_code=checkout.language_code,
        shipping_address=shipping,
        billing_address=billing,
        note=checkout.note,
        subtotal=summary.subtotal,
        shipping_total=summary.shipping_total,
        voucher=voucher,
        voucher_code=voucher.code if voucher else "",
        discount_name=voucher.translated("name", checkout.language_code) if voucher else "",
        discount_total=summary.discount,
        total=summary.total,
        majority_confirmed=majority_confirmed and summary.has_alcohol,
        reserved_until=timezone.now() + timedelta(minutes=settings.CHECKOUT_RESERVATION_MINUTES),
        metadata=checkout.metadata,
        private_metadata=checkout.private_metadata,
    )
    for group in summary.groups:
        fulfilment = FulfilmentGroup.objects.create(
            order=order,
            seller=group.seller,
            delivery_method=group.chosen.method,
            delivery_detail=group.chosen.detail,
            shipping_price=group.chosen.price,
            shipping_discount=group.shipping_discount,
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order,
                group=fulfilment,
                variant=line.variant,
                product_name=line.product.translated("name", checkout.language_code),
                variant_name=line.variant.translated("name", checkout.language_code),
                sku=line.variant.sku,
                quantity=line.quantity,
                unit_price=line.unit_price,
                vat_rate=line.vat_rate,
                discount=line.discount,
            )
            for line in group.lines
        )
    if order.user is not None:
        address_book_keep_order_addresses(user=order.user, shipping=shipping, billing=billing)
    data = {"total": str(order.total), "groups": len(summary.groups)}
    if voucher is not None:
        data.update(voucher=voucher.code, discount=str(order.discount_total))
    order_event_record(
        order=order, action="orders.order.placed", actor=user, to_state=order.status, data=data
    )
    return order
