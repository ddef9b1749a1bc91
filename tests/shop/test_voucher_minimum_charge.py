"""A promo code leaves 0 € or at least Stripe's least charge (0.50 €) to pay: below it, the code
covers the rest too, and the order is settled without a gateway."""

from datetime import date
from decimal import Decimal

import pytest

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_summary
from shop.checkout.services import checkout_line_update, checkout_voucher_add
from shop.discounts.models import VoucherKind
from shop.orders.models import FulfilmentStatus, Order, OrderStatus, PaymentStatus
from shop.orders.selectors import order_vat_lines
from shop.orders.vat import VatLine
from shop.payments.gateway import NO_CHARGE_GATEWAY_ID, TEST_GATEWAY_ID, PaymentInitStatus
from shop.payments.ledger import ledger_for_period
from shop.payments.services import payment_initialize
from tests.factories import make_ready_checkout, make_variant, make_voucher
from tests.shop.test_checkout_pages import ADDRESS, page
from tests.shop.vouchers import pickup_variant

pytestmark = pytest.mark.django_db

TEN_EUROS = {"code": "DIX", "kind": VoucherKind.FIXED, "value": 1000}
STRIPE_KEYS = {"STRIPE_SECRET_KEY": "sk_test_shop", "STRIPE_PUBLISHABLE_KEY": "pk_test_shop"}


def placed(checkout: Checkout) -> Order:
    return checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))


def test_a_code_leaving_30_cents_takes_them_off_and_the_order_is_paid_without_a_gateway(settings):
    settings.PAYMENT_COMMISSION_RATE = Decimal("0.10")
    variant = pickup_variant(Decimal("10.30"))
    checkout = make_ready_checkout((variant, 1))
    make_voucher(**TEN_EUROS)
    checkout_voucher_add(checkout=checkout, code="dix")

    summary = checkout_summary(checkout=checkout)
    order = placed(checkout)
    paid = payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)

    assert (summary.discount, summary.total) == (Decimal("10.30"), Decimal("0.00"))
    order.refresh_from_db()
    assert (order.subtotal, order.discount_total, order.total) == (
        Decimal("10.30"),
        Decimal("10.30"),
        Decimal("0.00"),
    )
    assert order.lines.get().discount == Decimal("10.30")
    assert order_vat_lines(order=order) == [VatLine(Decimal("5.50"), Decimal("0.00"), Decimal("0"))]
    assert (paid.gateway_id, paid.status) == (NO_CHARGE_GATEWAY_ID, PaymentInitStatus.SUCCEEDED)
    assert (order.status, order.payment_status) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID)
    order.groups.update(status=FulfilmentStatus.SHIPPED)
    [row] = ledger_for_period(start=date.today(), end=date.today()).rows
    assert (row.lines_total, row.net_owed, row.voucher_cost) == (
        Decimal("10.30"),
        Decimal("9.27"),
        Decimal("10.30"),
    )


def test_30_cents_of_goods_left_beside_a_paid_delivery_stay_to_pay():
    checkout = make_ready_checkout((make_variant(price=Decimal("10.30")), 1))
    make_voucher(**TEN_EUROS)
    checkout_voucher_add(checkout=checkout, code="dix")

    order = placed(checkout)

    assert order.shipping_total > 0
    assert (order.discount_total, order.total) == (
        Decimal("10.00"),
        order.shipping_total + Decimal("0.30"),
    )


def test_a_code_leaving_exactly_50_cents_leaves_them_to_pay():
    checkout = make_ready_checkout((pickup_variant(Decimal("10.50")), 1))
    make_voucher(**TEN_EUROS)
    checkout_voucher_add(checkout=checkout, code="dix")

    order = placed(checkout)
    paid = payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)

    assert (order.discount_total, order.total) == (Decimal("10.00"), Decimal("0.50"))
    assert order.lines.get().discount == Decimal("10.00")
    assert paid.gateway_id == TEST_GATEWAY_ID


def test_a_smaller_quantity_after_the_code_brings_the_rest_into_the_code():
    variant = pickup_variant(Decimal("5.20"))
    checkout = make_ready_checkout((variant, 3))
    make_voucher(**TEN_EUROS)
    checkout_voucher_add(checkout=checkout, code="dix")
    before = checkout_summary(checkout=checkout)

    checkout_line_update(checkout=checkout, variant_id=variant.pk, quantity=2)

    after = checkout_summary(checkout=checkout)
    order = placed(checkout)
    assert (before.discount, before.total) == (Decimal("10.00"), Decimal("5.60"))
    assert (after.discount, after.total) == (Decimal("10.40"), Decimal("0.00"))
    assert (order.discount_total, order.total) == (Decimal("10.40"), Decimal("0.00"))


def cart_with_code(client, *, price: str, quantity: int = 1):
    variant = pickup_variant(Decimal(price))
    make_voucher(**TEN_EUROS)
    client.post("/en/cart/add/", {"variant": variant.pk, "quantity": quantity})
    client.post("/en/cart/promo/", {"code": "dix"})
    return variant


@pytest.mark.parametrize("keys", [{}, STRIPE_KEYS], ids=["test-gateway", "stripe"])
def test_the_shop_s_pages_show_the_covered_cents_and_the_order_needs_no_card(
    client, settings, keys
):
    for name, value in keys.items():
        setattr(settings, name, value)
    variant = cart_with_code(client, price="10.30")
    cart = page(client.get("/en/cart/"))
    client.post("/en/checkout/details/", ADDRESS)
    review = page(client.get("/en/checkout/review/"))

    client.post("/en/checkout/review/", {f"delivery-{variant.product.seller_id}": "pickup"})
    order = Order.objects.get()
    paid = client.get(f"/en/checkout/pay/{order.token}/", follow=True)

    assert "Discount: <strong>\u2212€10.30</strong>" in cart
    assert "Products after the discount: <strong>€0.00</strong>" in cart
    assert "\u2212€10.30</td>" in review
    assert "Total incl. VAT</th><td>€0.00</td>" in review
    assert paid.redirect_chain == [(f"/en/orders/{order.token}/", 302)]
    assert f"Thank you! Your order {order.number} is confirmed." in page(paid)
    assert "Pay €0.00" not in page(paid)
    assert "Total incl. VAT</th><td>€0.00</td>" in page(paid)
    order.refresh_from_db()
    assert (order.payment_status, order.payment_gateway) == (
        PaymentStatus.PAID,
        NO_CHARGE_GATEWAY_ID,
    )


def test_the_cart_shows_50_cents_left_to_pay(client):
    cart_with_code(client, price="10.50")

    cart = page(client.get("/en/cart/"))

    assert "Discount: <strong>\u2212€10.00</strong>" in cart
    assert "Products after the discount: <strong>€0.50</strong>" in cart


def test_the_cart_covers_the_rest_once_its_quantity_brings_it_below_50_cents(client):
    variant = cart_with_code(client, price="5.20", quantity=3)
    before = page(client.get("/en/cart/"))

    client.post("/en/cart/update/", {"variant": variant.pk, "quantity": 2})

    after = page(client.get("/en/cart/"))
    assert "Products after the discount: <strong>€5.60</strong>" in before
    assert "Discount: <strong>\u2212€10.40</strong>" in after
    assert "Products after the discount: <strong>€0.00</strong>" in after
