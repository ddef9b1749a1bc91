"""A shopper's own orders filtered by their metadata: `me { orders(where: {metadata}) }`, the
contract's MetadataFilterInput (a key alone, or with a value `eq` or `oneOf`), in the database
without a query more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.checkout.complete import checkout_complete
from shop.graphql.auth import ACCESS, token_for
from shop.orders.models import Order
from tests.factories import make_ready_checkout, make_user, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

ORDERS = """query($where: CustomerOrderWhereInput) { me {
  orders(first: 20, where: $where) { totalCount edges { node {
    metadata { key value } lines { quantity } } } } } }"""


def _order(user, metadata: dict) -> Order:
    order = checkout_complete(checkout=make_ready_checkout((make_variant(), 1)), user=user)
    Order.objects.filter(pk=order.pk).update(metadata=metadata)
    return order


def _gifts(client, user, where=None) -> list[str]:
    answer = api_post(
        client, ORDERS, {"where": where}, token=token_for(user=user, token_type=ACCESS)
    )
    edges = answer["data"]["me"]["orders"]["edges"]
    return sorted(
        next((item["value"] for item in edge["node"]["metadata"] if item["key"] == "gift"), "-")
        for edge in edges
    )


def test_a_shoppers_orders_are_filtered_by_a_key_its_value_or_one_of_values(client):
    shopper, other = make_user(), make_user()
    for gift in ("mum", "dad", "uncle"):
        _order(shopper, {"gift": gift})
    _order(shopper, {})
    _order(other, {"gift": "mum"})

    def gifts(metadata: dict) -> list[str]:
        return _gifts(client, shopper, {"metadata": metadata})

    assert _gifts(client, shopper) == ["-", "dad", "mum", "uncle"]
    assert gifts({"key": "gift"}) == ["dad", "mum", "uncle"]
    assert gifts({"key": "gift", "value": {"eq": "mum"}}) == ["mum"]
    assert gifts({"key": "gift", "value": {"oneOf": ["mum", "dad", "aunt"]}}) == ["dad", "mum"]
    assert gifts({"key": "gift", "value": {"oneOf": []}}) == []
    assert gifts({"key": "gift", "value": {"eq": "Mum"}}) == []
    assert gifts({"key": "wrapped"}) == []


def test_a_metadata_filter_costs_no_query_more_and_counts_what_it_keeps(client):
    shopper = make_user()
    for number in range(4):
        _order(shopper, {"gift": "mum"} if number % 2 else {})
    token = token_for(user=shopper, token_type=ACCESS)

    with CaptureQueriesContext(connection) as unfiltered:
        everything = api_post(client, ORDERS, {}, token=token)
    with CaptureQueriesContext(connection) as filtered:
        kept = api_post(
            client,
            ORDERS,
            {"where": {"metadata": {"key": "gift", "value": {"oneOf": ["mum"]}}}},
            token=token,
        )

    assert everything["data"]["me"]["orders"]["totalCount"] == 4
    assert kept["data"]["me"]["orders"]["totalCount"] == 2
    # the user, the orders, their fulfilment groups, their lines, the count
    assert len(unfiltered.captured_queries) == len(filtered.captured_queries) == 5


def test_a_key_the_shop_never_stores_is_a_coded_error(client):
    shopper = make_user()
    _order(shopper, {"gift": "mum"})

    answer = api_post(
        client,
        ORDERS,
        {"where": {"metadata": {"key": " "}}},
        token=token_for(user=shopper, token_type=ACCESS),
    )

    assert answer["data"]["me"]["orders"] is None
    assert [error["extensions"]["exception"]["code"] for error in answer["errors"]] == ["REQUIRED"]
