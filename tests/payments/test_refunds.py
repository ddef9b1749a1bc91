"""Refunds from the back office, whole or per line, through the gateway that took the money."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from shop.orders.models import OrderStatus, PaymentStatus
from shop.orders.services import orders_expire_unpaid
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import STRIPE_GATEWAY_ID
from shop.payments.models import Payment, Refund
from shop.payments.refunds import refund_create
from shop.payments.services import builtin_payment_settle, payment_initialize
from tests.factories import make_order, make_user, make_variant
from tests.payments.stripe_helpers import (
    browser_pays,
    make_event,
    post_event,
    stripe_charge_of,
    stripe_events,
)

pytestmark = pytest.mark.django_db


def paid_test_order():
    """Two sellers: 2 x 3.90 and 1 x 9.50, each group with its own shipping."""
    cheese = make_variant(price=Decimal("3.90"))
    walnuts = make_variant(price=Decimal("9.50"))
    order = make_order((cheese, 2), (walnuts, 1))
    builtin_payment_settle(order=order, approve=True)
    order.refresh_from_db()
    return order, order.lines.get(variant=cheese), order.lines.get(variant=walnuts)


def paid_stripe_order(stripe_url: str):
    order = make_order((make_variant(price=Decimal("3.90")), 2), (make_variant(), 1))
    intent_id = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID).reference
    browser_pays(stripe_url, intent_id=intent_id, payment_method="pm_card_visa")
    (event,) = stripe_events(stripe_url, event_type="payment_intent.succeeded", object_id=intent_id)
    return order, intent_id, event


def test_a_whole_refund_gives_back_everything_and_is_in_the_history():
    order, _cheese, _walnuts = paid_test_order()
    staff = make_user(is_staff=True)

    refund = refund_create(order=order, actor=staff, reason="Parcel lost")

    order.refresh_from_db()
    assert refund.amount == order.total
    assert refund.reference.startswith("test-refund-")
    assert order.payment_status == PaymentStatus.REFUNDED
    assert sorted((line.line_id is None, line.amount) for line in refund.lines.all()) == sorted(
        [(False, Decimal("7.80")), (False, Decimal("9.50"))]
        + [(True, group.shipping_price) for group in order.groups.all()]
    )
    event = order.events.get(action="payments.order.refunded")
    assert (event.actor, event.from_state, event.to_state, event.message) == (
        staff,
        PaymentStatus.PAID,
        PaymentStatus.REFUNDED,
        "Parcel lost",
    )
    assert event.data["amount"] == str(order.total)


def test_refunding_some_units_of_a_line_leaves_the_order_partly_refunded():
    order, cheese, walnuts = paid_test_order()

    first = refund_create(order=order, actor=None, quantities={cheese.pk: 1})
    second = refund_create(order=order, actor=None, quantities={cheese.pk: 1, walnuts.pk: 0})

    order.refresh_from_db()
    assert (first.amount, second.amount) == (Decimal("3.90"), Decimal("3.90"))
    assert order.payment_status == PaymentStatus.PARTIALLY_REFUNDED
    assert list(
        order.events.filter(action="payments.order.refunded").values_list("from_state", "to_state")
    ) == [
        (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED),
        (PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.PARTIALLY_REFUNDED),
    ]


@pytest.mark.parametrize("units", [3, -1])
def test_more_units_than_are_left_are_refused_and_nothing_is_saved(units):
    order, cheese, _walnuts = paid_test_order()
    with pytest.raises(ValidationError) as error:
        refund_create(order=order, actor=None, quantities={cheese.pk: units})
    assert error.value.code == PaymentErrorCode.REFUND_QUANTITY_INVALID
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
    assert not Refund.objects.exists()


def test_a_line_of_another_order_cannot_be_refunded():
    order, _cheese, _walnuts = paid_test_order()
    _other, stranger, _ = paid_test_order()
    with pytest.raises(ValidationError) as error:
        refund_create(order=order, actor=None, quantities={stranger.pk: 1})
    assert error.value.code == PaymentErrorCode.REFUND_QUANTITY_INVALID
    assert not Refund.objects.exists()


def test_nothing_is_left_to_refund_after_a_whole_refund():
    order, _cheese, _walnuts = paid_test_order()
    refund_create(order=order, actor=None)
    with pytest.raises(ValidationError) as error:
        refund_create(order=order, actor=None)
    assert error.value.code == PaymentErrorCode.ORDER_NOT_PAID
    assert Refund.objects.count() == 1


def test_an_unpaid_order_cannot_be_refunded():
    order = make_order((make_variant(), 1))
    with pytest.raises(ValidationError) as error:
        refund_create(order=order, actor=None)
    assert error.value.code == PaymentErrorCode.ORDER_NOT_PAID
    assert not Refund.objects.exists()


def test_a_stripe_refund_goes_through_stripe_and_its_webhook_adds_nothing(client, stripe_on):
    order, intent_id, paid_event = paid_stripe_order(stripe_on.url)
    post_event(client, paid_event)
    order.refresh_from_db()
    line = order.lines.order_by("pk").first()

    refund = refund_create(order=order, actor=None, quantities={line.pk: 1})
    charge = stripe_charge_of(stripe_on.url, intent_id=intent_id)
    echo = post_event(client, make_event("charge.refunded", charge))

    assert charge["amount_refunded"] == 390
    assert refund.reference.startswith("re_")
    (sent,) = stripe_on.posts("/v1/refunds")
    assert sent.headers["Idempotency-Key"] == f"ohmylot-refund-{order.token}-1"
    assert (echo.status_code, echo.content) == (200, b"already recorded")
    assert [r.amount for r in Refund.objects.filter(order=order)] == [Decimal("3.90")]
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PARTIALLY_REFUNDED


def test_stripe_refusing_a_refund_saves_nothing(stripe_on, settings):
    order, cheese, _walnuts = paid_test_order()
    order.payment_gateway = STRIPE_GATEWAY_ID
    order.payment_reference = "pi_never_created"
    order.save(update_fields=["payment_gateway", "payment_reference"])

    with pytest.raises(ValidationError) as error:
        refund_create(order=order, actor=None, quantities={cheese.pk: 1})

    assert error.value.code == PaymentErrorCode.GATEWAY_ERROR
    assert not Refund.objects.exists()
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID


def test_a_payment_arriving_for_an_expired_order_is_given_back_once(client, stripe_on):
    order, intent_id, paid_event = paid_stripe_order(stripe_on.url)
    type(order).objects.filter(pk=order.pk).update(reserved_until="2020-01-01T00:00Z")
    orders_expire_unpaid()

    first = post_event(client, paid_event)
    again = post_event(client, make_event("payment_intent.succeeded", paid_event["data"]["object"]))

    assert (first.content, again.content) == (
        b"late payment refunded",
        b"late payment already refunded",
    )
    order.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.EXPIRED, PaymentStatus.UNPAID)
    assert order.events.filter(action="payments.payment.late_refunded").count() == 1
    assert len(stripe_on.posts("/v1/refunds")) == 1
    assert stripe_charge_of(stripe_on.url, intent_id=intent_id)["refunded"] is True


def test_a_late_payment_stripe_will_not_refund_is_written_in_the_history(client, stripe_on):
    order = make_order((make_variant(), 1))
    Payment.objects.create(
        order=order, gateway=STRIPE_GATEWAY_ID, attempt=1, reference="pi_gone", amount=order.total
    )
    type(order).objects.filter(pk=order.pk).update(reserved_until="2020-01-01T00:00Z")
    orders_expire_unpaid()
    obj = {"id": "pi_gone", "object": "payment_intent", "amount": int(order.total * 100)}

    response = post_event(client, make_event("payment_intent.succeeded", obj))

    assert (response.status_code, response.content) == (200, b"late payment refund failed")
    event = order.events.get(action="payments.payment.late_refund_failed")
    assert event.data == {"reference": "pi_gone", "amount_cents": int(order.total * 100)}
    assert not Refund.objects.exists()
