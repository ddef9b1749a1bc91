"""Simultaneous calls: a double-clicked refund, and Stripe delivering one event twice at once."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from shop.orders.models import PaymentStatus
from shop.payments.gateway import STRIPE_GATEWAY_ID
from shop.payments.models import Payment, Refund, WebhookEvent
from shop.payments.refunds import refund_create
from shop.payments.services import builtin_payment_settle
from tests.factories import make_order, make_variant
from tests.payments.stripe_helpers import make_event, post_event

CALLERS = 6


def run_at_once(call) -> list[str]:
    start = threading.Barrier(CALLERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def one() -> None:
        try:
            start.wait(timeout=30)
            outcome = call()
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_whole_refund_clicked_six_times_at_once_refunds_once():
    order = make_order((make_variant(price=Decimal("9.50")), 2))
    builtin_payment_settle(order=order, approve=True)

    def refund() -> str:
        try:
            refund_create(order=order, actor=None)
        except ValidationError as error:
            return error.code
        return "refunded"

    outcomes = run_at_once(refund)

    assert outcomes == ["order_not_paid"] * (CALLERS - 1) + ["refunded"]
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.REFUNDED
    assert [r.amount for r in Refund.objects.filter(order=order)] == [order.total]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_event_delivered_six_times_at_once_pays_once(webhook_secret):
    order = make_order((make_variant(), 1))
    Payment.objects.create(
        order=order, gateway=STRIPE_GATEWAY_ID, attempt=1, reference="pi_once", amount=order.total
    )
    obj = {"id": "pi_once", "object": "payment_intent", "amount": int(order.total * 100)}
    event = make_event("payment_intent.succeeded", obj)

    outcomes = run_at_once(lambda: post_event(Client(), event).content.decode())

    assert outcomes == ["already processed"] * (CALLERS - 1) + ["paid"]
    assert order.events.filter(action="orders.order.paid").count() == 1
    assert WebhookEvent.objects.count() == 1
