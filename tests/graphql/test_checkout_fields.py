"""A checkout's problems, its older fields, and what an order remembers of its checkout."""

import pytest

from catalogue.models import ProductVariant
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.graphql.core.ids import to_global_id
from tests.factories import make_ready_checkout, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

CHECKOUT = """query($id: ID) { checkout(id: $id) {
  lines { variant { weight { unit value } } problems {
    __typename ... on CheckoutLineProblemInsufficientStock { availableQuantity } } }
  problems { __typename }
  shippingMethod { name }
  availableShippingMethods { id name }
  totalPrice { gross { amount } }
  totalBalance { amount } } }"""


def test_a_line_short_of_stock_is_a_problem_of_the_line_and_the_checkout(client):
    variant = make_variant(stock_quantity=5, weight_grams=250)
    checkout = make_ready_checkout((variant, 2))
    ProductVariant.objects.filter(pk=variant.pk).update(stock_quantity=1)

    found = api_post(client, CHECKOUT, {"id": to_global_id("Checkout", checkout.token)})
    data = found["data"]["checkout"]

    assert data["lines"] == [
        {
            "variant": {"weight": {"unit": "G", "value": 250.0}},
            "problems": [
                {"__typename": "CheckoutLineProblemInsufficientStock", "availableQuantity": 1}
            ],
        }
    ]
    assert data["problems"] == [{"__typename": "CheckoutLineProblemInsufficientStock"}]
    assert data["shippingMethod"] == {"name": "Home delivery"}
    assert data["totalBalance"] == {"amount": -data["totalPrice"]["gross"]["amount"]}


def test_the_older_shipping_method_mutation_sets_the_delivery(client):
    checkout = make_ready_checkout((make_variant(), 1))
    checkout.deliveries.all().delete()
    checkout_id = to_global_id("Checkout", checkout.token)
    method = api_post(client, CHECKOUT, {"id": checkout_id})["data"]["checkout"]

    updated = api_post(
        client,
        """mutation($id: ID, $method: ID) { checkoutShippingMethodUpdate(id: $id,
          shippingMethodId: $method) { checkout { shippingMethod { name } } errors { code } } }""",
        {"id": checkout_id, "method": method["availableShippingMethods"][0]["id"]},
    )["data"]["checkoutShippingMethodUpdate"]

    assert updated == {"checkout": {"shippingMethod": {"name": "Home delivery"}}, "errors": []}


def test_an_order_knows_its_checkout(client):
    checkout = make_ready_checkout((make_variant(), 1))
    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    found = api_post(
        client,
        "query($id: ID) { order(id: $id) { checkoutId totalAuthorized { amount } } }",
        {"id": to_global_id("Order", order.token)},
    )

    assert found["data"]["order"] == {
        "checkoutId": to_global_id("Checkout", checkout.token),
        "totalAuthorized": {"amount": 0.0},
    }
