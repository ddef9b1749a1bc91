"""The storefront's path through the API, end to end: list products, create a checkout, add
lines, set the address and delivery, pay with the test gateway, read the order."""

import pytest

from catalogue.models import ProductVariant
from shop.checkout.models import Checkout
from shop.graphql.core.ids import to_global_id
from shop.orders.models import Order, OrderStatus, PaymentStatus
from tests.factories import make_ready_checkout
from tests.graphql.catalogue_data import make_pictured_product
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

ADDRESS = {
    "firstName": "Emma",
    "lastName": "Clarke",
    "streetAddress1": "12 Rue de la Barre",
    "postalCode": "46000",
    "city": "Cahors",
    "country": "FR",
}
CHECKOUT_FIELDS = """
  checkout {
    id email quantity
    lines { id quantity variant { sku } totalPrice { gross { amount } } }
    shippingMethods { id name price { amount } }
    delivery { shippingMethod { name } }
    subtotalPrice { gross { amount } }
    shippingPrice { gross { amount } }
    totalPrice { gross { amount } tax { amount } }
  }
  errors { field message code }
"""


def _place_and_pay(client, data: dict | None = None) -> tuple[str, dict]:
    listing = api_post(
        client,
        """{ products(first: 20, channel: "default-channel") {
            edges { node { name variants { id sku quantityAvailable } } } } }""",
    )
    variant = listing["data"]["products"]["edges"][0]["node"]["variants"][0]
    created = api_post(
        client,
        f"""mutation($lines: [CheckoutLineInput!]!) {{
            checkoutCreate(input: {{channel: "default-channel", lines: $lines}}) {{
              {CHECKOUT_FIELDS} }} }}""",
        {"lines": [{"variantId": variant["id"], "quantity": 1}]},
    )["data"]["checkoutCreate"]
    assert created["errors"] == []
    checkout_id = created["checkout"]["id"]
    added = api_post(
        client,
        f"""mutation($id: ID, $lines: [CheckoutLineInput!]!) {{
            checkoutLinesAdd(id: $id, lines: $lines) {{ {CHECKOUT_FIELDS} }} }}""",
        {"id": checkout_id, "lines": [{"variantId": variant["id"], "quantity": 1}]},
    )["data"]["checkoutLinesAdd"]
    assert added["errors"] == []
    assert added["checkout"]["quantity"] == 2
    for mutation, argument, value in (
        ("checkoutEmailUpdate", "email: String!", "emma@example.org"),
        ("checkoutShippingAddressUpdate", "shippingAddress: AddressInput!", ADDRESS),
        ("checkoutBillingAddressUpdate", "billingAddress: AddressInput!", ADDRESS),
    ):
        name = argument.split(":")[0]
        answer = api_post(
            client,
            f"""mutation($id: ID, ${argument}) {{
                {mutation}(id: $id, {name}: ${name}) {{ {CHECKOUT_FIELDS} }} }}""",
            {"id": checkout_id, name: value},
        )["data"][mutation]
        assert answer["errors"] == [], mutation
    methods = answer["checkout"]["shippingMethods"]
    delivered = api_post(
        client,
        f"""mutation($id: ID, $method: ID) {{
            checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{
              {CHECKOUT_FIELDS} }} }}""",
        {"id": checkout_id, "method": methods[0]["id"]},
    )["data"]["checkoutDeliveryMethodUpdate"]
    assert delivered["errors"] == []
    paid = api_post(
        client,
        """mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {
            transactionInitialize(id: $id, paymentGateway: $gateway) {
              transaction { id pspReference chargedAmount { amount currency } }
              transactionEvent { type }
              errors { field message code } } }""",
        {"id": checkout_id, "gateway": {"id": "ohmylot.payments.test", "data": data}},
    )["data"]["transactionInitialize"]
    return checkout_id, {"delivered": delivered, "paid": paid}


def test_a_shopper_buys_through_the_api_and_reads_the_order(client):
    product = make_pictured_product(name="Rocamadour AOP")
    variant = product.variants.order_by("position").first()

    checkout_id, steps = _place_and_pay(client)

    checkout = steps["delivered"]["checkout"]
    assert checkout["email"] == "emma@example.org"
    assert checkout["delivery"] == {"shippingMethod": {"name": "Home delivery"}}
    shipping = checkout["shippingPrice"]["gross"]["amount"]
    assert checkout["subtotalPrice"]["gross"]["amount"] == 7.8
    assert checkout["totalPrice"]["gross"]["amount"] == round(7.8 + shipping, 2)
    paid = steps["paid"]
    assert paid["errors"] == []
    assert paid["transactionEvent"] == {"type": "CHARGE_SUCCESS"}
    assert paid["transaction"]["chargedAmount"] == {
        "amount": checkout["totalPrice"]["gross"]["amount"],
        "currency": "EUR",
    }

    completed = api_post(
        client,
        """mutation($id: ID) { checkoutComplete(id: $id) {
            order { id number status isPaid paymentStatus userEmail
                    lines { productName quantity totalPrice { gross { amount } }
                            thumbnail(size: 128) { url } }
                    total { gross { amount } } }
            errors { field message code } } }""",
        {"id": checkout_id},
    )["data"]["checkoutComplete"]

    order = Order.objects.get()
    assert completed["errors"] == []
    assert completed["order"]["number"] == order.number
    assert completed["order"]["status"] == "UNFULFILLED"
    assert completed["order"]["isPaid"] is True
    assert completed["order"]["paymentStatus"] == "FULLY_CHARGED"
    assert completed["order"]["userEmail"] == "emma@example.org"
    assert completed["order"]["lines"][0]["productName"] == "Rocamadour AOP"
    assert completed["order"]["lines"][0]["quantity"] == 2
    assert completed["order"]["lines"][0]["thumbnail"]["url"].startswith("http://testserver/")
    assert order.status == OrderStatus.UNFULFILLED
    assert order.payment_status == PaymentStatus.PAID
    assert Checkout.objects.count() == 0
    assert ProductVariant.objects.get(pk=variant.pk).stock_quantity == 8

    read = api_post(
        client,
        "query($id: ID) { order(id: $id) { number total { gross { amount } } } }",
        {"id": completed["order"]["id"]},
    )
    assert read["data"]["order"] == {
        "number": order.number,
        "total": {"gross": {"amount": float(order.total)}},
    }


def test_an_unknown_gateway_places_no_order(client):
    product = make_pictured_product()
    checkout = make_ready_checkout((product.variants.order_by("position").first(), 1))

    answer = api_post(
        client,
        """mutation($id: ID!) {
          transactionInitialize(id: $id, paymentGateway: {id: "elsewhere"}) {
            errors { field code } } }""",
        {"id": to_global_id("Checkout", checkout.token)},
    )["data"]["transactionInitialize"]

    assert answer == {"errors": [{"field": "paymentGateway", "code": "NOT_FOUND"}]}
    assert Order.objects.count() == 0


def test_a_declined_payment_cancels_the_order_and_keeps_the_cart(client):
    product = make_pictured_product()
    variant = product.variants.order_by("position").first()

    _checkout_id, steps = _place_and_pay(client, data={"decline": True})

    assert steps["paid"]["errors"] == []
    assert steps["paid"]["transactionEvent"] == {"type": "CHARGE_FAILURE"}
    order = Order.objects.get()
    assert order.status == OrderStatus.CANCELLED
    assert Checkout.objects.count() == 1
    assert ProductVariant.objects.get(pk=variant.pk).stock_quantity == 10


def test_an_order_placed_first_is_paid_by_its_id(client):
    product = make_pictured_product()
    checkout = make_ready_checkout((product.variants.order_by("position").first(), 1))
    placed = api_post(
        client,
        "mutation($id: ID) { checkoutComplete(id: $id) { order { id status } errors { code } } }",
        {"id": to_global_id("Checkout", checkout.token)},
    )["data"]["checkoutComplete"]["order"]

    paid = api_post(
        client,
        """mutation($id: ID!) {
          transactionInitialize(id: $id, paymentGateway: {id: "ohmylot.payments.test"}) {
            transactionEvent { type } errors { code } } }""",
        {"id": placed["id"]},
    )["data"]["transactionInitialize"]
    again = api_post(
        client,
        """mutation($id: ID!) {
          transactionInitialize(id: $id, paymentGateway: {id: "ohmylot.payments.test"}) {
            errors { code } } }""",
        {"id": placed["id"]},
    )["data"]["transactionInitialize"]
    unknown_gateway = api_post(
        client,
        """mutation($id: ID!) {
          transactionInitialize(id: $id, paymentGateway: {id: "elsewhere"}) {
            errors { code } } }""",
        {"id": placed["id"]},
    )["data"]["transactionInitialize"]

    assert placed["status"] == "UNCONFIRMED"
    assert paid == {"transactionEvent": {"type": "CHARGE_SUCCESS"}, "errors": []}
    assert again == {"errors": [{"code": "INVALID"}]}
    assert unknown_gateway == {"errors": [{"code": "NOT_FOUND"}]}
    assert Order.objects.get().payment_status == PaymentStatus.PAID
