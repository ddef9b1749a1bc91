"""Stripe's webhook: signed with the real scheme, each event once, in any order, never a 5xx."""

import json
import time
from decimal import Decimal

import pytest

from shop.orders.models import OrderStatus, PaymentStatus
from shop.payments.gateway import STRIPE_GATEWAY_ID
from shop.payments.models import Payment, Refund, WebhookEvent
from tests.factories import make_order, make_variant
from tests.payments.stripe_helpers import make_event, post_event, stripe_signature

pytestmark = pytest.mark.django_db


def stripe_order(*, reference: str = "pi_test_1", price: Decimal = Decimal("10.00")):
    """An order awaiting payment with a Stripe intent on record (no Stripe server needed)."""
    order = make_order((make_variant(price=price, stock_quantity=9), 2))
    Payment.objects.create(
        order=order, gateway=STRIPE_GATEWAY_ID, attempt=1, reference=reference, amount=order.total
    )
    return order


def intent(order, *, reference: str = "pi_test_1", **fields) -> dict:
    obj = {"id": reference, "object": "payment_intent", "amount": int(order.total * 100)}
    return obj | fields


def charge(order, *, refunded_cents: int, reference: str = "pi_test_1") -> dict:
    return {
        "id": "ch_test_1",
        "object": "charge",
        "payment_intent": reference,
        "amount": int(order.total * 100),
        "amount_refunded": refunded_cents,
        "paid": True,
        "status": "succeeded",
    }


def state(order) -> tuple[str, str, list[str]]:
    order.refresh_from_db()
    events = order.events.exclude(action="orders.order.placed")
    return order.status, order.payment_status, list(events.values_list("action", flat=True))


def test_a_signed_succeeded_event_pays_the_order(client, webhook_secret):
    order = stripe_order()
    response = post_event(client, make_event("payment_intent.succeeded", intent(order)))
    assert (response.status_code, response.content) == (200, b"paid")
    assert state(order) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID, ["orders.order.paid"])
    assert order.payment_reference == "pi_test_1"


def test_the_same_event_delivered_twice_is_processed_once(client, webhook_secret):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", intent(order))
    first, second = post_event(client, event), post_event(client, event)
    assert [first.content, second.content] == [b"paid", b"already processed"]
    assert second.status_code == 200
    assert state(order)[2] == ["orders.order.paid"]
    assert WebhookEvent.objects.get(event_id=event["id"]).outcome == "paid"


def test_a_forged_signature_is_refused_and_changes_nothing(client, webhook_secret):
    order = stripe_order()
    payload = json.dumps(make_event("payment_intent.succeeded", intent(order))).encode()
    forged = stripe_signature(payload, secret="whsec_someone_else")
    response = post_event(client, payload, signature=forged)
    assert response.status_code == 400
    assert state(order) == (OrderStatus.PENDING_PAYMENT, PaymentStatus.UNPAID, [])
    assert not WebhookEvent.objects.exists()


def test_a_payload_changed_after_signing_is_refused(client, webhook_secret):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", intent(order))
    signature = stripe_signature(json.dumps(event).encode())
    event["data"]["object"]["amount"] = 1
    response = post_event(client, event, signature=signature)
    assert response.status_code == 400
    assert state(order)[1] == PaymentStatus.UNPAID


def test_a_missing_signature_is_refused(client, webhook_secret):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", intent(order))
    response = post_event(client, event, signature=None)
    assert response.status_code == 400
    assert state(order)[1] == PaymentStatus.UNPAID


def test_an_old_signed_call_replayed_later_is_refused(client, webhook_secret):
    order = stripe_order()
    payload = json.dumps(make_event("payment_intent.succeeded", intent(order))).encode()
    an_hour_ago = stripe_signature(payload, at=int(time.time()) - 3600)
    response = post_event(client, payload, signature=an_hour_ago)
    assert response.status_code == 400
    assert state(order)[1] == PaymentStatus.UNPAID


def test_without_a_secret_configured_every_call_is_refused(client, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    order = stripe_order()
    response = post_event(client, make_event("payment_intent.succeeded", intent(order)))
    unsigned = post_event(client, b"{}", signature=None)
    assert (response.status_code, unsigned.status_code) == (400, 400)
    assert state(order)[1] == PaymentStatus.UNPAID
    assert not WebhookEvent.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [b"not json at all", b"\xff\xfe", b"[1, 2]", b'{"id": "evt_1"}', b'{"id": "evt_2", "type": 3}'],
)
def test_a_signed_body_that_is_not_an_event_gets_a_400(client, webhook_secret, payload):
    response = post_event(client, payload)
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()


def test_a_known_event_with_a_malformed_object_gets_a_400_and_is_not_marked_done(
    client, webhook_secret
):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", {"id": "pi_test_1", "amount": "lots"})
    response = post_event(client, event)
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
    assert state(order)[1] == PaymentStatus.UNPAID


def test_an_event_for_a_payment_we_do_not_know_is_acknowledged(client, webhook_secret):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", intent(order, reference="pi_elsewhere"))
    response = post_event(client, event)
    assert (response.status_code, response.content) == (200, b"unknown payment")
    assert state(order)[1] == PaymentStatus.UNPAID


def test_an_event_type_we_do_not_handle_is_acknowledged(client, webhook_secret):
    response = post_event(client, make_event("customer.created", {"id": "cus_1"}))
    assert (response.status_code, response.content) == (200, b"ignored")


def test_an_amount_that_does_not_match_the_order_does_not_pay_it(client, webhook_secret):
    order = stripe_order()
    event = make_event("payment_intent.succeeded", intent(order, amount=100))
    response = post_event(client, event)
    assert (response.status_code, response.content) == (200, b"amount mismatch")
    assert state(order) == (
        OrderStatus.PENDING_PAYMENT,
        PaymentStatus.UNPAID,
        ["payments.payment.amount_mismatch"],
    )


def test_a_decline_reported_after_the_payment_changes_nothing(client, webhook_secret):
    order = stripe_order()
    post_event(client, make_event("payment_intent.succeeded", intent(order)))
    failed = intent(order, last_payment_error={"message": "Your card was declined."})
    response = post_event(client, make_event("payment_intent.payment_failed", failed))
    assert (response.status_code, response.content) == (200, b"ignored")
    assert state(order) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID, ["orders.order.paid"])


def test_a_refund_reported_before_the_payment_settles_both_once(client, webhook_secret):
    order = stripe_order()
    half = int(order.total * 100) // 2
    refunded = post_event(client, make_event("charge.refunded", charge(order, refunded_cents=half)))
    succeeded = post_event(client, make_event("payment_intent.succeeded", intent(order)))

    assert (refunded.content, succeeded.content) == (b"refund recorded", b"already paid")
    assert state(order) == (
        OrderStatus.UNFULFILLED,
        PaymentStatus.PARTIALLY_REFUNDED,
        ["orders.order.paid", "payments.order.refunded"],
    )
    (refund,) = Refund.objects.filter(order=order)
    assert refund.amount == order.total / 2
    assert refund.lines.count() == 0


def test_refund_events_in_any_order_refund_the_total_once(client, webhook_secret):
    order = stripe_order()
    post_event(client, make_event("payment_intent.succeeded", intent(order)))
    full = int(order.total * 100)
    later = make_event("charge.refunded", charge(order, refunded_cents=full))
    earlier = make_event("charge.refunded", charge(order, refunded_cents=full // 4))

    outcomes = [post_event(client, e).content for e in (later, earlier, later)]

    assert outcomes == [b"refund recorded", b"already recorded", b"already processed"]
    assert state(order)[1] == PaymentStatus.REFUNDED
    assert [r.amount for r in Refund.objects.filter(order=order)] == [order.total]
