"""Orders placed with a promo code: what they record, and the code checked again at the end."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from catalogue.models import ProductVariant
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import (
    checkout_email_update,
    checkout_voucher_add,
    checkout_voucher_remove,
)
from shop.discounts.models import Voucher, VoucherKind
from shop.discounts.selectors import voucher_use_count
from shop.orders.models import Order, OrderStatus
from shop.orders.selectors import order_vat_lines
from shop.orders.vat import VatLine
from shop.payments.services import builtin_payment_settle
from tests.factories import make_ready_checkout, make_variant, make_voucher
from tests.shop.vouchers import pickup_basket

pytestmark = pytest.mark.django_db


def refused(checkout: Checkout) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))
    return error.value


def test_the_order_records_the_code_its_name_and_each_share():
    checkout, variants = pickup_basket()
    Checkout.objects.filter(pk=checkout.pk).update(language_code="en")
    voucher = make_voucher(code="BIENVENUE", kind=VoucherKind.FIXED, value=500)
    checkout_voucher_add(checkout=checkout, code="bienvenue")

    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    assert (order.voucher, order.voucher_code, order.discount_name) == (
        voucher,
        "BIENVENUE",
        "Summer welcome",
    )
    assert (order.subtotal, order.shipping_total, order.discount_total, order.total) == (
        Decimal("33.70"),
        Decimal("0.00"),
        Decimal("5.00"),
        Decimal("28.70"),
    )
    assert [(line.variant, line.discount) for line in order.lines.order_by("pk")] == [
        (variants["cheese"], Decimal("1.74")),
        (variants["walnuts"], Decimal("1.41")),
        (variants["tote"], Decimal("1.85")),
    ]
    assert order_vat_lines(order=order) == [
        VatLine(Decimal("5.50"), Decimal("18.05"), Decimal("0.94")),
        VatLine(Decimal("20.00"), Decimal("10.65"), Decimal("1.78")),
    ]
    assert order.events.get().data == {
        "total": "28.70",
        "groups": 1,
        "voucher": "BIENVENUE",
        "discount": "5.00",
    }
    assert voucher_use_count(voucher=voucher) == 1


def test_free_delivery_is_recorded_on_every_group():
    checkout = make_ready_checkout((make_variant(), 2), (make_variant(price=Decimal("9.50")), 1))
    make_voucher(code="PORT", kind=VoucherKind.FREE_SHIPPING, value=0)
    checkout_voucher_add(checkout=checkout, code="port")

    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    groups = list(order.groups.all())
    assert len(groups) == 2
    assert [(g.shipping_discount, g.shipping_paid) for g in groups] == [
        (g.shipping_price, Decimal("0.00")) for g in groups
    ]
    assert order.discount_total == order.shipping_total > 0
    assert order.total == order.subtotal == Decimal("17.30")
    assert sum(vat.total for vat in order_vat_lines(order=order)) == Decimal("17.30")


def test_a_cart_that_shrank_below_the_minimum_is_not_ordered_until_the_code_goes():
    variant = make_variant(price=Decimal("12.00"))
    checkout = make_ready_checkout((variant, 3))
    make_voucher(code="TRENTE", minimum_subtotal=3000)
    checkout_voucher_add(checkout=checkout, code="trente")
    checkout.lines.update(quantity=2)

    with translation.override("en"):
        error = refused(checkout)
        messages = error.messages
    checkout_voucher_remove(checkout=checkout)
    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    assert [e.code for e in error.error_dict["promo_code"]] == ["VOUCHER_MINIMUM_NOT_REACHED"]
    assert messages == ["The promo code TRENTE applies from 30.00 € of products."]
    assert (order.voucher, order.discount_total) == (None, Decimal("0.00"))
    assert Order.objects.count() == 1
    assert ProductVariant.objects.get(pk=variant.pk).stock_quantity == 8


def test_a_code_that_expired_or_was_used_up_meanwhile_stops_the_order():
    variant = make_variant()
    expiring = make_voucher(code="BREF")
    limited = make_voucher(code="UNIQUE", usage_limit=1)
    late = make_ready_checkout((variant, 1))
    checkout_voucher_add(checkout=late, code="bref")
    slow, fast = make_ready_checkout((variant, 1)), make_ready_checkout((variant, 1))
    checkout_voucher_add(checkout=slow, code="unique")
    checkout_voucher_add(checkout=fast, code="unique")
    Voucher.objects.filter(pk=expiring.pk).update(valid_until=timezone.now() - timedelta(1))
    checkout_complete(checkout=Checkout.objects.get(pk=fast.pk))

    expired, used_up = refused(late), refused(slow)

    assert [e.code for e in expired.error_dict["promo_code"]] == ["VOUCHER_EXPIRED"]
    assert [e.code for e in used_up.error_dict["promo_code"]] == ["VOUCHER_USAGE_LIMIT_REACHED"]
    assert list(Order.objects.values_list("voucher_code", flat=True)) == ["UNIQUE"]
    assert voucher_use_count(voucher=limited) == 1


def test_once_per_email_is_checked_when_the_email_comes_after_the_code():
    variant = make_variant()
    make_voucher(code="PERSO", once_per_email=True)
    first = make_ready_checkout((variant, 1), email="emma@example.org")
    checkout_voucher_add(checkout=first, code="perso")
    checkout_complete(checkout=Checkout.objects.get(pk=first.pk))
    second = make_ready_checkout((variant, 1), email="someone@example.org")
    checkout_voucher_add(checkout=second, code="perso")
    checkout_email_update(checkout=second, email="EMMA@example.org")

    error = refused(second)

    assert [e.code for e in error.error_dict["promo_code"]] == ["VOUCHER_ALREADY_USED"]
    assert Order.objects.count() == 1


def test_a_refused_payment_gives_the_use_back():
    variant = make_variant()
    voucher = make_voucher(code="UNIQUE", usage_limit=1, once_per_email=True)
    checkout = make_ready_checkout((variant, 1))
    checkout_voucher_add(checkout=checkout, code="unique")
    declined = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))
    builtin_payment_settle(order=declined, approve=False)

    again = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    declined.refresh_from_db()
    assert declined.status == OrderStatus.CANCELLED
    assert (again.voucher, again.discount_total) == (voucher, Decimal("0.39"))
    assert voucher_use_count(voucher=voucher) == 1


def test_a_code_never_takes_the_total_below_zero():
    make_voucher(code="CADEAU", kind=VoucherKind.FIXED, value=100_000)
    checkout = make_ready_checkout((make_variant(price=Decimal("2.50")), 1))
    checkout_voucher_add(checkout=checkout, code="cadeau")

    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))

    assert order.discount_total == Decimal("2.50")
    assert order.total == order.shipping_total > 0
    assert order.lines.get().discounted_total == Decimal("0.00")
