"""A worker killed mid-batch: every confirmation email is still sent, and sent once.

Tasks are acknowledged when they end (late acks), so the task a killed worker held goes back to
the queue; the email task is idempotent (the order row is locked and marked sent in the same
transaction), so a task run twice sends once. The test holds the lock of one order, waits for
the results of the tasks before it and for the worker to wait on that row, and kills it there,
mid-batch and mid-task: the task it holds comes back to the next worker.

One window stays open, as with any mail server: a worker killed after the mail server accepted a
message and before the order is marked sent would send that message again on redelivery. Redis
leaves another: a worker killed between taking a message off the queue and noting it as
unacknowledged (a few instructions of kombu's) loses it, which is why the test kills the worker
once it holds its task rather than at any instant between two tasks.
"""

import email
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery
from celery.exceptions import TimeoutError as CeleryTimeoutError
from celery.result import AsyncResult
from django.db import transaction

from shop.checkout.complete import checkout_complete
from shop.orders.models import Order
from tests.concurrency import waiting_for_a_lock
from tests.factories import make_product, make_ready_checkout, make_variant
from tests.workers import REDIS_URL, new_queue, queue_forget, redis_require, worker_start

TASK_NAME = "orders.order_confirmation_send"
ORDERS = 8
LOCKED = 4  # the worker is killed while it waits for this order (zero-based)
VISIBILITY_TIMEOUT_SECONDS = 2
DEADLINE_SECONDS = 60


def paid_orders(count: int) -> list[Order]:
    variant = make_variant(product=make_product(), stock_quantity=count)
    orders = []
    for index in range(count):
        checkout = make_ready_checkout((variant, 1), email=f"buyer-{index}@example.org")
        orders.append(checkout_complete(checkout=checkout))
    return orders


def sent_to(mail_dir: Path) -> Counter:
    """How many messages each address got, read from the file backend's folder."""
    counts: Counter = Counter()
    for path in mail_dir.glob("*.log"):
        for part in path.read_text().split("-" * 79):
            if part.strip():
                counts[email.message_from_string(part.strip())["To"]] += 1
    return counts


def outcome(result: AsyncResult, log_path: Path) -> bool:
    """What the task returned (True: it sent the email), waiting for the worker to report it."""
    try:
        return result.get(timeout=DEADLINE_SECONDS)
    except CeleryTimeoutError:
        pytest.fail(f"no result in {DEADLINE_SECONDS} s; worker logs:\n{log_path.read_text()}")


@pytest.fixture
def queue() -> Iterator[str]:
    redis_require()
    name = new_queue()
    yield name
    queue_forget(name)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_worker_loses_no_email_and_sends_none_twice(isolated_media, queue, tmp_path):
    orders = paid_orders(ORDERS)
    mail_dir = tmp_path / "mail"
    env = {
        "DATA_DIR": str(tmp_path),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT_SECONDS),
    }
    log_path = tmp_path / "workers.log"
    first = worker_start(queue=queue, log_path=log_path, env=env)
    second = None
    client = Celery("test-client", broker=REDIS_URL, backend=REDIS_URL)
    try:
        with transaction.atomic():
            Order.objects.select_for_update().get(pk=orders[LOCKED].pk)
            results = [  # the shop keeps no result of this task: the test asks for them
                client.send_task(
                    TASK_NAME, kwargs={"order_id": order.pk}, queue=queue, ignore_result=False
                )
                for order in orders
            ]
            # The orders before the locked one are confirmed; the worker then holds the locked
            # order's task, which cannot send while we hold the row.
            sent_first = [outcome(result, log_path) for result in results[:LOCKED]]
            waiting_for_a_lock(1)
            first.kill()
        assert sent_first == [True] * LOCKED
        assert sum(sent_to(mail_dir).values()) == LOCKED

        # A task delivered again for an order already confirmed: it must send nothing.
        again = client.send_task(
            TASK_NAME, kwargs={"order_id": orders[0].pk}, queue=queue, ignore_result=False
        )
        second = worker_start(queue=queue, log_path=log_path, env=env)
        sent_after = [outcome(result, log_path) for result in results[LOCKED:]]
        sent_again = outcome(again, log_path)
    finally:
        client.close()
        first.stop()
        if second:
            second.stop()

    assert (sent_after, sent_again) == ([True] * (ORDERS - LOCKED), False)
    assert sent_to(mail_dir) == Counter({order.email: 1 for order in orders})
    assert not Order.objects.filter(confirmation_sent_at__isnull=True).exists()
