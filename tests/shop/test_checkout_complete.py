from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.models import ProductVariant, VatRate
from shop.accounts.models import Address
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import (
    checkout_address_update,
    checkout_contact_update,
    checkout_create,
    checkout_line_add,
)
from shop.orders.models import Order, OrderStatus, PaymentStatus
from shop.orders.services import orders_expire_unpaid
from shop.payments.services import builtin_payment_settle
from tests.factories import make_address_data, make_product, make_ready_checkout, make_variant

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def stock_of(variant: ProductVariant) -> int:
    variant.refresh_from_db()
    return variant.stock_quantity


def test_placing_an_order_splits_it_per_seller_and_reserves_the_stock():
    cheese = make_variant(price=Decimal("3.90"), stock_quantity=10)
    walnuts = make_variant(price=Decimal("9.50"), stock_quantity=4)
    checkout = make_ready_checkout((cheese, 2), (walnuts, 1))

    order = checkout_complete(checkout=checkout)

    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.payment_status == PaymentStatus.UNPAID
    assert (order.subtotal, order.shipping_total, order.total) == (
        Decimal("17.30"),
        Decimal("13.80"),
        Decimal("31.10"),
    )
    groups = {group.seller_id: group for group in order.groups.all()}
    assert set(groups) == {cheese.product.seller_id, walnuts.product.seller_id}
    assert [(line.sku, line.quantity) for line in groups[cheese.product.seller_id].lines.all()] == [
        (cheese.sku, 2)
    ]
    assert (stock_of(cheese), stock_of(walnuts)) == (8, 3)
    assert order.reserved_until > timezone.now()
    assert list(order.events.values_list("action", flat=True)) == ["orders.order.placed"]
    assert Checkout.objects.filter(pk=checkout.pk).exists()  # kept until paid


def test_an_empty_cart_cannot_be_ordered():
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout_create())
    assert codes(error.value)["lines"] == ["NO_LINES"]
    assert Order.objects.count() == 0


def test_a_checkout_without_details_lists_everything_missing():
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=make_variant().pk, quantity=1)
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout)
    assert codes(error.value) == {
        "email": ["EMAIL_NOT_SET"],
        "shipping": ["SHIPPING_ADDRESS_NOT_SET"],
        "billing": ["BILLING_ADDRESS_NOT_SET"],
        "delivery": ["SHIPPING_METHOD_NOT_SET"],
    }
    assert Order.objects.count() == 0


def test_alcohol_needs_the_buyer_to_confirm_majority():
    wine = make_variant(
        product=make_product(
            is_alcohol=True, alcohol_by_volume=Decimal("13.5"), vat_rate=VatRate.STANDARD
        ),
        stock_quantity=6,
    )
    checkout = make_ready_checkout((wine, 1))
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout)
    assert codes(error.value) == {"majority_confirmed": ["MAJORITY_NOT_CONFIRMED"]}
    assert (Order.objects.count(), stock_of(wine)) == (0, 6)

    order = checkout_complete(checkout=checkout, majority_confirmed=True)
    assert order.majority_confirmed is True


def test_stock_sold_meanwhile_stops_the_order_and_saves_nothing():
    variant = make_variant(stock_quantity=5)
    checkout = make_ready_checkout((variant, 3))
    ProductVariant.objects.filter(pk=variant.pk).update(stock_quantity=2)
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout)
    assert codes(error.value) == {"lines": ["INSUFFICIENT_STOCK"]}
    assert (Order.objects.count(), stock_of(variant)) == (0, 2)


def test_a_line_sold_out_meanwhile_gives_back_what_the_others_took_and_keeps_deliveries():
    first, second = make_variant(stock_quantity=5), make_variant(stock_quantity=5)
    checkout = make_ready_checkout((first, 2), (second, 3))
    ProductVariant.objects.filter(pk=second.pk).update(stock_quantity=1)  # the later one, by key
    chosen = {variant.product.seller_id: "standard" for variant in (first, second)}

    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout, deliveries=chosen)

    assert codes(error.value) == {"lines": ["INSUFFICIENT_STOCK"]}
    assert (Order.objects.count(), stock_of(first), stock_of(second)) == (0, 5, 1)
    assert dict(checkout.deliveries.values_list("seller_id", "method")) == chosen
    # refused without rolling anything back (a rollback costs the connection its plans)
    assert not [query for query in queries if "ROLLBACK" in query["sql"]]


def test_chilled_goods_to_another_country_cannot_be_ordered():
    cheese = make_variant(
        product=make_product(is_perishable=True, is_chilled=True, is_withdrawal_excluded=True)
    )
    checkout = make_ready_checkout((cheese, 1), country="NL")
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=checkout)
    assert codes(error.value) == {"delivery": ["DELIVERY_METHOD_NOT_APPLICABLE"]}


def test_a_paid_order_is_invoiced_per_seller_confirmed_by_email_and_empties_the_cart(
    django_capture_on_commit_callbacks,
):
    first = make_variant(stock_quantity=10)
    second = make_variant(stock_quantity=10)
    checkout = make_ready_checkout((first, 1), (second, 2))
    order = checkout_complete(checkout=checkout)

    with django_capture_on_commit_callbacks(execute=True):
        assert builtin_payment_settle(order=order, approve=True) is True

    order.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.UNFULFILLED, PaymentStatus.PAID)
    assert order.payment_reference.startswith("test-")
    numbers = sorted(order.groups.values_list("invoice_number", flat=True))
    assert numbers == sorted(
        [f"F{first.product.seller_id:04d}-000001", f"F{second.product.seller_id:04d}-000001"]
    )
    assert not Checkout.objects.filter(pk=checkout.pk).exists()
    kept = {order.shipping_address_id, order.billing_address_id}  # the checkout's are gone
    assert set(Address.objects.values_list("pk", flat=True)) == kept
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["emma@example.org"]
    assert order.number in mail.outbox[0].subject
    assert str(order.token) in mail.outbox[0].body
    assert list(order.events.values_list("action", flat=True)) == [
        "orders.order.placed",
        "orders.order.paid",
    ]


def test_paying_twice_changes_nothing_the_second_time(django_capture_on_commit_callbacks):
    order = checkout_complete(checkout=make_ready_checkout((make_variant(), 1)))
    with django_capture_on_commit_callbacks(execute=True):
        builtin_payment_settle(order=order, approve=True)
        assert builtin_payment_settle(order=order, approve=True) is False
        assert builtin_payment_settle(order=order, approve=False) is False
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
    assert order.events.count() == 2
    assert len(mail.outbox) == 1


def test_each_seller_numbers_its_invoices_without_gaps(django_capture_on_commit_callbacks):
    variant = make_variant(stock_quantity=10)
    numbers = []
    for _ in range(3):
        order = checkout_complete(checkout=make_ready_checkout((variant, 1)))
        with django_capture_on_commit_callbacks(execute=True):
            builtin_payment_settle(order=order, approve=True)
        numbers.append(order.groups.get().invoice_number)
    prefix = f"F{variant.product.seller_id:04d}"
    assert numbers == [f"{prefix}-000001", f"{prefix}-000002", f"{prefix}-000003"]


def test_a_declined_payment_cancels_the_order_and_gives_the_stock_back():
    variant = make_variant(stock_quantity=4)
    checkout = make_ready_checkout((variant, 3))
    order = checkout_complete(checkout=checkout)
    assert stock_of(variant) == 1

    assert builtin_payment_settle(order=order, approve=False) is True
    assert builtin_payment_settle(order=order, approve=False) is False

    order.refresh_from_db()
    assert (order.status, order.payment_status) == (OrderStatus.CANCELLED, PaymentStatus.FAILED)
    assert stock_of(variant) == 4
    assert order.groups.get().invoice_number == ""
    assert Checkout.objects.filter(pk=checkout.pk).exists()  # the shopper may try again
    assert mail.outbox == []


def test_an_abandoned_payment_expires_and_gives_the_stock_back():
    variant = make_variant(stock_quantity=4)
    order = checkout_complete(checkout=make_ready_checkout((variant, 2)))
    fresh = checkout_complete(checkout=make_ready_checkout((variant, 1)))
    Order.objects.filter(pk=order.pk).update(reserved_until=timezone.now() - timedelta(minutes=1))

    assert orders_expire_unpaid() == 1
    assert orders_expire_unpaid() == 0

    order.refresh_from_db()
    fresh.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED
    assert fresh.status == OrderStatus.PENDING_PAYMENT
    assert stock_of(variant) == 3
    assert order.events.last().action == "orders.order.expired"


def test_a_late_payment_after_expiry_is_not_accepted():
    variant = make_variant(stock_quantity=4)
    order = checkout_complete(checkout=make_ready_checkout((variant, 2)))
    orders_expire_unpaid(now=timezone.now() + timedelta(hours=1))
    assert builtin_payment_settle(order=order, approve=True) is False
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.UNPAID
    assert stock_of(variant) == 4


def test_the_confirmation_speaks_the_shoppers_language(django_capture_on_commit_callbacks):
    checkout = make_ready_checkout((make_variant(), 1))
    Checkout.objects.filter(pk=checkout.pk).update(language_code="en")
    checkout.refresh_from_db()
    order = checkout_complete(checkout=checkout)
    with django_capture_on_commit_callbacks(execute=True):
        builtin_payment_settle(order=order, approve=True)
    message = mail.outbox[0]
    assert message.subject == f"Your order {order.number} at Oh my Lot !"
    assert f"/en/orders/{order.token}/" in message.body


def test_changed_details_leave_no_former_address_behind():
    checkout = make_ready_checkout((make_variant(), 1))
    checkout_contact_update(
        checkout=checkout,
        email="emma@example.org",
        shipping=make_address_data(city="Figeac", postal_code="46100"),
        billing=make_address_data(city="Gourdon", postal_code="46300"),
    )
    checkout_address_update(
        checkout=checkout, kind="billing", address=make_address_data(city="Souillac")
    )

    cities = Address.objects.order_by("city").values_list("city", flat=True)
    assert list(cities) == ["Figeac", "Souillac"]
    checkout.refresh_from_db()
    assert (checkout.shipping_address.city, checkout.billing_address.city) == ("Figeac", "Souillac")
