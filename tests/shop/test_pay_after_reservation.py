"""The test gateway's buttons on an order that closed unpaid before the shopper chose (its
reservation ran out, or it was cancelled): the order's page says what happened, never that
the payment was declined."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shop.orders.models import Order, OrderStatus, PaymentStatus
from shop.orders.services import orders_expire_unpaid
from tests.factories import make_variant
from tests.shop.test_checkout_pages import ADDRESS, add_to_cart

pytestmark = pytest.mark.django_db

ENDED = (
    "This order can no longer be paid: its reservation ended and its products went back into "
    "stock. Your cart is still there: you can order again from it."
)


def place_order(client, variant, quantity: int) -> Order:
    add_to_cart(client, variant, quantity)
    client.post("/en/checkout/details/", ADDRESS)
    client.post("/en/checkout/review/", {f"delivery-{variant.product.seller_id}": "standard"})
    return Order.objects.get()


def choose(client, order: Order, outcome: str):
    return client.post(f"/en/checkout/pay/{order.token}/submit/", {"outcome": outcome}, follow=True)


def test_approving_an_expired_order_shows_its_page_with_why_and_keeps_the_cart(client):
    variant = make_variant(stock_quantity=3)
    order = place_order(client, variant, 2)
    orders_expire_unpaid(now=timezone.now() + timedelta(hours=1))

    response = choose(client, order, "approve")

    html = response.content.decode()
    assert response.redirect_chain == [(f"/en/orders/{order.token}/", 302)]
    assert ENDED in html and "declined" not in html
    assert "Expired without payment" in html
    order.refresh_from_db()
    variant.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.EXPIRED, PaymentStatus.UNPAID)
    assert variant.stock_quantity == 3
    assert variant.product.name in client.get("/en/cart/").content.decode()


def test_a_choice_on_an_order_already_cancelled_shows_its_page_with_why(client):
    variant = make_variant(stock_quantity=3)
    order = place_order(client, variant, 1)
    declined = choose(client, order, "decline")

    approved = choose(client, order, "approve")
    declined_again = choose(client, order, "decline")

    assert "The payment was declined" in declined.content.decode()
    for response in (approved, declined_again):
        assert response.redirect_chain == [(f"/en/orders/{order.token}/", 302)]
        assert ENDED in response.content.decode()
    order.refresh_from_db()
    variant.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.CANCELLED, PaymentStatus.FAILED)
    assert variant.stock_quantity == 3
