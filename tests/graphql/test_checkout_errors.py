"""Refused checkout steps answer typed errors and change nothing."""

import pytest

from shop.checkout.error_codes import CheckoutErrorCode as DomainCode
from shop.checkout.graphql.enums import CheckoutErrorCode as ApiCode
from shop.checkout.models import Checkout
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_product, make_ready_checkout, make_user, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

LINES_ADD = """mutation($id: ID, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) {
    checkout { quantity } errors { field message code } } }"""


def _checkout_with(variant, quantity: int = 1) -> Checkout:
    checkout = Checkout.objects.create()
    checkout.lines.create(variant=variant, quantity=quantity)
    return checkout


def test_more_than_the_stock_is_refused_and_the_line_stays(client):
    variant = make_variant(stock_quantity=3)
    checkout = _checkout_with(variant)

    result = api_post(
        client,
        LINES_ADD,
        {
            "id": to_global_id("Checkout", checkout.token),
            "lines": [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 5}],
        },
    )

    assert result["data"]["checkoutLinesAdd"] == {
        "checkout": None,
        "errors": [
            {"field": "quantity", "message": "Only 3 left in stock.", "code": "INSUFFICIENT_STOCK"}
        ],
    }
    assert checkout.lines.get().quantity == 1


def test_a_failed_line_undoes_the_lines_added_before_it(client):
    good, sold_out = make_variant(), make_variant(stock_quantity=0)
    checkout = Checkout.objects.create()

    result = api_post(
        client,
        LINES_ADD,
        {
            "id": to_global_id("Checkout", checkout.token),
            "lines": [
                {"variantId": to_global_id("ProductVariant", good.pk), "quantity": 1},
                {"variantId": to_global_id("ProductVariant", sold_out.pk), "quantity": 1},
            ],
        },
    )

    assert [error["code"] for error in result["data"]["checkoutLinesAdd"]["errors"]] == [
        "INSUFFICIENT_STOCK"
    ]
    assert checkout.lines.count() == 0


def test_unknown_ids_are_not_found_errors(client):
    checkout = Checkout.objects.create()

    unknown_checkout = api_post(
        client, LINES_ADD, {"id": to_global_id("Checkout", "0" * 32), "lines": []}
    )
    unknown_variant = api_post(
        client,
        LINES_ADD,
        {
            "id": to_global_id("Checkout", checkout.token),
            "lines": [{"variantId": "not-an-id", "quantity": 1}],
        },
    )

    assert unknown_checkout["data"]["checkoutLinesAdd"]["errors"][0]["code"] == "NOT_FOUND"
    assert unknown_variant["data"]["checkoutLinesAdd"]["errors"][0] == {
        "field": "variantId",
        "message": "No product variant has this ID.",
        "code": "NOT_FOUND",
    }


ADDRESS = {
    "firstName": "Emma",
    "lastName": "Clarke",
    "streetAddress1": "3 Mill Lane",
    "postalCode": "46000",
    "city": "Cahors",
    "country": "FR",
}


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"streetAddress1": "", "postalCode": "4600"},
            [
                {"field": "streetAddress1", "code": "INVALID"},
                {"field": "postalCode", "code": "INVALID_POSTCODE"},
            ],
        ),
        (
            {"lastName": "x" * 101, "city": "Ca\x00hors"},
            [{"field": "lastName", "code": "INVALID"}, {"field": "city", "code": "INVALID"}],
        ),
    ],
)
def test_a_wrong_postcode_an_overlong_field_or_a_nul_are_refused_field_by_field(
    client, change, errors
):
    checkout = _checkout_with(make_variant())

    result = api_post(
        client,
        """mutation($id: ID, $address: AddressInput!) {
          checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {
            errors { field code } } }""",
        {"id": to_global_id("Checkout", checkout.token), "address": {**ADDRESS, **change}},
    )

    assert result["data"]["checkoutShippingAddressUpdate"]["errors"] == errors
    checkout.refresh_from_db()
    assert checkout.shipping_address_id is None


def test_completing_an_unready_checkout_lists_what_is_missing(client):
    checkout = _checkout_with(make_variant())

    result = api_post(
        client,
        "mutation($id: ID) { checkoutComplete(id: $id) { order { id } errors { field code } } }",
        {"id": to_global_id("Checkout", checkout.token)},
    )

    assert result["data"]["checkoutComplete"] == {
        "order": None,
        "errors": [
            {"field": "email", "code": "EMAIL_NOT_SET"},
            {"field": "shipping", "code": "SHIPPING_ADDRESS_NOT_SET"},
            {"field": "billing", "code": "BILLING_ADDRESS_NOT_SET"},
            {"field": "delivery", "code": "SHIPPING_METHOD_NOT_SET"},
        ],
    }


def test_alcohol_needs_the_buyer_to_confirm_being_of_age(client):
    wine = make_product(is_alcohol=True, alcohol_by_volume="13.0", vat_rate="20.00")
    checkout = make_ready_checkout((make_variant(product=wine), 1))
    query = """mutation($id: ID, $adult: Boolean) {
      checkoutComplete(id: $id, majorityConfirmed: $adult) { order { status } errors { code } } }"""
    variables = {"id": to_global_id("Checkout", checkout.token)}

    refused = api_post(client, query, variables)
    placed = api_post(client, query, {**variables, "adult": True})

    assert refused["data"]["checkoutComplete"]["errors"] == [{"code": "MAJORITY_NOT_CONFIRMED"}]
    assert placed["data"]["checkoutComplete"] == {"order": {"status": "UNCONFIRMED"}, "errors": []}


def test_a_shoppers_checkout_is_hidden_from_others(client):
    checkout = Checkout.objects.create(user=make_user())

    result = api_post(
        client,
        "query($id: ID) { checkout(id: $id) { id } }",
        {"id": to_global_id("Checkout", checkout.token)},
    )

    assert result["data"]["checkout"] is None


def test_every_checkout_error_code_of_the_domain_is_one_of_the_api():
    assert {code.value for code in DomainCode} - {code.value for code in ApiCode} == set()


def test_a_signed_in_shopper_takes_a_guest_checkout_into_their_own(client):
    user = make_user()
    variant = make_variant()
    guest = _checkout_with(variant, quantity=2)

    result = api_post(
        client,
        """mutation($id: ID) {
          checkoutCustomerAttach(id: $id) { checkout { id quantity } errors { code } } }""",
        {"id": to_global_id("Checkout", guest.token)},
        token=token_for(user=user, token_type=ACCESS),
    )

    kept = Checkout.objects.get(user=user)
    assert result["data"]["checkoutCustomerAttach"] == {
        "checkout": {"id": to_global_id("Checkout", kept.token), "quantity": 2},
        "errors": [],
    }
    assert not Checkout.objects.filter(pk=guest.pk).exists()


def test_a_mutation_the_shop_does_not_offer_answers_a_typed_error(client):
    result = api_post(
        client,
        """mutation { confirmAccount(email: "a@example.org", token: "x") {
          errors { field message code } } }""",
    )

    assert result["data"]["confirmAccount"]["errors"] == [
        {"field": None, "message": "This is not available in this shop.", "code": "INVALID"}
    ]
