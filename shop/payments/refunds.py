"""Refunds: whole or per line from the back office, and those Stripe reports by webhook."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from shop.accounts.models import User
from shop.orders.models import FulfilmentGroup, Order, OrderLine, PaymentStatus
from shop.orders.services import order_event_record
from shop.payments import stripe_gateway
from shop.payments.builtin_gateway import builtin_reference
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import STRIPE_GATEWAY_ID, GatewayError, from_cents, to_cents
from shop.payments.models import Payment, Refund, RefundLine

CENT = Decimal("0.01")
LATE_REFUNDED = "payments.payment.late_refunded"
LATE_REFUND_FAILED = "payments.payment.late_refund_failed"


@dataclass(frozen=True)
class _Part:
    group: FulfilmentGroup
    line: OrderLine | None
    quantity: int
    amount: Decimal


def refunded_total(*, order: Order) -> Decimal:
    """What has been given back on the order so far."""
    return order.refunds.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def refundable_quantities(*, order: Order) -> dict[int, int]:
    """Per order line id, the units not refunded yet."""
    refunded = dict(
        RefundLine.objects.filter(refund__order=order, line__isnull=False)
        .values_list("line_id")
        .annotate(units=Sum("quantity"))
    )
    return {line.pk: line.quantity - refunded.get(line.pk, 0) for line in order.lines.all()}


def _line_refund_amount(*, line: OrderLine, refunded_before: int, units: int) -> Decimal:
    """What the shopper paid for `units` more units of `line`, after `refunded_before` units
    were refunded: the line's paid total (its share of a promo code deducted) taken unit by
    unit, rounded so that refunding every unit gives back exactly what was paid."""

    def paid_for(count: int) -> Decimal:
        return (line.discounted_total * count / line.quantity).quantize(CENT, ROUND_HALF_UP)

    return paid_for(refunded_before + units) - paid_for(refunded_before)


def _refundable_shipping(*, order: Order) -> dict[int, Decimal]:
    refunded = set(
        RefundLine.objects.filter(refund__order=order, line__isnull=True).values_list(
            "group_id", flat=True
        )
    )
    return {
        group.pk: group.shipping_paid
        for group in order.groups.all()
        if group.pk not in refunded and group.shipping_paid > 0
    }


def _parts(
    *, order: Order, quantities: Mapping[int, int] | None, shipping_groups: set[int] | None
) -> list[_Part]:
    remaining = refundable_quantities(order=order)
    shipping = _refundable_shipping(order=order)
    if quantities is None:
        quantities = {line_id: units for line_id, units in remaining.items() if units}
        shipping_groups = set(shipping)
    lines = {line.pk: line for line in order.lines.select_related("group")}
    groups = {group.pk: group for group in order.groups.all()}
    parts = []
    for line_id, units in sorted(quantities.items()):
        if line_id not in lines or units < 0 or units > remaining[line_id]:
            raise ValidationError(
                _("A refunded quantity is more than what is left to refund on that line."),
                code=PaymentErrorCode.REFUND_QUANTITY_INVALID,
            )
        if units:
            line = lines[line_id]
            before = line.quantity - remaining[line_id]
            amount = _line_refund_amount(line=line, refunded_before=before, units=units)
            parts.append(_Part(line.group, line, units, amount))
    for group_id in sorted(shipping_groups or ()):
        if group_id not in shipping:
            raise ValidationError(
                _("That shipping was already refunded or is not part of the order."),
                code=PaymentErrorCode.REFUND_QUANTITY_INVALID,
            )
        parts.append(_Part(groups[group_id], None, 0, shipping[group_id]))
    if not parts:
        raise ValidationError(_("Nothing to refund."), code=PaymentErrorCode.NOTHING_TO_REFUND)
    return parts


def _gateway_refund(*, order: Order, amount: Decimal, key: str) -> str:
    # Units a promo code paid for are given back without money: nothing to ask a gateway.
    if order.payment_gateway != STRIPE_GATEWAY_ID or amount == 0:
        return builtin_reference(kind="refund")
    try:
        return stripe_gateway.refund_create(
            intent_id=order.payment_reference,
            amount_cents=to_cents(amount),
            idempotency_key=key,
            metadata={"order": order.number},
        )
    except GatewayError as error:
        raise ValidationError(
            _("The payment service refused the refund: %(error)s") % {"error": error},
            code=PaymentErrorCode.GATEWAY_ERROR,
        ) from error


def _status_after(*, order: Order) -> str:
    if refunded_total(order=order) >= order.total:
        return PaymentStatus.REFUNDED
    return PaymentStatus.PARTIALLY_REFUNDED


def _payment_status_set(*, order: Order, refund: Refund, actor: User | None) -> None:
    before = order.payment_status
    order.payment_status = _status_after(order=order)
    order.save(update_fields=["payment_status", "updated_at"])
    order_event_record(
        order=order,
        action="payments.order.refunded",
        actor=actor,
        from_state=before,
        to_state=order.payment_status,
        message=refund.reason,
        data={
            "refund": refund.pk,
            "amount": str(refund.amount),
            "reference": refund.reference,
            "lines": [
                {"line": part.line_id, "group": part.group_id, "quantity": part.quantity}
                for part in refund.lines.all()
            ],
        },
    )


def _locked_paid_order(*, order: Order) -> Order:
    locked = Order.objects.select_for_update().get(pk=order.pk)
    if locked.payment_status not in {PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED}:
        raise ValidationError(
            _("Only a paid order can be refunded."), code=PaymentErrorCode.ORDER_NOT_PAID
        )
    return locked


@transaction.atomic
def refund_create(
    *,
    order: Order,
    actor: User | None,
    quantities: Mapping[int, int] | None = None,
    shipping_groups: set[int] | None = None,
    reason: str = "",
) -> Refund:
    """Give money back through the gateway that took it: what is left of the whole order when
    `quantities` is None, else these units per order line id and the shipping of these groups.
    Raises ValidationError (PaymentErrorCode) and saves nothing when it cannot."""
    order = _locked_paid_order(order=order)
    parts = _parts(order=order, quantities=quantities, shipping_groups=shipping_groups)
    amount = sum((part.amount for part in parts), Decimal("0.00"))
    attempt = order.refunds.count() + 1
    reference = _gateway_refund(
        order=order, amount=amount, key=f"ohmylot-refund-{order.token}-{attempt}"
    )
    refund = Refund.objects.create(
        order=order,
        gateway=order.payment_gateway,
        reference=reference,
        amount=amount,
        reason=reason,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    RefundLine.objects.bulk_create(
        RefundLine(
            refund=refund,
            group=part.group,
            line=part.line,
            quantity=part.quantity,
            amount=part.amount,
        )
        for part in parts
    )
    _payment_status_set(order=order, refund=refund, actor=actor)
    return refund


@transaction.atomic
def stripe_charge_refunded(*, intent_id: str, amount_refunded_cents: int, event_id: str) -> str:
    """Stripe says this much of an intent's charge is refunded in all. What our own refunds do
    not already explain (a refund made in Stripe's dashboard) is recorded once, whole-order."""
    payment = Payment.objects.filter(gateway=STRIPE_GATEWAY_ID, reference=intent_id).first()
    if payment is None:
        return "unknown payment"
    # Waits for a refund being made from the back office to commit, so it is counted below.
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    if order.payment_reference != intent_id or order.payment_gateway != STRIPE_GATEWAY_ID:
        return "not the order's payment"
    already = refunded_total(order=order)
    missing = min(from_cents(amount_refunded_cents), order.total) - already
    if missing <= 0:
        return "already recorded"
    refund = Refund.objects.create(
        order=order,
        gateway=STRIPE_GATEWAY_ID,
        reference=event_id,
        amount=missing,
        reason=_("Refunded in Stripe"),
    )
    _payment_status_set(order=order, refund=refund, actor=None)
    return "refund recorded"


def refund_late_payment(*, order: Order, intent_id: str, amount_cents: int) -> str:
    """Money taken for an order that is no longer awaiting it goes back in full, once. A refund
    Stripe refuses is written in the order's history for the brand team. Returns what happened."""
    if order.events.filter(action=LATE_REFUNDED, data__reference=intent_id).exists():
        return "late payment already refunded"
    data = {"reference": intent_id, "amount_cents": amount_cents}
    try:
        data["refund"] = stripe_gateway.refund_create(
            intent_id=intent_id,
            amount_cents=amount_cents,
            idempotency_key=f"ohmylot-late-{intent_id}",
            metadata={"order": order.number, "why": "late payment"},
        )
    except GatewayError as error:
        action, message, outcome = LATE_REFUND_FAILED, str(error), "late payment refund failed"
    else:
        action, message, outcome = LATE_REFUNDED, "", "late payment refunded"
    order_event_record(order=order, action=action, message=message, data=data)
    return outcome
