"""An order's payment as a Saleor transaction, read from the order's history; the pickup point
and the parts' statuses of an order."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_delivery_set
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from shop.orders.fulfilment import group_mark_collected, group_mark_ready_for_pickup
from shop.orders.models import Order, OrderEvent
from shop.payments.refunds import refund_create
from shop.payments.services import builtin_payment_settle
from shop.shipping.models import DeliveryMethod
from tests.factories import (
    make_member,
    make_order,
    make_producer,
    make_product,
    make_ready_checkout,
    make_user,
    make_variant,
)
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

TRANSACTION = """id createdAt name pspReference actions
  chargedAmount { amount currency } authorizedAmount { amount }
  events { id createdAt type message pspReference externalUrl amount { amount currency } }"""


def _event(entry: OrderEvent, kind: str, message: str, amount: float) -> dict:
    return {
        "id": to_global_id("TransactionEvent", entry.pk),
        "createdAt": entry.created_at.isoformat(),
        "type": kind,
        "message": message,
        "pspReference": entry.data.get("reference", ""),
        "externalUrl": "",
        "amount": {"amount": amount, "currency": "EUR"},
    }


def test_a_paid_then_partly_refunded_order_has_one_transaction_with_its_events(client):
    order = make_order((make_variant(price=Decimal("10.00")), 2))
    builtin_payment_settle(order=order, approve=True)
    order.refresh_from_db()
    line = order.lines.get()
    refund_create(order=order, actor=None, quantities={line.pk: 1}, reason="Broken jar")
    query = f"query($id: ID) {{ order(id: $id) {{ transactions {{ {TRANSACTION} }} }} }}"

    found = api_post(client, query, {"id": to_global_id("Order", order.token)})

    paid = order.events.get(action="orders.order.paid")
    refunded = order.events.get(action="payments.order.refunded")
    total = float(order.total)
    assert found["data"]["order"]["transactions"] == [
        {
            "id": to_global_id("TransactionItem", order.token),
            "createdAt": paid.created_at.isoformat(),
            "name": "Test payment (no money moves)",
            "pspReference": order.payment_reference,
            "actions": [],
            "chargedAmount": {"amount": total - 10.0, "currency": "EUR"},
            "authorizedAmount": {"amount": 0.0},
            "events": [
                _event(paid, "CHARGE_SUCCESS", "Payment received.", total),
                _event(refunded, "REFUND_SUCCESS", "Refunded.", 10.0),
            ],
        }
    ]


def test_a_declined_payment_stays_on_the_checkout_that_placed_the_order(client):
    checkout = make_ready_checkout((make_variant(), 1))
    answer = api_post(
        client,
        """mutation($id: ID!) { transactionInitialize(id: $id, paymentGateway:
          {id: "ohmylot.payments.test", data: {decline: true}}) { errors { code } } }""",
        {"id": to_global_id("Checkout", checkout.token)},
    )["data"]["transactionInitialize"]
    query = f"query($id: ID) {{ checkout(id: $id) {{ transactions {{ {TRANSACTION} }} }} }}"

    found = api_post(client, query, {"id": to_global_id("Checkout", checkout.token)})

    assert answer == {"errors": []}
    assert Checkout.objects.filter(pk=checkout.pk).exists()
    failed = OrderEvent.objects.get(action="orders.order.payment_failed")
    order = failed.order
    assert found["data"]["checkout"]["transactions"] == [
        {
            "id": to_global_id("TransactionItem", order.token),
            "createdAt": failed.created_at.isoformat(),
            "name": "Test payment (no money moves)",
            "pspReference": "",
            "actions": [],
            "chargedAmount": {"amount": 0.0, "currency": "EUR"},
            "authorizedAmount": {"amount": 0.0},
            "events": [
                _event(
                    failed,
                    "CHARGE_FAILURE",
                    "The payment was declined and the order cancelled.",
                    float(order.total),
                )
            ],
        }
    ]


def test_an_order_not_paid_yet_has_no_transaction_and_cannot_be_processed(client):
    order = make_order((make_variant(), 1))

    found = api_post(
        client,
        "query($id: ID) { order(id: $id) { transactions { id } } }",
        {"id": to_global_id("Order", order.token)},
    )
    processed = api_post(
        client,
        "mutation($id: ID) { transactionProcess(id: $id) { transaction { id } errors { code } } }",
        {"id": to_global_id("TransactionItem", order.token)},
    )

    assert found["data"]["order"] == {"transactions": []}
    assert processed["data"]["transactionProcess"] == {
        "transaction": None,
        "errors": [{"code": "NOT_FOUND"}],
    }


def test_a_collected_pickup_order_names_its_collection_point_and_part_status(client):
    producer = make_producer(pickup_place="8 rue des Noyers, Cahors", pickup_days="le samedi")
    producer.seller.is_selling = True
    producer.seller.save(update_fields=["is_selling"])
    owner = make_member(producer=producer)
    checkout = make_ready_checkout((make_variant(product=make_product(seller=producer.seller)), 1))
    checkout_delivery_set(
        checkout=checkout, seller_id=producer.seller.pk, method=DeliveryMethod.PICKUP
    )
    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))
    builtin_payment_settle(order=order, approve=True)
    group = order.groups.get()
    group_mark_ready_for_pickup(user=owner, group_id=group.pk)
    group_mark_collected(user=owner, group_id=group.pk)
    query = """query($id: ID) { order(id: $id) { collectionPointName
      fulfillments { statusDisplay } } }"""

    found = api_post(client, query, {"id": to_global_id("Order", order.token)})

    assert found["data"]["order"] == {
        "collectionPointName": f"{producer.seller.name}: 8 rue des Noyers, Cahors, le samedi",
        "fulfillments": [{"statusDisplay": "Collected"}],
    }


def test_a_shoppers_orders_read_their_transactions_in_the_same_queries_however_many(client):
    shopper = make_user()
    token = token_for(user=shopper, token_type=ACCESS)
    query = f"""{{ me {{ orders(first: 10) {{ edges {{ node {{ collectionPointName
      transactions {{ {TRANSACTION} }} }} }} }} }} }}"""
    counted = []
    for orders in (1, 3):
        while Order.objects.filter(user=shopper).count() < orders:
            order = make_order((make_variant(), 1))
            Order.objects.filter(pk=order.pk).update(user=shopper)
            builtin_payment_settle(order=order, approve=True)
        with CaptureQueriesContext(connection) as queries:
            edges = api_post(client, query, token=token)["data"]["me"]["orders"]["edges"]
        counted.append(len(queries))
        assert [len(edge["node"]["transactions"]) for edge in edges] == [1] * orders

    # the user, the orders, their groups with sellers, their lines, their payment entries
    assert counted == [5, 5]


def test_the_older_payment_flow_answers_a_typed_error_and_places_nothing(client):
    checkout = make_ready_checkout((make_variant(), 1))
    created = api_post(
        client,
        """mutation($id: ID) { checkoutPaymentCreate(id: $id,
          input: {gateway: "ohmylot.payments.test", amount: 10}) {
          payment { id } errors { field message code } } }""",
        {"id": to_global_id("Checkout", checkout.token)},
    )["data"]["checkoutPaymentCreate"]
    initialized = api_post(
        client,
        """mutation { paymentInitialize(gateway: "ohmylot.payments.test") {
          initializedPayment { name } errors { field code } } }""",
    )["data"]["paymentInitialize"]

    refused = {
        "field": "gateway",
        "message": "This shop takes payments through transactionInitialize only.",
        "code": "NOT_SUPPORTED_GATEWAY",
    }
    assert created == {"payment": None, "errors": [refused]}
    assert initialized == {
        "initializedPayment": None,
        "errors": [{"field": "gateway", "code": "NOT_SUPPORTED_GATEWAY"}],
    }
    assert Order.objects.count() == 0
