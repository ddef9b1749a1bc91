"""Promo codes are the programme's: sellers are owed the same, the programme's cost apart, and
refunds give back what the shopper paid."""

from datetime import date
from decimal import Decimal

import pytest

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add
from shop.discounts.models import VoucherKind
from shop.orders.models import FulfilmentStatus, Order, PaymentStatus
from shop.payments.gateway import NO_CHARGE_GATEWAY_ID, TEST_GATEWAY_ID, PaymentInitStatus
from shop.payments.ledger import ledger_csv, ledger_for_period
from shop.payments.refunds import refund_create
from shop.payments.services import builtin_payment_settle, payment_initialize
from tests.factories import (
    make_product,
    make_ready_checkout,
    make_seller,
    make_user,
    make_variant,
    make_voucher,
)
from tests.shop.vouchers import pickup_variant

pytestmark = pytest.mark.django_db

TODAY = date.today()


def paid_order_with_a_code(settings, **voucher) -> tuple[Order, dict]:
    """Cheese 2 x 3.90 from a farm, walnuts 1 x 9.50 from another seller, both at the default
    10 % commission, ordered with a promo code, paid and shipped."""
    settings.PAYMENT_COMMISSION_RATE = Decimal("0.10")
    farm = make_seller(name="Ferme du Causse", is_selling=True)
    nuts = make_seller(name="Noix du Lot", is_selling=True)
    cheese = make_variant(price=Decimal("3.90"), product=make_product(seller=farm))
    walnuts = make_variant(price=Decimal("9.50"), product=make_product(seller=nuts))
    checkout = make_ready_checkout((cheese, 2), (walnuts, 1))
    make_voucher(code="CAUSSE", **voucher)
    checkout_voucher_add(checkout=checkout, code="causse")
    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))
    builtin_payment_settle(order=order, approve=True)
    order.groups.update(status=FulfilmentStatus.SHIPPED)
    order.refresh_from_db()
    shipping = {group.seller_id: group.shipping_price for group in order.groups.all()}
    return order, {"farm": farm, "nuts": nuts, "cheese": cheese, "shipping": shipping}


def test_sellers_are_owed_the_undiscounted_goods_and_the_programme_pays_the_code(settings):
    order, data = paid_order_with_a_code(settings, kind=VoucherKind.FIXED, value=500)
    farm, nuts, shipping = data["farm"], data["nuts"], data["shipping"]

    ledger = ledger_for_period(start=TODAY, end=TODAY)

    assert order.total == Decimal("12.30") + shipping[farm.pk] + shipping[nuts.pk]
    assert [
        (row.seller_id, row.lines_total, row.commission, row.net_owed, row.voucher_cost)
        for row in ledger.rows
    ] == [
        (
            farm.pk,
            Decimal("7.80"),
            Decimal("0.78"),
            Decimal("7.02") + shipping[farm.pk],
            Decimal("2.25"),
        ),
        (
            nuts.pk,
            Decimal("9.50"),
            Decimal("0.95"),
            Decimal("8.55") + shipping[nuts.pk],
            Decimal("2.75"),
        ),
    ]
    assert ledger.voucher_cost == Decimal("5.00")
    assert ledger_csv(ledger=ledger).splitlines()[1].endswith(",2.25")


def test_a_refunded_unit_gives_back_its_paid_share_and_the_seller_loses_its_value(settings):
    order, data = paid_order_with_a_code(settings, kind=VoucherKind.FIXED, value=500)
    farm, shipping = data["farm"], data["shipping"]
    line = order.lines.get(variant=data["cheese"])

    first = refund_create(order=order, actor=None, quantities={line.pk: 1})
    second = refund_create(order=order, actor=None, quantities={line.pk: 1})

    # The cheese line paid 7.80 - 2.25 = 5.55: 2.78 then 2.77 back, 5.55 in all.
    assert (first.amount, second.amount) == (Decimal("2.78"), Decimal("2.77"))
    row = ledger_for_period(start=TODAY, end=TODAY).rows[0]
    assert (row.seller_id, row.refunds, row.commission, row.net_owed, row.voucher_cost) == (
        farm.pk,
        Decimal("7.80"),
        Decimal("0.00"),
        shipping[farm.pk],
        Decimal("0.00"),
    )


def test_a_whole_refund_gives_back_exactly_what_was_paid(settings):
    order, _data = paid_order_with_a_code(settings, kind=VoucherKind.FREE_SHIPPING, value=0)

    refund = refund_create(order=order, actor=None)

    order.refresh_from_db()
    assert order.total == Decimal("17.30")
    assert refund.amount == order.total
    assert list(refund.lines.values_list("line_id", flat=True).order_by("line_id")) == sorted(
        order.lines.values_list("pk", flat=True)
    )
    assert order.payment_status == PaymentStatus.REFUNDED


def order_a_code_pays_in_full() -> tuple[Checkout, Order]:
    """Two units at 3.90 picked up at the farm, all paid by a 100 % code."""
    checkout = make_ready_checkout((pickup_variant(Decimal("3.90")), 2))
    make_voucher(code="OFFERT", value=100)
    checkout_voucher_add(checkout=checkout, code="offert")
    return checkout, checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))


def test_an_order_the_code_pays_in_full_is_paid_without_a_gateway():
    checkout, order = order_a_code_pays_in_full()

    result = payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)

    order.refresh_from_db()
    assert (order.total, order.discount_total) == (Decimal("0.00"), Decimal("7.80"))
    assert (result.status, result.gateway_id) == (PaymentInitStatus.SUCCEEDED, NO_CHARGE_GATEWAY_ID)
    assert (order.payment_status, order.payment_gateway) == (
        PaymentStatus.PAID,
        NO_CHARGE_GATEWAY_ID,
    )
    assert not Checkout.objects.filter(pk=checkout.pk).exists()


def test_units_a_code_paid_for_are_given_back_without_money():
    _checkout, order = order_a_code_pays_in_full()
    payment_initialize(order=order, gateway_id=TEST_GATEWAY_ID)
    line = order.lines.get()

    refund = refund_create(order=order, actor=None)

    order.refresh_from_db()
    assert (refund.amount, refund.gateway) == (Decimal("0.00"), NO_CHARGE_GATEWAY_ID)
    assert list(refund.lines.values_list("line_id", "quantity", "amount")) == [
        (line.pk, 2, Decimal("0.00"))
    ]
    assert order.payment_status == PaymentStatus.REFUNDED


def test_the_brand_team_sees_the_programme_s_voucher_cost_in_the_ledger(client, settings):
    paid_order_with_a_code(settings, kind=VoucherKind.FIXED, value=500)
    client.force_login(make_user(is_staff=True, is_superuser=True))

    page = client.get(
        f"/admin/payments/sellerpayoutsettings/ledger/?start={TODAY}&end={TODAY}",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    text = page.content.decode()
    assert "<td>2.25</td>" in text and "<td>2.75</td>" in text
    assert (
        "Promo codes paid by the programme (sellers are owed the undiscounted goods): 5.00 €."
        in text
    )
