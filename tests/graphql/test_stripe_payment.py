"""Paying by card through the API, against localstripe: the browser confirms with the client
secret, then transactionProcess settles the order."""

import pytest

from shop.graphql.core.ids import to_global_id
from shop.orders.models import Order, PaymentStatus
from tests.factories import make_ready_checkout
from tests.graphql.catalogue_data import make_pictured_product
from tests.graphql.client import api_post
from tests.payments.stripe_helpers import browser_pays

pytestmark = pytest.mark.django_db

INITIALIZE = """mutation($id: ID!) {
  transactionInitialize(id: $id, paymentGateway: {id: "ohmylot.payments.stripe"}) {
    transaction { id pspReference } transactionEvent { type } data errors { code } } }"""
PROCESS = """mutation($id: ID) {
  transactionProcess(id: $id) { transaction { chargedAmount { amount } } transactionEvent { type }
    errors { code } } }"""


def test_a_card_payment_is_confirmed_then_processed(client, stripe_on):
    product = make_pictured_product()
    checkout = make_ready_checkout((product.variants.order_by("position").first(), 1))

    started = api_post(client, INITIALIZE, {"id": to_global_id("Checkout", checkout.token)})[
        "data"
    ]["transactionInitialize"]
    intent = started["transaction"]["pspReference"]
    browser_pays(stripe_on.url, intent_id=intent, payment_method="pm_card_visa")
    processed = api_post(client, PROCESS, {"id": started["transaction"]["id"]})["data"][
        "transactionProcess"
    ]

    order = Order.objects.get()
    assert started["errors"] == []
    assert started["transactionEvent"] == {"type": "CHARGE_ACTION_REQUIRED"}
    assert started["data"]["client_secret"].startswith(f"{intent}_secret_")
    assert started["data"]["publishable_key"] == "pk_test_ohmylot"
    assert processed == {
        "transaction": {"chargedAmount": {"amount": float(order.total)}},
        "transactionEvent": {"type": "CHARGE_SUCCESS"},
        "errors": [],
    }
    assert order.payment_status == PaymentStatus.PAID
