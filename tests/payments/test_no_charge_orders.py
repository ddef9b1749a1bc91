"""An order a promo code covers in full is paid without a gateway, once, and nothing else can
happen to its payment: paying it again answers its transaction, a declined test payment does
not cancel it."""

from decimal import Decimal

import pytest

from catalogue.models import ProductVariant
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add
from shop.discounts.models import VoucherKind
from shop.graphql.core.ids import to_global_id
from shop.orders.models import Order, OrderStatus, PaymentStatus
from shop.payments.gateway import NO_CHARGE_GATEWAY_ID
from shop.payments.services import builtin_payment_settle
from tests.factories import make_ready_checkout, make_voucher
from tests.graphql.client import api_post
from tests.shop.vouchers import pickup_variant

pytestmark = pytest.mark.django_db

PAY = """mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {
  transactionInitialize(id: $id, paymentGateway: $gateway) {
    transaction { id name pspReference chargedAmount { amount } events { type } }
    transactionEvent { type pspReference amount { amount } }
    data errors { field code } } }"""


def covered_checkout() -> tuple[Checkout, ProductVariant]:
    """A 10.30 € cheese picked up at the farm, with a 10 € code: nothing left to pay."""
    variant = pickup_variant(Decimal("10.30"))
    checkout = make_ready_checkout((variant, 1))
    make_voucher(code="DIX", kind=VoucherKind.FIXED, value=1000)
    checkout_voucher_add(checkout=checkout, code="dix")
    return Checkout.objects.get(pk=checkout.pk), variant


def assert_paid_without_a_gateway(order: Order, variant: ProductVariant) -> None:
    """The order is paid without a gateway, never cancelled, and its unit still sold."""
    order.refresh_from_db()
    assert (order.status, order.payment_status, order.payment_gateway) == (
        OrderStatus.UNFULFILLED,
        PaymentStatus.PAID,
        NO_CHARGE_GATEWAY_ID,
    )
    assert not order.events.filter(action="orders.order.payment_failed").exists()
    assert ProductVariant.objects.get(pk=variant.pk).stock_quantity == variant.stock_quantity - 1


def pay(client, id: str, gateway: dict) -> dict:
    return api_post(client, PAY, {"id": id, "gateway": gateway})["data"]["transactionInitialize"]


def test_paying_an_order_checkout_complete_paid_answers_its_transaction_again(
    client, active_gateway_id
):
    checkout, _variant = covered_checkout()
    checkout_id = to_global_id("Checkout", checkout.token)
    completed = api_post(
        client,
        "mutation($id: ID) { checkoutComplete(id: $id) { order { id } errors { code } } }",
        {"id": checkout_id},
    )["data"]["checkoutComplete"]
    order_id = completed["order"]["id"]

    by_order = pay(client, order_id, {"id": active_gateway_id})
    again = pay(client, order_id, {"id": active_gateway_id, "data": {"decline": True}})
    by_checkout = pay(client, checkout_id, {"id": active_gateway_id})
    unknown_gateway = pay(client, order_id, {"id": "elsewhere"})

    order = Order.objects.get()
    assert completed["errors"] == []
    assert by_order == {
        "transaction": {
            "id": to_global_id("TransactionItem", order.token),
            "name": "Promo code (nothing to pay)",
            "pspReference": f"no-charge-{order.token}",
            "chargedAmount": {"amount": 0.0},
            "events": [{"type": "CHARGE_SUCCESS"}],
        },
        "transactionEvent": {
            "type": "CHARGE_SUCCESS",
            "pspReference": f"no-charge-{order.token}",
            "amount": {"amount": 0.0},
        },
        "data": {},
        "errors": [],
    }
    assert again == by_checkout == by_order
    assert unknown_gateway == {
        "transaction": None,
        "transactionEvent": None,
        "data": None,
        "errors": [{"field": "paymentGateway", "code": "NOT_FOUND"}],
    }
    assert (order.status, order.payment_status, order.payment_gateway) == (
        OrderStatus.UNFULFILLED,
        PaymentStatus.PAID,
        NO_CHARGE_GATEWAY_ID,
    )
    assert order.events.filter(action="orders.order.paid").count() == 1
    assert not order.payments.exists()


def test_paying_twice_the_order_transaction_initialize_placed_answers_the_same(
    client, active_gateway_id
):
    checkout, _variant = covered_checkout()
    checkout_id = to_global_id("Checkout", checkout.token)

    first = pay(client, checkout_id, {"id": active_gateway_id})
    second = pay(client, checkout_id, {"id": active_gateway_id})

    assert first["errors"] == []
    assert first["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert second == first
    assert Order.objects.get().events.filter(action="orders.order.paid").count() == 1


def test_an_expired_order_with_nothing_to_pay_is_still_refused(client):
    checkout, _variant = covered_checkout()
    order = checkout_complete(checkout=checkout)
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.EXPIRED)

    answer = pay(client, to_global_id("Order", order.token), {"id": "ohmylot.payments.test"})

    assert answer["transaction"] is None
    assert answer["errors"] == [{"field": None, "code": "INVALID"}]
    assert not order.events.filter(action="orders.order.paid").exists()


def test_a_declined_test_payment_settles_an_order_with_nothing_to_pay_without_a_gateway():
    checkout, variant = covered_checkout()
    order = checkout_complete(checkout=checkout)

    settled = builtin_payment_settle(order=order, approve=False)
    again = builtin_payment_settle(order=order, approve=False)

    assert (settled, again) == (True, False)
    assert_paid_without_a_gateway(order, variant)


def test_a_hand_made_decline_on_the_pay_page_cannot_cancel_an_order_with_nothing_to_pay(client):
    checkout, variant = covered_checkout()
    order = checkout_complete(checkout=checkout)

    response = client.post(f"/en/checkout/pay/{order.token}/submit/", {"outcome": "decline"})

    assert response.status_code == 302
    assert response["Location"] == f"/en/orders/{order.token}/"
    assert_paid_without_a_gateway(order, variant)
