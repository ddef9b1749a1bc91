"""Promo codes through the storefront's own operations: add, remove, the checkout's discount
fields, the order's voucher and discounts."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add
from shop.discounts.models import VoucherKind
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from shop.orders.models import Order, OrderStatus, PaymentStatus
from shop.payments.gateway import NO_CHARGE_GATEWAY_ID
from tests.factories import make_ready_checkout, make_user, make_variant, make_voucher
from tests.graphql.client import api_post
from tests.graphql.contract import operation_source
from tests.shop.vouchers import pickup_basket, pickup_variant

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")

STOREFRONT = "operations-storefront.graphql"


def run(client, name: str, variables: dict, **options) -> dict:
    result = api_post(client, operation_source(STOREFRONT, name), variables, **options)
    assert "errors" not in result, result["errors"]
    return result["data"]


def english_basket() -> tuple[Checkout, str]:
    checkout, _variants = pickup_basket()
    Checkout.objects.filter(pk=checkout.pk).update(language_code="en")
    return checkout, to_global_id("Checkout", checkout.token)


def test_adding_a_code_answers_the_discounted_checkout(client):
    checkout, checkout_id = english_basket()
    make_voucher(code="BIENVENUE", kind=VoucherKind.FIXED, value=500)

    added = run(
        client,
        "checkoutAddPromoCode",
        {"checkoutId": checkout_id, "promoCode": "bienvenue", "languageCode": "EN"},
    )["checkoutAddPromoCode"]

    assert added["errors"] == []
    found = added["checkout"]
    assert (found["voucherCode"], found["discountName"], found["translatedDiscountName"]) == (
        "BIENVENUE",
        "Bienvenue de l'été",
        "Summer welcome",
    )
    assert found["discount"] == {"currency": "EUR", "amount": 5.0}
    assert found["subtotalPrice"]["gross"]["amount"] == 28.7
    assert found["shippingPrice"]["gross"]["amount"] == 0.0
    assert found["totalPrice"] == {
        "gross": {"currency": "EUR", "amount": 28.7},
        "tax": {"currency": "EUR", "amount": 2.72},  # 0.94 at 5.5 % and 1.78 at 20 %
    }
    assert [
        (line["quantity"], line["totalPrice"]["gross"]["amount"], line["undiscountedUnitPrice"])
        for line in found["lines"]
    ] == [
        (3, 9.96, {"currency": "EUR", "amount": 3.9}),
        (1, 8.09, {"currency": "EUR", "amount": 9.5}),
        (1, 10.65, {"currency": "EUR", "amount": 12.5}),
    ]
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "BIENVENUE"


@pytest.mark.parametrize(
    ("voucher", "typed", "code", "message"),
    [
        ({"code": "ETE"}, "hiver", "INVALID", "The promo code HIVER does not exist."),
        ({"code": "ETE"}, "E\u0000TE", "INVALID", "The promo code E\u0000TE does not exist."),
        ({"code": "ETE"}, "e" * 40, "INVALID", f"The promo code {'E' * 32} does not exist."),
        (
            {
                "code": "ETE",
                "valid_from": datetime(2020, 6, 1, tzinfo=PARIS),
                "valid_until": datetime(2020, 9, 1, tzinfo=PARIS),
            },
            "ete",
            "VOUCHER_NOT_APPLICABLE",
            "The promo code ETE expired on Sept. 1, 2020.",
        ),
        (
            {"code": "ETE", "minimum_subtotal": 5000},
            "ete",
            "VOUCHER_NOT_APPLICABLE",
            "The promo code ETE applies from 50.00 € of products.",
        ),
    ],
)
def test_a_refused_code_is_a_typed_error_and_changes_nothing(client, voucher, typed, code, message):
    checkout, checkout_id = english_basket()
    make_voucher(**voucher)

    refused = run(
        client,
        "checkoutAddPromoCode",
        {"checkoutId": checkout_id, "promoCode": typed, "languageCode": "EN"},
    )["checkoutAddPromoCode"]

    assert refused == {
        "errors": [{"message": message, "field": "promoCode", "code": code}],
        "checkout": None,
    }
    assert Checkout.objects.get(pk=checkout.pk).voucher is None


def test_removing_the_code_by_its_code_or_its_id(client):
    checkout, checkout_id = english_basket()
    voucher = make_voucher(code="ETE")
    variables = {"checkoutId": checkout_id, "languageCode": "EN"}

    checkout_voucher_add(checkout=checkout, code="ete")
    by_code = run(client, "checkoutRemovePromoCode", {**variables, "promoCode": "Ete"})
    checkout_voucher_add(checkout=checkout, code="ete")
    wrong_id = run(
        client,
        "checkoutRemovePromoCode",
        {**variables, "promoCodeId": to_global_id("Voucher", voucher.pk + 1)},
    )
    by_id = run(
        client,
        "checkoutRemovePromoCode",
        {**variables, "promoCodeId": to_global_id("Voucher", voucher.pk)},
    )
    nothing = run(client, "checkoutRemovePromoCode", variables)

    removed = by_code["checkoutRemovePromoCode"]
    assert removed["errors"] == []
    assert (removed["checkout"]["voucherCode"], removed["checkout"]["discount"]) == (
        None,
        {"currency": "EUR", "amount": 0.0},
    )
    assert removed["checkout"]["totalPrice"]["gross"]["amount"] == 33.7
    assert wrong_id["checkoutRemovePromoCode"]["errors"] == [
        {
            "message": "This promo code is not applied to this cart.",
            "field": "promoCodeId",
            "code": "INVALID",
        }
    ]
    assert by_id["checkoutRemovePromoCode"]["errors"] == []
    assert by_id["checkoutRemovePromoCode"]["checkout"]["voucherCode"] is None
    assert nothing["checkoutRemovePromoCode"]["errors"] == [
        {
            "message": "Give the promo code to remove, or its ID.",
            "field": "promoCode",
            "code": "REQUIRED",
        }
    ]
    assert Checkout.objects.get(pk=checkout.pk).voucher is None


def test_completing_with_a_code_used_up_meanwhile_is_refused(client):
    checkout = make_ready_checkout((make_variant(), 1))
    voucher = make_voucher(code="UNIQUE", usage_limit=1)
    checkout_voucher_add(checkout=checkout, code="unique")
    other = make_ready_checkout((make_variant(), 1))
    checkout_voucher_add(checkout=other, code="unique")
    checkout_complete(checkout=Checkout.objects.get(pk=other.pk))

    completed = run(
        client, "checkoutComplete", {"checkoutId": to_global_id("Checkout", checkout.token)}
    )["checkoutComplete"]

    assert completed == {
        "errors": [
            {
                "message": "The promo code UNIQUE has been used as many times as planned.",
                "field": "promoCode",
                "code": "VOUCHER_NOT_APPLICABLE",
            }
        ],
        "order": None,
    }
    assert voucher.orders.count() == 1


def test_the_order_shows_its_voucher_and_discount(client):
    checkout, checkout_id = english_basket()
    voucher = make_voucher(code="BIENVENUE", kind=VoucherKind.FIXED, value=500)
    checkout_voucher_add(checkout=checkout, code="bienvenue")
    order_id = run(client, "checkoutComplete", {"checkoutId": checkout_id})["checkoutComplete"][
        "order"
    ]["id"]

    order = run(client, "order", {"id": order_id, "languageCode": "EN"})["order"]

    assert order["voucher"] == {"code": "BIENVENUE"}
    assert order["discounts"] == [
        {"type": "VOUCHER", "name": "Summer welcome", "amount": {"currency": "EUR", "amount": 5.0}}
    ]
    assert (
        order["subtotal"]["gross"]["amount"],
        order["shippingPrice"]["gross"]["amount"],
        order["total"]["gross"]["amount"],
        order["total"]["tax"]["amount"],
    ) == (28.7, 0.0, 28.7, 2.72)
    assert [
        (line["totalPrice"]["gross"]["amount"], line["undiscountedUnitPrice"]["gross"]["amount"])
        for line in order["lines"]
    ] == [(9.96, 3.9), (8.09, 9.5), (10.65, 12.5)]
    more = api_post(
        client,
        """query($id: ID) { order(id: $id) { voucherCode voucher { id }
          undiscountedTotal { gross { amount } } discounts { id } } }""",
        {"id": order_id},
    )["data"]["order"]
    assert more["voucherCode"] == "BIENVENUE"
    assert more["voucher"] == {"id": to_global_id("Voucher", voucher.pk)}
    assert more["undiscountedTotal"] == {"gross": {"amount": 33.7}}
    assert len(more["discounts"]) == 1


ORDERS = """{ me { orders(first: 10) { edges { node {
  voucher { id code } voucherCode discounts { type name amount { amount } }
  subtotal { gross { amount } } total { gross { amount } } } } } } }"""


def _orders_with_a_code(user, count: int) -> None:
    voucher = make_voucher(code=f"LISTE{count}")
    for _ in range(count):
        checkout = make_ready_checkout((make_variant(), 1))
        checkout_voucher_add(checkout=checkout, code=voucher.code)
        checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk), user=user)


def test_a_list_of_orders_reads_their_vouchers_without_a_query_each(client):
    one, three = make_user(), make_user()
    _orders_with_a_code(one, 1)
    _orders_with_a_code(three, 3)
    counted = {}
    for user in (one, three):
        token = token_for(user=user, token_type=ACCESS)
        with CaptureQueriesContext(connection) as queries:
            data = api_post(client, ORDERS, token=token)["data"]
        counted[user.pk] = len(queries)
        edges = data["me"]["orders"]["edges"]
        assert {edge["node"]["voucherCode"] for edge in edges} == {
            "LISTE1" if user == one else "LISTE3"
        }

    assert counted[one.pk] == counted[three.pk]
    assert edges[0]["node"]["discounts"] == [
        {"type": "VOUCHER", "name": "Bienvenue de l'été", "amount": {"amount": 0.39}}
    ]
    assert edges[0]["node"]["total"]["gross"]["amount"] == 10.41  # 3.90 - 0.39 + 6.90


def ten_euros_off(client, *, price: str, quantity: int = 1) -> tuple[Checkout, dict]:
    """A pickup cart of `quantity` x `price` with a 10 € code added through the API."""
    checkout = make_ready_checkout((pickup_variant(Decimal(price)), quantity))
    make_voucher(code="DIX", kind=VoucherKind.FIXED, value=1000)
    variables = {"checkoutId": to_global_id("Checkout", checkout.token), "languageCode": "EN"}
    added = run(client, "checkoutAddPromoCode", {**variables, "promoCode": "dix"})
    assert added["checkoutAddPromoCode"]["errors"] == []
    return checkout, added["checkoutAddPromoCode"]["checkout"]


def amounts(checkout: dict) -> tuple[float, float, float]:
    return (
        checkout["discount"]["amount"],
        checkout["subtotalPrice"]["gross"]["amount"],
        checkout["totalPrice"]["gross"]["amount"],
    )


def transaction_initialize(client, id: str, gateway: str) -> dict:
    return api_post(
        client,
        """mutation($id: ID!, $gateway: String!) {
          transactionInitialize(id: $id, paymentGateway: {id: $gateway}) {
            transaction { chargedAmount { amount } } errors { code } } }""",
        {"id": id, "gateway": gateway},
    )["data"]["transactionInitialize"]


def test_a_code_leaving_30_cents_takes_them_off_and_the_order_is_paid_without_a_card(
    client, active_gateway_id
):
    checkout, found = ten_euros_off(client, price="10.30")

    paid = transaction_initialize(client, found["id"], active_gateway_id)

    assert amounts(found) == (10.3, 0.0, 0.0)
    assert paid == {"transaction": {"chargedAmount": {"amount": 0.0}}, "errors": []}
    order = Order.objects.get(checkout_token=checkout.token)
    assert (order.discount_total, order.total, order.payment_gateway) == (
        Decimal("10.30"),
        Decimal("0.00"),
        NO_CHARGE_GATEWAY_ID,
    )
    assert order.payment_status == PaymentStatus.PAID


def test_checkout_complete_pays_an_order_the_code_covers_without_a_card(client, active_gateway_id):
    checkout, found = ten_euros_off(client, price="10.30")

    completed = run(client, "checkoutComplete", {"checkoutId": found["id"]})["checkoutComplete"]
    again = run(client, "checkoutComplete", {"checkoutId": found["id"]})["checkoutComplete"]
    paid = transaction_initialize(client, completed["order"]["id"], active_gateway_id)

    order = Order.objects.get()
    assert completed == {
        "errors": [],
        "order": {"id": to_global_id("Order", order.token), "channel": {"slug": "default-channel"}},
    }
    assert again == completed
    assert paid == {"transaction": {"chargedAmount": {"amount": 0.0}}, "errors": []}
    assert (order.status, order.payment_status, order.payment_gateway, order.total) == (
        OrderStatus.UNFULFILLED,
        PaymentStatus.PAID,
        NO_CHARGE_GATEWAY_ID,
        Decimal("0.00"),
    )
    assert not Checkout.objects.filter(pk=checkout.pk).exists()


def test_checkout_complete_leaves_50_cents_awaiting_payment(client):
    _checkout, found = ten_euros_off(client, price="10.50")

    run(client, "checkoutComplete", {"checkoutId": found["id"]})

    order = Order.objects.get()
    assert (order.status, order.payment_status, order.total) == (
        OrderStatus.PENDING_PAYMENT,
        PaymentStatus.UNPAID,
        Decimal("0.50"),
    )


def test_a_code_leaving_exactly_50_cents_leaves_them_to_pay(client):
    _checkout, found = ten_euros_off(client, price="10.50")

    assert amounts(found) == (10.0, 0.5, 0.5)


def test_a_smaller_quantity_after_the_code_brings_the_rest_into_the_code(client):
    checkout, found = ten_euros_off(client, price="5.20", quantity=3)

    updated = run(
        client,
        "checkoutLinesUpdate",
        {
            "checkoutId": found["id"],
            "lines": [{"lineId": found["lines"][0]["id"], "quantity": 2}],
            "languageCode": "EN",
        },
    )["checkoutLinesUpdate"]
    order_id = run(client, "checkoutComplete", {"checkoutId": found["id"]})["checkoutComplete"][
        "order"
    ]["id"]
    order = run(client, "order", {"id": order_id, "languageCode": "EN"})["order"]

    assert amounts(found) == (10.0, 5.6, 5.6)
    assert updated["errors"] == []
    assert amounts(updated["checkout"]) == (10.4, 0.0, 0.0)
    assert order["discounts"][0]["amount"]["amount"] == 10.4
    assert order["total"]["gross"]["amount"] == 0.0
    assert Order.objects.get(checkout_token=checkout.token).total == Decimal("0.00")
