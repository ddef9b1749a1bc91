"""Settling an order's payment, whichever gateway reports it."""

import uuid

from django.db import transaction

from shop.checkout.services import checkout_delete
from shop.orders.models import Order
from shop.orders.services import order_payment_fail, order_payment_succeed
from shop.payments.gateway import TEST_GATEWAY_ID


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
    """The built-in test gateway: the shopper chooses the outcome; no money moves."""
    if approve:
        reference = f"test-{uuid.uuid4().hex[:16]}"
        return payment_succeeded(order=order, gateway=TEST_GATEWAY_ID, reference=reference)
    return payment_failed(order=order, gateway=TEST_GATEWAY_ID, reason="declined test payment")
