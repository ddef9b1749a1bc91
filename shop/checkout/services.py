"""Every write of the checkout: the cart's lines, the shopper's details, delivery choices."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

from catalogue.models import ProductVariant
from catalogue.selectors import today
from shop.accounts.addresses import AddressData, address_clean
from shop.accounts.models import Address, User
from shop.checkout.error_codes import CheckoutErrorCode
from shop.checkout.models import Checkout, CheckoutDelivery, CheckoutLine
from shop.checkout.selectors import CheckoutSummary, checkout_summary, product_for_sale_test
from shop.compiled_reads import CompiledRead, Placeholder
from shop.discounts.attempts import attempt_accepted, attempt_begin
from shop.discounts.error_codes import VoucherErrorCode
from shop.discounts.models import CODE_LENGTH_MAX, Voucher, code_normalise
from shop.discounts.selectors import voucher_by_code, voucher_error, voucher_refusal

MAX_LINE_QUANTITY = 50


def checkout_error(field: str, message: str, code: CheckoutErrorCode, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value, params=params)})


# Every addition to a cart reads its variant so: compiled once (shop.compiled_reads).
_variant_if_for_sale = CompiledRead(
    lambda variant_id, day: ProductVariant.objects.select_related("product").filter(
        product_for_sale_test("product_id", day), pk=variant_id
    ),
    variant_id=Placeholder.integer,
    day=Placeholder.day,
)


def _variant_for_sale(variant_id: int) -> ProductVariant:
    variant = _variant_if_for_sale.first(variant_id=variant_id, day=today())
    if variant is None:
        raise checkout_error(
            "variant",
            _("This product is not available any more."),
            CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE,
        )
    return variant


def _check_quantity(variant: ProductVariant, quantity: int) -> None:
    if quantity < 1:
        raise checkout_error(
            "quantity", _("Choose a quantity of at least 1."), CheckoutErrorCode.ZERO_QUANTITY
        )
    if quantity > MAX_LINE_QUANTITY:
        raise checkout_error(
            "quantity",
            _("You can order at most %(limit)s of one item."),
            CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
            limit=MAX_LINE_QUANTITY,
        )
    if quantity > variant.stock_quantity:
        if variant.stock_quantity == 0:
            message = _("Sorry, this item is out of stock.")
        else:
            message = _("Only %(stock)s left in stock.")
        raise checkout_error(
            "quantity", message, CheckoutErrorCode.INSUFFICIENT_STOCK, stock=variant.stock_quantity
        )


def checkout_create(*, user: User | None = None, language_code: str = "fr") -> Checkout:
    """A new empty checkout; a signed-in shopper keeps a single one. One statement each way
    (get_or_create makes its own transaction to create), so none is opened around them: a
    transaction costs two more round trips, on every new visitor's first cart."""
    if user is not None and user.is_authenticated:
        checkout, _created = Checkout.objects.get_or_create(
            user=user, defaults={"email": user.email, "language_code": language_code}
        )
        return checkout
    return Checkout.objects.create(language_code=language_code)


def checkout_line_add(*, checkout: Checkout, variant_id: int, quantity: int) -> CheckoutLine:
    """Add `quantity` of a variant to the cart, refusing more than the stock holds."""
    # Refused before the transaction when it can be: a refusal within one rolls it back, and a
    # rollback makes the connection forget its prepared statements (psycopg clears them), so
    # the sold-out item shoppers keep trying to add would cost every page after it its plans.
    variant = _variant_for_sale(variant_id)
    _check_quantity(variant, quantity)  # what is added: at least one, within the stock
    with transaction.atomic():
        line = CheckoutLine.objects.select_for_update().filter(checkout=checkout, variant=variant)
        existing = line.first()
        wanted = quantity + (existing.quantity if existing else 0)
        _check_quantity(variant, wanted)  # the line's new total
        if existing:
            existing.quantity = wanted
            existing.save(update_fields=["quantity"])
            return existing
        return CheckoutLine.objects.create(checkout=checkout, variant=variant, quantity=wanted)


@transaction.atomic
def checkout_line_update(*, checkout: Checkout, variant_id: int, quantity: int) -> None:
    """Set a line's quantity; 0 removes it."""
    if quantity == 0:
        CheckoutLine.objects.filter(checkout=checkout, variant_id=variant_id).delete()
        return
    variant = _variant_for_sale(variant_id)
    _check_quantity(variant, quantity)
    updated = CheckoutLine.objects.filter(checkout=checkout, variant=variant).update(
        quantity=quantity
    )
    if not updated:
        raise checkout_error(
            "variant", _("This item is not in your cart."), CheckoutErrorCode.NOT_FOUND
        )


@transaction.atomic
def checkout_merge(*, source: Checkout, user: User) -> Checkout:
    """At sign-in, move a guest cart's lines into the account's cart (capped at the stock), and
    its promo code when the account's cart has none."""
    target = checkout_create(user=user, language_code=source.language_code)
    if target.pk == source.pk:
        return target
    if source.voucher_id is not None and target.voucher_id is None:
        target.voucher_id = source.voucher_id
        target.save(update_fields=["voucher", "updated_at"])
    existing = {line.variant_id: line for line in target.lines.select_related("variant")}
    for line in source.lines.select_related("variant"):
        current = existing.get(line.variant_id)
        wanted = min(
            line.quantity + (current.quantity if current else 0), line.variant.stock_quantity
        )
        if current and wanted > current.quantity:
            current.quantity = wanted
            current.save(update_fields=["quantity"])
        elif not current and wanted > 0:
            CheckoutLine.objects.create(checkout=target, variant=line.variant, quantity=wanted)
    source.delete()
    return target


def _addresses_forget(pks: list[int | None]) -> None:
    """Delete addresses a checkout no longer uses. A checkout's addresses are its own: its
    services save new ones for each change, and orders and address books keep copies, so
    nothing else points at them and one DELETE does, without the ORM's look at every relation
    of an address (the database's foreign keys still guard them)."""
    addresses = Address.objects.filter(pk__in=[pk for pk in pks if pk])
    addresses._raw_delete(addresses.db)


@transaction.atomic
def checkout_contact_update(
    *,
    checkout: Checkout,
    email: str,
    shipping: AddressData,
    billing: AddressData | None = None,
    note: str = "",
) -> Checkout:
    """Record who buys and where it goes; `billing` None means the shipping address.

    Every field is checked before anything is saved: an error leaves the checkout as it was.
    """
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ValidationError(
            _("Enter a valid email address."), code=CheckoutErrorCode.EMAIL_NOT_SET.value
        )
    addresses = {}
    for prefix, data in (("shipping", shipping), ("billing", billing)):
        if data is None:
            continue
        try:
            addresses[prefix] = Address(**vars(address_clean(data, prefix)))
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    old = [checkout.shipping_address_id, checkout.billing_address_id]
    shipping_address = addresses["shipping"]
    billing_address = addresses.get("billing") or shipping_address.copy()
    Address.objects.bulk_create([shipping_address, billing_address])
    checkout.email = email.strip().lower()
    checkout.shipping_address = shipping_address
    checkout.billing_address = billing_address
    checkout.note = note.strip()
    checkout.save(
        update_fields=["email", "shipping_address", "billing_address", "note", "updated_at"]
    )
    _addresses_forget(old)
    return checkout


def _delivery_choose(*, summary: CheckoutSummary, seller_id: int, method: str) -> None:
    group = next((g for g in summary.groups if g.seller.pk == seller_id), None)
    if group is None:
        raise checkout_error(
            "seller", _("This seller has nothing in your cart."), CheckoutErrorCode.NOT_FOUND
        )
    option = next((o for o in group.options if o.method == method), None)
    if option is None:
        raise checkout_error(
            "method",
            _("This delivery method is not available for these items."),
            CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
        )
    CheckoutDelivery.objects.bulk_create(
        [CheckoutDelivery(checkout=summary.checkout, seller_id=seller_id, method=method)],
        update_conflicts=True,
        unique_fields=["checkout", "seller"],
        update_fields=["method"],
    )
    summary.delivery_choose(group, option)


def checkout_deliveries_choose(
    *, summary: CheckoutSummary, deliveries: Mapping[int, str]
) -> list[ValidationError]:
    """Within a transaction: record how each seller's part travels (seller id -> method) when
    the method is offered for it, the summary following; the refusals of the others."""
    refusals = []
    for seller_id, method in deliveries.items():
        try:
            _delivery_choose(summary=summary, seller_id=seller_id, method=method)
        except ValidationError as error:
            refusals.append(error)
    return refusals


@transaction.atomic
def checkout_delivery_set(*, checkout: Checkout, seller_id: int, method: str) -> None:
    """Choose how one seller's part travels; only a method offered for it is accepted."""
    summary = checkout_summary(checkout=checkout)
    _delivery_choose(summary=summary, seller_id=seller_id, method=method)


def checkout_deliveries_set(*, checkout: Checkout, deliveries: Mapping[int, str]) -> None:
    """Choose how each seller's part travels (seller id -> method), reading the cart once:
    the methods offered are kept, and a ValidationError lists the others."""
    if not deliveries:
        return
    with transaction.atomic():
        summary = checkout_summary(checkout=checkout)
        refusals = checkout_deliveries_choose(summary=summary, deliveries=deliveries)
    if refusals:
        raise ValidationError(refusals)


def checkout_delete(*, token) -> None:
    """Forget a checkout, its lines and deliveries, and the addresses only it used (after its
    order was paid), in one statement: every payment makes it, and the ORM's way (read the
    checkout, collect its relations, then a DELETE per table) took five round trips. Nothing
    else points at these rows (see `_addresses_forget`); the foreign keys are checked at commit."""
    table = connection.ops.quote_name
    checkout, line, delivery = Checkout._meta, CheckoutLine._meta, CheckoutDelivery._meta
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH gone AS (DELETE FROM {table(checkout.db_table)} WHERE token = %s"
            " RETURNING id, shipping_address_id, billing_address_id),"
            f" lines AS (DELETE FROM {table(line.db_table)}"
            " WHERE checkout_id IN (SELECT id FROM gone)),"
            f" deliveries AS (DELETE FROM {table(delivery.db_table)}"
            " WHERE checkout_id IN (SELECT id FROM gone))"
            f" DELETE FROM {table(Address._meta.db_table)} WHERE id IN"
            " (SELECT shipping_address_id FROM gone UNION SELECT billing_address_id FROM gone)",
            [token],
        )


@transaction.atomic
def checkout_email_update(*, checkout: Checkout, email: str) -> Checkout:
    """Record the shopper's email alone (the API sets the contact details one at a time)."""
    try:
        validate_email(email)
    except ValidationError as error:
        raise checkout_error(
            "email", _("Enter a valid email address."), CheckoutErrorCode.EMAIL_NOT_SET
        ) from error
    checkout.email = email.strip().lower()
    checkout.save(update_fields=["email", "updated_at"])
    return checkout


@transaction.atomic
def checkout_address_update(*, checkout: Checkout, kind: str, address: AddressData) -> Checkout:
    """Set the shipping or the billing address (`kind`) alone; the first shipping address also
    serves as billing address until one is given. Nothing is saved when the address is invalid."""
    if kind not in ("shipping", "billing"):
        raise ValueError(f"Unknown address kind: {kind!r}")
    new = Address(**vars(address_clean(address, kind)))
    new.save()
    field = f"{kind}_address"
    old = getattr(checkout, f"{field}_id")
    setattr(checkout, field, new)
    fields = [field, "updated_at"]
    if kind == "shipping" and checkout.billing_address_id is None:
        billing = new.copy()
        billing.save()
        checkout.billing_address = billing
        fields.append("billing_address")
    checkout.save(update_fields=fields)
    _addresses_forget([old])
    return checkout


def _voucher_applicable(*, checkout: Checkout, code: str) -> Voucher:
    voucher = voucher_by_code(code=code)
    if voucher is None:
        raise voucher_error(
            _("The promo code %(code)s does not exist."),
            VoucherErrorCode.NOT_FOUND,
            code=code_normalise(code or "")[:CODE_LENGTH_MAX],
        )
    summary = checkout_summary(checkout=checkout)
    refusal = voucher_refusal(voucher=voucher, subtotal=summary.subtotal, email=checkout.email)
    if refusal is not None:
        raise refusal
    return voucher


@transaction.atomic
def checkout_voucher_add(*, checkout: Checkout, code: str, visitor: Sequence[str] = ()) -> Checkout:
    """Apply the promo code `code` (any case) to the checkout, in place of the one it had.

    Refused, and nothing changed, when no voucher has this code or when it does not apply to
    this cart now (ValidationError on `promo_code`, codes in VoucherErrorCode). The email is
    checked against "once per customer" when the checkout knows it, else when it is given.
    Each refusal counts against the checkout and the front's `visitor` keys (counted before the
    code is checked, so parallel tries cannot pass the limit); past the limit, every try is
    refused until the window passes; without the cache, codes are checked without
    the limit (shop.discounts.attempts).
    """
    keys = [f"checkout:{checkout.token}", *visitor]
    counted = attempt_begin(visitor=keys)
    voucher = _voucher_applicable(checkout=checkout, code=code)  # a refusal keeps its count
    if counted:
        attempt_accepted(visitor=keys)
    checkout.voucher = voucher
    checkout.save(update_fields=["voucher", "updated_at"])
    return checkout


@transaction.atomic
def checkout_voucher_remove(*, checkout: Checkout, code: str | None = None) -> Checkout:
    """Take the promo code off the checkout; with `code`, only if it is the one applied
    (else a ValidationError on `promo_code`, code NOT_APPLIED)."""
    if code is not None and getattr(voucher_by_code(code=code), "pk", None) != checkout.voucher_id:
        raise voucher_error(
            _("The promo code %(code)s is not applied to this cart."),
            VoucherErrorCode.NOT_APPLIED,
            code=code_normalise(code)[:CODE_LENGTH_MAX],
        )
    checkout.voucher = None
    checkout.save(update_fields=["voucher", "updated_at"])
    return checkout
