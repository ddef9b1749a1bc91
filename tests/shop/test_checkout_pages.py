import uuid
from decimal import Decimal

import pytest
from django.core import mail

from catalogue.models import VatRate
from shop.accounts.models import Address
from shop.checkout.models import Checkout, CheckoutDelivery, CheckoutLine
from shop.orders.models import Order, OrderStatus, PaymentStatus
from tests.factories import make_order, make_producer, make_product, make_seller, make_variant

pytestmark = pytest.mark.django_db

ADDRESS = {
    "email": "emma@example.org",
    "shipping_first_name": "Emma",
    "shipping_last_name": "Clarke",
    "shipping_street_address_1": "3 Mill Lane",
    "shipping_postal_code": "46000",
    "shipping_city": "Cahors",
    "shipping_country": "FR",
    "billing_same": "on",
}


def page(response) -> str:
    return response.content.decode()


def add_to_cart(client, variant, quantity=1, language="en"):
    return client.post(
        f"/{language}/cart/add/", {"variant": variant.pk, "quantity": quantity}, follow=True
    )


def test_a_guest_buys_from_cart_to_confirmation(client, django_capture_on_commit_callbacks):
    cheese = make_variant(
        product=make_product(name="Rocamadour", translations={"en": {"name": "Rocamadour cheese"}}),
        price=Decimal("3.90"),
        stock_quantity=10,
    )
    response = add_to_cart(client, cheese, 2)
    assert "Rocamadour cheese is in your cart." in page(response)
    assert "€7.80" in page(client.get("/en/cart/"))

    response = client.post("/en/checkout/details/", ADDRESS)
    assert response["Location"] == "/en/checkout/review/"
    review = page(client.get("/en/checkout/review/"))
    assert "Standard parcel — €6.90" in review
    assert "Place order" in review

    response = client.post(
        "/en/checkout/review/", {f"delivery-{cheese.product.seller_id}": "standard"}
    )
    order = Order.objects.get()
    assert response["Location"] == f"/en/checkout/pay/{order.token}/"
    assert "Test payment" in page(client.get(response["Location"]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/checkout/pay/{order.token}/submit/", {"outcome": "approve"}, follow=True
        )
    confirmation = page(response)
    assert f"Thank you! Your order {order.number} is confirmed." in confirmation
    assert "including VAT at 5.5 %" in confirmation
    order.refresh_from_db()
    assert (order.payment_status, order.total) == (PaymentStatus.PAID, Decimal("14.70"))
    assert len(mail.outbox) == 1
    assert "Cart</a>" in confirmation and "cart-count" not in confirmation  # the cart is empty


def test_a_quantity_over_the_stock_gets_a_message_and_adds_nothing(client):
    variant = make_variant(stock_quantity=2)
    response = add_to_cart(client, variant, 3)
    assert "Only 2 left in stock." in page(response)
    assert "Your cart is empty." in page(client.get("/en/cart/"))


def test_a_bad_add_to_cart_request_gets_a_message(client):
    response = client.post("/en/cart/add/", {"variant": "abc", "quantity": "many"}, follow=True)
    assert response.status_code == 200
    assert "Enter a whole number." in page(response)
    assert client.get("/en/cart/add/").status_code == 405


def test_an_empty_cart_cannot_check_out(client):
    response = client.get("/en/checkout/details/", follow=True)
    assert response.redirect_chain == [("/en/cart/", 302)]
    assert "Your cart is empty." in page(response)
    response = client.post("/en/checkout/review/", {}, follow=True)
    assert response.redirect_chain == [("/en/cart/", 302)]


def test_details_with_an_unknown_country_and_a_bad_postcode_are_refused(client):
    add_to_cart(client, make_variant())
    response = client.post("/en/checkout/details/", {**ADDRESS, "shipping_country": "US"})
    assert response.status_code == 400
    assert "Select a valid choice. US is not one of the available choices." in page(response)

    response = client.post("/en/checkout/details/", {**ADDRESS, "shipping_postal_code": "4600"})
    assert response.status_code == 400
    assert "This postcode does not exist in the chosen country." in page(response)
    assert 'role="alert"' in page(response)


def test_alcohol_without_the_majority_confirmation_is_refused(client):
    wine = make_variant(
        product=make_product(
            is_alcohol=True, alcohol_by_volume=Decimal("13.0"), vat_rate=VatRate.STANDARD
        )
    )
    add_to_cart(client, wine)
    client.post("/en/checkout/details/", ADDRESS)
    review = page(client.get("/en/checkout/review/"))
    assert "L'abus d'alcool est dangereux pour la santé" in review

    delivery = {f"delivery-{wine.product.seller_id}": "standard"}
    response = client.post("/en/checkout/review/", delivery)
    assert response.status_code == 400
    assert "please confirm that you are 18 or older" in page(response)
    assert Order.objects.count() == 0

    response = client.post("/en/checkout/review/", {**delivery, "majority_confirmed": "on"})
    assert response.status_code == 302
    assert Order.objects.get().majority_confirmed is True


def test_withdrawal_exclusions_are_listed_before_the_order(client):
    cheese = make_variant(
        product=make_product(
            name="Rocamadour", is_perishable=True, is_chilled=True, is_withdrawal_excluded=True
        )
    )
    add_to_cart(client, cheese)
    client.post("/en/checkout/details/", ADDRESS)
    review = page(client.get("/en/checkout/review/"))
    assert "not covered by the 14-day right of withdrawal" in review
    assert "Chilled express — €14.90" in review


def test_the_total_follows_a_changed_delivery_method_before_ordering(client):
    producer = make_producer(
        seller=make_seller(is_selling=True), pickup_place="La ferme", pickup_days="Sat"
    )
    variant = make_variant(product=make_product(seller=producer.seller), price=Decimal("10.00"))
    add_to_cart(client, variant)
    client.post("/en/checkout/details/", ADDRESS)
    delivery = f"delivery-{producer.seller_id}"
    response = client.post("/en/checkout/review/", {delivery: "standard", "action": "update"})
    assert response["Location"] == "/en/checkout/review/"
    assert "€16.90" in page(client.get("/en/checkout/review/"))
    client.post("/en/checkout/review/", {delivery: "pickup", "action": "update"})
    review = page(client.get("/en/checkout/review/"))
    assert (
        '<tr class="grand-total"><th scope="row">Total incl. VAT</th><td>€10.00</td></tr>' in review
    )
    assert Order.objects.count() == 0


def test_countries_are_sorted_the_way_the_shopper_reads_them(client):
    add_to_cart(client, make_variant())
    german = page(client.get("/de/checkout/details/"))
    assert german.index("Frankreich") < german.index("Belgien")  # France first
    assert german.index("Niederlande") < german.index("Österreich") < german.index("Polen")


def test_a_declined_payment_returns_to_the_cart_with_the_stock_back(client):
    variant = make_variant(stock_quantity=3)
    add_to_cart(client, variant, 2)
    client.post("/en/checkout/details/", ADDRESS)
    client.post("/en/checkout/review/", {f"delivery-{variant.product.seller_id}": "standard"})
    order = Order.objects.get()
    response = client.post(
        f"/en/checkout/pay/{order.token}/submit/", {"outcome": "decline"}, follow=True
    )
    assert "The payment was declined" in page(response)
    order.refresh_from_db()
    variant.refresh_from_db()
    assert (order.status, variant.stock_quantity) == (OrderStatus.CANCELLED, 3)
    assert "€" in page(client.get("/en/cart/"))  # the cart is still there


ORDER_LINKS = [
    ("get", "/en/orders/{}/"),
    ("get", "/en/checkout/pay/{}/"),
    ("post", "/en/checkout/pay/{}/submit/"),
    ("get", "/en/checkout/pay/{}/return/"),
]


@pytest.mark.parametrize(("method", "link"), ORDER_LINKS, ids=[link for _m, link in ORDER_LINKS])
def test_unknown_or_malformed_order_links_are_not_found(client, method, link):
    order = make_order((make_variant(), 1))
    tokens = [
        str(uuid.uuid4()),
        "not-a-token",
        "0",
        str(order.token).upper(),
        order.token.hex,
        f"{order.token}0",
        "%00",
        "%C3%A9" * 40,
    ]

    answers = [getattr(client, method)(link.format(token)).status_code for token in tokens]

    assert answers == [404] * len(tokens)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


@pytest.mark.parametrize("key", ["delivery-²", "delivery-" + "9" * 30, "delivery-"])
def test_a_delivery_field_naming_no_seller_changes_nothing(client, key):
    cheese = make_variant(product=make_product(name="Rocamadour"))
    add_to_cart(client, cheese)
    client.post("/en/checkout/details/", ADDRESS)

    response = client.post("/en/checkout/review/", {key: "pickup", "action": "update"})

    assert response["Location"] == "/en/checkout/review/"
    assert "Standard parcel — €6.90" in page(client.get("/en/checkout/review/"))
    assert Order.objects.count() == 0


def test_the_checkout_pages_read_the_cart_once_each(client, django_assert_num_queries):
    """The queries of the pages a shopper goes through do not grow with the cart's sellers."""
    variants = [make_variant() for _ in range(3)]  # each from a seller of its own
    for variant in variants:
        add_to_cart(client, variant)
    client.post("/en/checkout/details/", ADDRESS)
    # session, checkout with its addresses, the catalogue's version; the details page the
    # cart's totals, the review page its lines with their products and producers, the
    # deliveries chosen and the rates (an empty cart goes back to the cart page)
    for path, queries in (("/en/checkout/details/", 4), ("/en/checkout/review/", 6)):
        with django_assert_num_queries(queries):
            assert client.get(path).status_code == 200


def test_a_refused_order_keeps_the_deliveries_chosen_and_places_nothing(client):
    wine = make_variant(
        product=make_product(
            is_alcohol=True, alcohol_by_volume=Decimal("13.0"), vat_rate=VatRate.STANDARD
        )
    )
    cheese = make_variant(product=make_product(name="Rocamadour"))
    add_to_cart(client, wine)
    add_to_cart(client, cheese)
    client.post("/en/checkout/details/", ADDRESS)
    wine_delivery = f"delivery-{wine.product.seller_id}"
    cheese_delivery = f"delivery-{cheese.product.seller_id}"

    response = client.post(
        "/en/checkout/review/", {wine_delivery: "standard", cheese_delivery: "drone"}
    )
    assert response.status_code == 400
    assert "This delivery method is not available for these items." in page(response)
    errors = page(response).split('class="error-summary"')[1].split("</ul>")[0]
    assert "18 or older" not in errors  # no order was tried
    response = client.post("/en/checkout/review/", {cheese_delivery: "standard"})
    assert response.status_code == 400
    assert "please confirm that you are 18 or older" in page(response)

    chosen = CheckoutDelivery.objects.values_list("seller_id", "method")
    assert sorted(chosen) == sorted(
        [(wine.product.seller_id, "standard"), (cheese.product.seller_id, "standard")]
    )
    assert Order.objects.count() == 0
    response = client.post("/en/checkout/review/", {"majority_confirmed": "on"})
    assert response.status_code == 302
    assert Order.objects.get().groups.count() == 2


def test_placing_an_order_reads_the_cart_once(client, django_assert_num_queries):
    variants = [make_variant() for _ in range(2)]  # each from a seller of its own
    for variant in variants:
        add_to_cart(client, variant)
    client.post("/en/checkout/details/", ADDRESS)
    deliveries = {f"delivery-{variant.product.seller_id}": "standard" for variant in variants}
    # session, checkout, whether it has lines; the lines, deliveries and rates once; a
    # delivery chosen per seller; the addresses (one insert), the order, a group and its line
    # per seller, the stock per line, the event (the transaction counted: a savepoint in the
    # test's own; none within it)
    with django_assert_num_queries(21):
        response = client.post("/en/checkout/review/", deliveries)
    order = Order.objects.get()
    assert response["Location"] == f"/en/checkout/pay/{order.token}/"


def test_paying_forgets_the_checkout_in_a_few_queries(client, django_assert_num_queries):
    variant = make_variant()
    add_to_cart(client, variant)
    client.post("/en/checkout/details/", ADDRESS)
    client.post("/en/checkout/review/", {f"delivery-{variant.product.seller_id}": "standard"})
    order = Order.objects.get()
    checkout = Checkout.objects.get()
    addresses = [checkout.shipping_address_id, checkout.billing_address_id]
    # the order; its state, groups, the seller's invoice series (made for its first invoice)
    # and number, the event; the checkout with its lines, deliveries and addresses in one
    # (the test's own transaction makes the payment's a savepoint: two more)
    with django_assert_num_queries(13):
        response = client.post(f"/en/checkout/pay/{order.token}/submit/", {"outcome": "approve"})
    assert response["Location"] == f"/en/orders/{order.token}/"
    assert not Checkout.objects.exists()
    assert not CheckoutLine.objects.exists()
    assert not CheckoutDelivery.objects.exists()
    assert not Address.objects.filter(pk__in=addresses).exists()
    assert Order.objects.get().shipping_address.city == ADDRESS["shipping_city"]


def test_the_details_page_shows_the_carts_size_and_price(client):
    add_to_cart(client, make_variant(price=Decimal("3.90")), 2)
    add_to_cart(client, make_variant(price=Decimal("9.50")))

    details = page(client.get("/en/checkout/details/"))

    assert "<p>3 items, €17.30</p>" in details
    assert '<span class="cart-count">(3<span class="visually-hidden"> items</span>)' in details


def test_a_page_that_does_not_read_the_cart_counts_it_in_one_query(
    client, django_assert_num_queries
):
    variant = make_variant()
    add_to_cart(client, variant, 2)
    path = f"/en/p/{variant.product.slug}/"
    client.get(path)
    # the product page's own three, the session, the cart's count
    with django_assert_num_queries(5):
        response = client.get(path)
    assert '<span class="cart-count">(2<span class="visually-hidden"> items' in page(response)
