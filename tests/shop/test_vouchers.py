"""Promo codes on the checkout: applying one, each refusal, what it takes off, the VAT."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_summary
from shop.checkout.services import (
    checkout_create,
    checkout_line_add,
    checkout_voucher_add,
    checkout_voucher_remove,
)
from shop.discounts.models import Voucher, VoucherKind
from shop.discounts.pricing import allocate
from shop.orders.vat import VatLine
from tests.factories import (
    make_order,
    make_ready_checkout,
    make_variant,
    make_voucher,
)
from tests.shop.vouchers import pickup_basket

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def english():
    """Messages read in English (the shop's own language, French, is translated later)."""
    with translation.override("en"):
        yield


def refusal(error: ValidationError) -> list[str]:
    return [e.code for e in error.error_dict["promo_code"]]


def test_largest_remainder_shares_add_up_to_the_cent():
    weights = [Decimal("11.70"), Decimal("9.50"), Decimal("12.50")]

    assert allocate(amount=Decimal("5.00"), weights=weights) == [
        Decimal("1.74"),
        Decimal("1.41"),
        Decimal("1.85"),
    ]
    assert allocate(amount=Decimal("0.01"), weights=weights) == [
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.01"),
    ]
    assert allocate(amount=Decimal("33.70"), weights=weights) == weights
    assert allocate(amount=Decimal("0.02"), weights=[Decimal("1.00")] * 3) == [
        Decimal("0.01"),
        Decimal("0.01"),
        Decimal("0.00"),
    ]


def test_a_fixed_amount_is_shared_over_the_lines_and_each_vat_rate_pro_rata():
    checkout, variants = pickup_basket()
    voucher = make_voucher(code="bienvenue", kind=VoucherKind.FIXED, value=500)

    checkout_voucher_add(checkout=checkout, code="  Bienvenue ")
    summary = checkout_summary(checkout=checkout)

    assert voucher.code == "BIENVENUE"
    assert summary.voucher == voucher
    assert [(line.variant, line.discount) for line in summary.lines] == [
        (variants["cheese"], Decimal("1.74")),
        (variants["walnuts"], Decimal("1.41")),
        (variants["tote"], Decimal("1.85")),
    ]
    assert (summary.subtotal, summary.discount, summary.shipping_total, summary.total) == (
        Decimal("33.70"),
        Decimal("5.00"),
        Decimal("0.00"),
        Decimal("28.70"),
    )
    # Bases 21.20 and 12.50 become 18.05 and 10.65 (each less its share of 5.00).
    assert summary.vat_lines == [
        VatLine(Decimal("5.50"), Decimal("18.05"), Decimal("0.94")),
        VatLine(Decimal("20.00"), Decimal("10.65"), Decimal("1.78")),
    ]


def test_a_percentage_rounds_to_the_cent_and_a_fixed_amount_stops_at_the_goods():
    checkout, _variants = pickup_basket()
    make_voucher(code="DIXPC", value=10)
    make_voucher(code="CENT", kind=VoucherKind.FIXED, value=10_000)

    checkout_voucher_add(checkout=checkout, code="dixpc")
    ten_percent = checkout_summary(checkout=checkout)
    checkout_voucher_add(checkout=checkout, code="cent")  # replaces the first: one per cart
    hundred = checkout_summary(checkout=checkout)

    assert (ten_percent.discount, ten_percent.total) == (Decimal("3.37"), Decimal("30.33"))
    assert hundred.voucher.code == "CENT"
    assert (hundred.discount, hundred.total) == (Decimal("33.70"), Decimal("0.00"))
    assert [line.discounted_total for line in hundred.lines] == [Decimal("0.00")] * 3
    assert [vat.vat for vat in hundred.vat_lines] == [Decimal("0.00"), Decimal("0.00")]


def test_free_delivery_zeroes_the_delivery_of_every_producer():
    cheese, walnuts = make_variant(), make_variant(price=Decimal("9.50"))
    checkout = make_ready_checkout((cheese, 2), (walnuts, 1))
    make_voucher(code="LIVRAISON", kind=VoucherKind.FREE_SHIPPING, value=0)

    checkout_voucher_add(checkout=checkout, code="livraison")
    summary = checkout_summary(checkout=checkout)

    assert len(summary.groups) == 2
    assert all(group.shipping_price > 0 for group in summary.groups)
    assert [group.shipping_discount for group in summary.groups] == [
        group.shipping_price for group in summary.groups
    ]
    assert summary.discount == summary.shipping_total
    assert summary.total == summary.subtotal == Decimal("17.30")
    assert [line.discount for line in summary.lines] == [Decimal("0.00")] * 2


def test_an_unknown_code_is_refused_and_nothing_changes(english):
    checkout = make_ready_checkout((make_variant(), 1))

    with pytest.raises(ValidationError) as error:
        checkout_voucher_add(checkout=checkout, code="nope")

    assert refusal(error.value) == ["VOUCHER_NOT_FOUND"]
    assert error.value.messages == ["The promo code NOPE does not exist."]
    assert Checkout.objects.get(pk=checkout.pk).voucher_id is None


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        ({"is_active": False}, "VOUCHER_INACTIVE", "The promo code OFF is not active."),
        (
            {"valid_from": datetime(2099, 3, 1, 0, 30, tzinfo=PARIS)},
            "VOUCHER_NOT_STARTED",
            "The promo code OFF is valid from March 1, 2099.",
        ),
        (
            {
                "valid_from": datetime(2020, 6, 1, tzinfo=PARIS),
                "valid_until": datetime(2020, 9, 1, tzinfo=PARIS),
            },
            "VOUCHER_EXPIRED",
            "The promo code OFF expired on Sept. 1, 2020.",
        ),
        (
            {"minimum_subtotal": 3000},
            "VOUCHER_MINIMUM_NOT_REACHED",
            "The promo code OFF applies from 30.00 € of products.",
        ),
    ],
)
def test_a_code_that_does_not_apply_is_refused_with_its_reason(english, overrides, code, message):
    checkout = make_ready_checkout((make_variant(), 1))
    make_voucher(code="OFF", **overrides)

    with pytest.raises(ValidationError) as error:
        checkout_voucher_add(checkout=checkout, code="off")

    assert refusal(error.value) == [code]
    assert error.value.messages == [message]
    assert Checkout.objects.get(pk=checkout.pk).voucher_id is None


def test_a_used_up_code_and_a_code_used_with_the_same_email_are_refused(english):
    variant = make_variant()
    limited = make_voucher(code="UNE", usage_limit=1)
    personal = make_voucher(code="PERSO", once_per_email=True)
    for code in ("UNE", "PERSO"):
        first = make_ready_checkout((variant, 1), email="emma@example.org")
        checkout_voucher_add(checkout=first, code=code)
        checkout_complete(checkout=first)
    second = make_ready_checkout((variant, 1), email="Emma@Example.org")
    other = make_ready_checkout((variant, 1), email="noah@example.org")

    with pytest.raises(ValidationError) as used_up:
        checkout_voucher_add(checkout=second, code="une")
    with pytest.raises(ValidationError) as used_by_emma:
        checkout_voucher_add(checkout=second, code="perso")
    checkout_voucher_add(checkout=other, code="perso")

    assert refusal(used_up.value) == ["VOUCHER_USAGE_LIMIT_REACHED"]
    assert used_up.value.messages == ["The promo code UNE has been used as many times as planned."]
    assert refusal(used_by_emma.value) == ["VOUCHER_ALREADY_USED"]
    assert used_by_emma.value.messages == [
        "The promo code PERSO has already been used with emma@example.org."
    ]
    assert Checkout.objects.get(pk=other.pk).voucher == personal
    assert limited.orders.count() == 1


def test_removing_the_code_brings_the_full_price_back():
    checkout = make_ready_checkout((make_variant(), 1))
    make_voucher(code="ETE")
    make_voucher(code="HIVER")
    checkout_voucher_add(checkout=checkout, code="ete")

    with pytest.raises(ValidationError) as other_code:
        checkout_voucher_remove(checkout=checkout, code="hiver")
    still = checkout_summary(checkout=Checkout.objects.get(pk=checkout.pk))
    checkout_voucher_remove(checkout=checkout, code="Ete")
    removed = checkout_summary(checkout=Checkout.objects.get(pk=checkout.pk))

    assert refusal(other_code.value) == ["VOUCHER_NOT_APPLIED"]
    assert still.discount == Decimal("0.39")
    assert (removed.voucher, removed.discount) == (None, Decimal("0.00"))
    assert removed.total == removed.subtotal + removed.shipping_total


def test_a_cart_that_shrank_below_the_minimum_keeps_the_code_without_its_discount(english):
    checkout = checkout_create()
    variant = make_variant(price=Decimal("12.00"))
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=3)
    make_voucher(code="TRENTE", minimum_subtotal=3000)
    checkout_voucher_add(checkout=checkout, code="trente")
    checkout.lines.update(quantity=2)

    summary = checkout_summary(checkout=checkout)

    assert summary.voucher.code == "TRENTE"
    assert summary.voucher_refusal.messages == [
        "The promo code TRENTE applies from 30.00 € of products."
    ]
    assert (summary.discount, summary.total) == (Decimal("0.00"), Decimal("24.00"))


def test_the_code_is_kept_in_capitals_and_is_unique_in_any_case():
    make_voucher(code="Noel24")

    with pytest.raises(ValidationError) as error:
        make_voucher(code="NOEL24")

    assert Voucher.objects.get().code == "NOEL24"
    assert list(error.value.error_dict) == ["code"]


def test_an_order_without_a_code_has_no_discount():
    order = make_order((make_variant(), 1))

    assert (order.voucher, order.voucher_code, order.discount_total) == (
        None,
        "",
        Decimal("0.00"),
    )
    assert order.total == order.subtotal + order.shipping_total
