"""A paid order whose confirmation task was lost (a worker killed as it took the task off the
queue) still gets its confirmation, once, from the sweep beat runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shop.celery import app
from shop.orders.emails import order_confirmations_missing_send
from shop.orders.models import Order
from shop.payments.services import payment_succeeded
from tests.factories import make_order, make_variant

pytestmark = pytest.mark.django_db


def paid_without_confirmation() -> Order:
    """Paid in the test's transaction: the confirmation queued at its commit never runs."""
    order = make_order((make_variant(), 1))
    payment_succeeded(order=order, gateway="ohmylot.payments.test", reference="lost-task")
    order.refresh_from_db()
    assert order.paid_at is not None and order.confirmation_sent_at is None
    return order


def test_a_confirmation_lost_ten_minutes_ago_is_sent_once(outbox):
    order = paid_without_confirmation()
    later = order.paid_at + timedelta(minutes=11)

    assert order_confirmations_missing_send(now=later) == 1
    assert order_confirmations_missing_send(now=later + timedelta(minutes=5)) == 0

    assert [message.to for message in outbox] == [[order.email]]
    order.refresh_from_db()
    assert order.confirmation_sent_at is not None


@pytest.mark.parametrize(
    "after", [timedelta(minutes=5), timedelta(days=1, minutes=1)], ids=["too soon", "too late"]
)
def test_the_sweep_leaves_orders_paid_just_now_or_long_ago(outbox, after):
    order = paid_without_confirmation()

    assert order_confirmations_missing_send(now=order.paid_at + after) == 0
    assert outbox == []


def test_the_sweep_leaves_unpaid_orders(outbox):
    order = make_order((make_variant(), 1))

    assert order_confirmations_missing_send(now=timezone.now() + timedelta(minutes=30)) == 0
    assert outbox == []
    order.refresh_from_db()
    assert order.confirmation_sent_at is None


def test_celery_beat_runs_the_sweep_every_five_minutes(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["orders-confirmations-missing"]
    assert entry == {"task": "orders.confirmations_missing_send", "schedule": 300.0}
    app.loader.import_default_modules()
    assert "orders.confirmations_missing_send" in app.tasks
