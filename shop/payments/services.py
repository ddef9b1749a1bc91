"""Paying orders, whichever gateway: the storefront and the API both start and settle here."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from shop.checkout.services import checkout_delete
from shop.orders.models import Order, OrderStatus, PaymentStatus
from shop.orders.services import order_event_record, order_payment_fail, order_payment_succeed
from shop.payments import stripe_gateway
from shop.payments.builtin_gateway import builtin_declines, builtin_reference
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import (
    CURRENCY,
    NO_CHARGE_GATEWAY_ID,
    STRIPE_GATEWAY_ID,
    TEST_GATEWAY_ID,
    Gateway,
    GatewayError,
    PaymentInitResult,
    PaymentInitStatus,
    active_gateway,
    gateway_available,
    to_cents,
)
from shop.payments.models import Payment
from shop.payments.refunds import refund_late_payment
from shop.payments.stripe_gateway import StripeIntent


def payment_gateways_available() -> list[Gateway]:
    """The gateways an order can be paid with now (one: Stripe when configured, else the test)."""
    return [active_gateway()]


@transaction.atomic
def payment_succeeded(*, order: Order, gateway: str, reference: str) -> bool:
    """The order is paid: it moves on, and the cart it came from is emptied."""
    changed = order_payment_succeed(order=order, gateway=gateway, reference=reference)
    if changed and order.checkout_token:
        checkout_delete(token=order.checkout_token)
    return changed


def payment_failed(*, order: Order, gateway: str, reason: str) -> bool:
    """The payment was refused: the order is cancelled and its stock given back; the cart stays."""
    return order_payment_fail(order=order, gateway=gateway, reason=reason)


def builtin_payment_settle(*, order: Order, approve: bool) -> bool:
    """The built-in test gateway: the shopper chooses the outcome; no money moves. An order
    with nothing to pay is only ever settled without a gateway, whatever the outcome asked (a
    declined payment must not cancel it). True when this call settled the order."""
    if order.total == 0:
        return _no_charge_pay(order=order)
    if approve:
        reference = builtin_reference()
        return payment_succeeded(order=order, gateway=TEST_GATEWAY_ID, reference=reference)
    return payment_failed(order=order, gateway=TEST_GATEWAY_ID, reason="declined test payment")


def _payable_order(*, order: Order, gateway_id: str) -> Order:
    if gateway_available(gateway_id=gateway_id) is None:
        raise ValidationError(
            _("This payment method is not available."), code=PaymentErrorCode.GATEWAY_NOT_AVAILABLE
        )
    locked = Order.objects.select_for_update().get(pk=order.pk)
    # One paid without a gateway is answered again (payment_no_charge_settle): a front may
    # ask to pay it after placing it paid, as Saleor's clients call both mutations.
    paid_without_charge = locked.payment_gateway == NO_CHARGE_GATEWAY_ID
    if locked.status != OrderStatus.PENDING_PAYMENT and not paid_without_charge:
        raise ValidationError(
            _("This order is not awaiting payment."), code=PaymentErrorCode.ORDER_NOT_PAYABLE
        )
    return locked


def _stripe_result(*, order: Order, intent: StripeIntent) -> PaymentInitResult:
    status = {
        "succeeded": PaymentInitStatus.SUCCEEDED,
        "canceled": PaymentInitStatus.DECLINED,
    }.get(intent.status, PaymentInitStatus.ACTION_REQUIRED)
    return PaymentInitResult(
        gateway_id=STRIPE_GATEWAY_ID,
        status=status,
        reference=intent.id,
        amount=order.total,
        data={
            "client_secret": intent.client_secret,
            "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
        },
    )


def _gateway_call(call, **kwargs):
    try:
        return call(**kwargs)
    except GatewayError as error:
        raise ValidationError(
            _("The payment service could not be reached. Please try again in a moment."),
            code=PaymentErrorCode.GATEWAY_ERROR,
        ) from error


def _no_charge_pay(*, order: Order) -> bool:
    reference = f"no-charge-{order.token}"
    return payment_succeeded(order=order, gateway=NO_CHARGE_GATEWAY_ID, reference=reference)


@transaction.atomic
def payment_no_charge_settle(*, order: Order) -> PaymentInitResult | None:
    """Pay an order awaiting payment that a promo code covered in full, without a gateway and
    whichever is active (a card cannot be charged nothing); one already paid so is answered
    the same, any number of times. The result, or None when there is something to pay or the
    order closed unpaid. Paying starts here on every front, before any gateway is asked."""
    if order.total != 0:
        return None
    if not _no_charge_pay(order=order):
        order.refresh_from_db(fields=["payment_gateway", "payment_reference"])
    if order.payment_gateway != NO_CHARGE_GATEWAY_ID:
        return None
    return PaymentInitResult(
        gateway_id=NO_CHARGE_GATEWAY_ID,
        status=PaymentInitStatus.SUCCEEDED,
        reference=order.payment_reference,
        amount=order.total,
    )


def payment_start(*, order: Order) -> PaymentInitResult | None:
    """Start paying an order on the shop's pay page with the active gateway, as
    payment_initialize does (an order with nothing to pay is settled at once, whichever
    gateway), except that the test gateway's outcome is the shopper's to choose: None until
    they choose it (builtin_payment_settle). Raises ValidationError with a PaymentErrorCode."""
    gateway = active_gateway()
    if not gateway.is_test:
        return payment_initialize(order=order, gateway_id=gateway.id)
    if order.total != 0:
        # Showing the test gateway's buttons changes nothing: the order is locked only once
        # the shopper chooses, so the page costs no transaction.
        return None
    with transaction.atomic():
        return payment_no_charge_settle(order=_payable_order(order=order, gateway_id=gateway.id))


@transaction.atomic
def payment_initialize(
    *, order: Order, gateway_id: str, data: dict | None = None
) -> PaymentInitResult:
    """Start paying an order: the test gateway settles at once (declining on {"decline": true});
    Stripe gets a PaymentIntent whose client secret the browser confirms (the latest one is
    reused unless cancelled; one found paid settles the order). An order a promo code paid in
    full settles at once, without a gateway (payment_no_charge_settle).
    Raises ValidationError with a PaymentErrorCode."""
    order = _payable_order(order=order, gateway_id=gateway_id)
    settled = payment_no_charge_settle(order=order)
    if settled is not None:
        return settled
    if gateway_id == TEST_GATEWAY_ID:
        approved = not builtin_declines(data=data)
        builtin_payment_settle(order=order, approve=approved)
        order.refresh_from_db()
        return PaymentInitResult(
            gateway_id=TEST_GATEWAY_ID,
            status=PaymentInitStatus.SUCCEEDED if approved else PaymentInitStatus.DECLINED,
            reference=order.payment_reference,
            amount=order.total,
        )
    last = order.payments.filter(gateway=STRIPE_GATEWAY_ID).order_by("-attempt").first()
    if last is not None:
        intent = _gateway_call(stripe_gateway.intent_retrieve, intent_id=last.reference)
        if intent.status == "succeeded":
            stripe_intent_succeeded(intent_id=intent.id, amount_cents=intent.amount)
        if intent.status != "canceled":
            return _stripe_result(order=order, intent=intent)
    attempt = last.attempt + 1 if last else 1
    intent = _gateway_call(
        stripe_gateway.intent_create,
        amount_cents=to_cents(order.total),
        currency=CURRENCY,
        metadata={"order": order.number, "order_token": str(order.token)},
        idempotency_key=f"ohmylot-order-{order.token}-attempt-{attempt}",
    )
    Payment.objects.create(
        order=order,
        gateway=STRIPE_GATEWAY_ID,
        attempt=attempt,
        reference=intent.id,
        amount=order.total,
    )
    order_event_record(
        order=order,
        action="payments.payment.started",
        data={"gateway": STRIPE_GATEWAY_ID, "reference": intent.id, "attempt": attempt},
    )
    return _stripe_result(order=order, intent=intent)


def payment_process(*, order: Order) -> PaymentInitResult | None:
    """Check the order's latest Stripe payment with Stripe and settle the order when it
    succeeded (when the shopper comes back before the webhook; Saleor's transactionProcess).
    None when the order has no Stripe payment."""
    last = order.payments.filter(gateway=STRIPE_GATEWAY_ID).order_by("-attempt").first()
    if last is None:
        return None
    intent = _gateway_call(stripe_gateway.intent_retrieve, intent_id=last.reference)
    if intent.status == "succeeded":
        stripe_intent_succeeded(intent_id=intent.id, amount_cents=intent.amount)
    return _stripe_result(order=order, intent=intent)


@transaction.atomic
def stripe_intent_succeeded(*, intent_id: str, amount_cents: int) -> str:
    """Stripe took the money for one of our intents: the order is paid, once. A payment that
    arrives for an order that is already paid by another intent, cancelled or expired is
    given back in full. Returns what was done."""
    payment = Payment.objects.filter(gateway=STRIPE_GATEWAY_ID, reference=intent_id).first()
    if payment is None:
        return "unknown payment"
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    if amount_cents != to_cents(payment.amount):
        order_event_record(
            order=order,
            action="payments.payment.amount_mismatch",
            data={"reference": intent_id, "amount_cents": amount_cents},
        )
        return "amount mismatch"
    if payment_succeeded(order=order, gateway=STRIPE_GATEWAY_ID, reference=intent_id):
        return "paid"
    if order.payment_reference == intent_id:
        return "already paid"
    return refund_late_payment(order=order, intent_id=intent_id, amount_cents=amount_cents)


@transaction.atomic
def stripe_intent_failed(*, intent_id: str, reason: str) -> str:
    """Stripe declined a payment attempt. The order stays reserved, so the shopper can try
    another card until the reservation ends; a decline reported after the payment changes
    nothing."""
    payment = Payment.objects.filter(gateway=STRIPE_GATEWAY_ID, reference=intent_id).first()
    if payment is None:
        return "unknown payment"
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    if order.status != OrderStatus.PENDING_PAYMENT:
        return "ignored"
    before = order.payment_status
    order.payment_status = PaymentStatus.FAILED
    order.save(update_fields=["payment_status", "updated_at"])
    order_event_record(
        order=order,
        action="payments.payment.declined",
        from_state=before,
        to_state=PaymentStatus.FAILED,
        message=reason,
        data={"gateway": STRIPE_GATEWAY_ID, "reference": intent_id},
    )
    return "declined"
