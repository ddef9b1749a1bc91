"""Paying with Stripe, against localstripe: the intent the shop creates, and the shopper's card."""

import json
import urllib.error
from decimal import Decimal
from urllib.parse import parse_qs

import pytest
from django.core.exceptions import ValidationError

from shop.orders.models import OrderStatus, PaymentStatus
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import STRIPE_GATEWAY_ID, TEST_GATEWAY_ID, PaymentInitStatus
from shop.payments.models import Payment
from shop.payments.services import payment_gateways_available, payment_initialize
from tests.factories import make_order, make_variant
from tests.payments.stripe_helpers import browser_pays, post_event, stripe_events, stripe_get

pytestmark = pytest.mark.django_db


def test_an_intent_is_created_in_cents_with_the_order_reference_and_an_idempotency_key(stripe_on):
    order = make_order((make_variant(price=Decimal("3.90")), 3))

    result = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID)

    assert result.status == PaymentInitStatus.ACTION_REQUIRED
    assert result.amount == order.total
    assert result.data["client_secret"].startswith(f"{result.reference}_secret_")
    assert result.data["publishable_key"] == "pk_test_ohmylot"
    intent = stripe_get(stripe_on.url, f"/v1/payment_intents/{result.reference}")
    assert intent["amount"] == int(order.total * 100)
    assert intent["currency"] == "eur"
    assert intent["metadata"] == {"order": order.number, "order_token": str(order.token)}
    (sent,) = stripe_on.posts("/v1/payment_intents")
    assert sent.headers["Idempotency-Key"] == f"ohmylot-order-{order.token}-attempt-1"
    assert parse_qs(sent.body)["amount"] == [str(int(order.total * 100))]
    payment = Payment.objects.get(order=order)
    assert (payment.gateway, payment.attempt, payment.reference) == (
        STRIPE_GATEWAY_ID,
        1,
        result.reference,
    )
    assert list(order.events.values_list("action", flat=True)) == [
        "orders.order.placed",
        "payments.payment.started",
    ]


def test_the_payment_page_shown_again_reuses_the_same_intent(stripe_on):
    order = make_order((make_variant(), 1))
    first = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID)
    again = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID)
    assert again.reference == first.reference
    assert len(stripe_on.posts("/v1/payment_intents")) == 1
    assert Payment.objects.filter(order=order).count() == 1


def test_a_card_confirmed_in_the_browser_pays_the_order_when_the_shopper_returns(client, stripe_on):
    order = make_order((make_variant(), 2))
    page = client.get(f"/en/checkout/pay/{order.token}/")
    intent_id = Payment.objects.get(order=order).reference

    intent = browser_pays(stripe_on.url, intent_id=intent_id, payment_method="pm_card_visa")
    assert intent["status"] == "succeeded"
    response = client.get(f"/en/checkout/pay/{order.token}/return/")

    assert page.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == f"/en/orders/{order.token}/"
    order.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID)
    assert (order.payment_gateway, order.payment_reference) == (STRIPE_GATEWAY_ID, intent_id)


def test_the_succeeded_event_stripe_sends_pays_the_order_once(client, stripe_on):
    order = make_order((make_variant(), 1))
    intent_id = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID).reference
    browser_pays(stripe_on.url, intent_id=intent_id, payment_method="pm_card_visa")
    (event,) = stripe_events(
        stripe_on.url, event_type="payment_intent.succeeded", object_id=intent_id
    )

    first = post_event(client, event)
    second = post_event(client, event)

    assert (first.status_code, first.content) == (200, b"paid")
    assert (second.status_code, second.content) == (200, b"already processed")
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
    assert list(order.events.values_list("action", flat=True)) == [
        "orders.order.placed",
        "payments.payment.started",
        "orders.order.paid",
    ]


def test_a_declined_card_keeps_the_order_reserved_for_another_try(client, stripe_on):
    variant = make_variant(stock_quantity=5)
    order = make_order((variant, 2))
    intent_id = payment_initialize(order=order, gateway_id=STRIPE_GATEWAY_ID).reference

    with pytest.raises(urllib.error.HTTPError) as declined:
        browser_pays(
            stripe_on.url, intent_id=intent_id, payment_method="pm_card_chargeCustomerFail"
        )
    (event,) = stripe_events(
        stripe_on.url, event_type="payment_intent.payment_failed", object_id=intent_id
    )
    response = post_event(client, event)
    page = client.get(f"/en/checkout/pay/{order.token}/")

    assert declined.value.code == 402
    assert json.loads(declined.value.read())["error"]["code"] == "card_declined"
    assert (response.status_code, response.content) == (200, b"declined")
    order.refresh_from_db()
    variant.refresh_from_db()
    assert (order.status, order.payment_status) == (
        OrderStatus.PENDING_PAYMENT,
        PaymentStatus.FAILED,
    )
    assert variant.stock_quantity == 3
    assert order.events.get(action="payments.payment.declined").message == (
        "Your card was declined."
    )
    assert "Your last payment attempt was declined" in page.content.decode()
    assert Payment.objects.filter(order=order).count() == 1


def test_the_stripe_payment_page_loads_stripe_js_and_says_nothing_of_a_test(client, stripe_on):
    order = make_order((make_variant(), 1))
    page = client.get(f"/en/checkout/pay/{order.token}/").content.decode()
    secret = Payment.objects.get(order=order).reference + "_secret_"
    assert '<script src="https://js.stripe.com/v3/"></script>' in page
    assert 'data-publishable-key="pk_test_ohmylot"' in page
    assert f'data-client-secret="{secret}' in page
    assert f'data-return-url="http://testserver/en/checkout/pay/{order.token}/return/"' in page
    assert "Test payment" not in page
    assert "Simulate a declined payment" not in page


def test_the_test_gateway_page_loads_no_stripe_js(client):
    order = make_order((make_variant(), 1))
    page = client.get(f"/en/checkout/pay/{order.token}/").content.decode()
    assert "js.stripe.com" not in page
    assert "Test payment" in page
    assert not Payment.objects.exists()


def test_the_test_gateway_cannot_be_used_while_stripe_is_on(client, stripe_on):
    order = make_order((make_variant(), 1))

    response = client.post(f"/en/checkout/pay/{order.token}/submit/", {"outcome": "approve"})
    with pytest.raises(ValidationError) as error:
        payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)

    assert response.status_code == 404
    assert error.value.code == PaymentErrorCode.GATEWAY_NOT_AVAILABLE
    assert [g.id for g in payment_gateways_available()] == [STRIPE_GATEWAY_ID]
    order.refresh_from_db()
    assert (order.status, order.payment_status) == (
        OrderStatus.PENDING_PAYMENT,
        PaymentStatus.UNPAID,
    )


def test_stripe_out_of_reach_gives_the_shopper_a_clear_message(client, stripe_on, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    order = make_order((make_variant(), 1))

    response = client.get(f"/en/checkout/pay/{order.token}/")

    assert response.status_code == 200
    assert "The payment service could not be reached" in response.content.decode()
    assert "js.stripe.com" not in response.content.decode()
    assert not Payment.objects.exists()
    assert list(order.events.values_list("action", flat=True)) == ["orders.order.placed"]
