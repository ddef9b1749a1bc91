"""What each seller is owed: fulfilled lines, commission, refunds; the CSV for the brand team."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from shop.orders.models import FulfilmentStatus, Order
from shop.payments.ledger import ledger_csv, ledger_for_period
from shop.payments.models import SellerPayoutSettings
from shop.payments.refunds import refund_create
from shop.payments.services import builtin_payment_settle
from tests.factories import make_order, make_product, make_seller, make_user, make_variant

pytestmark = pytest.mark.django_db

TODAY = date.today()


def paid(order: Order, *, shipped: bool = True) -> Order:
    builtin_payment_settle(order=order, approve=True)
    if shipped:
        order.groups.update(status=FulfilmentStatus.SHIPPED)
    order.refresh_from_db()
    return order


def mixed_order_with_a_partial_refund(settings):
    """Cheese 2 x 3.90 from a farm at the default 10 %, walnuts 1 x 9.50 from a seller at 20 %
    with a Connect account; one cheese refunded."""
    settings.PAYMENT_COMMISSION_RATE = Decimal("0.10")
    farm, nuts = (
        make_seller(name="Ferme du Causse", is_selling=True),
        make_seller(name="=Noix du Lot", is_selling=True),
    )
    SellerPayoutSettings.objects.create(
        seller=nuts, commission_rate=Decimal("0.20"), stripe_account_id="acct_1Nuts"
    )
    cheese = make_variant(price=Decimal("3.90"), product=make_product(seller=farm))
    walnuts = make_variant(price=Decimal("9.50"), product=make_product(seller=nuts))
    order = paid(make_order((cheese, 2), (walnuts, 1)))
    refund_create(order=order, actor=None, quantities={order.lines.get(variant=cheese).pk: 1})
    shipping = {g.seller_id: g.shipping_price for g in order.groups.all()}
    return farm, nuts, shipping


def test_the_ledger_of_a_mixed_order_with_a_partial_refund(settings):
    farm, nuts, shipping = mixed_order_with_a_partial_refund(settings)

    ledger = ledger_for_period(start=TODAY, end=TODAY)

    first, second = ledger.rows
    assert (first.seller_name, second.seller_name) == ("=Noix du Lot", "Ferme du Causse")
    assert (
        second.groups,
        second.lines_total,
        second.refunds,
        second.commission_rate,
        second.commission,
        second.net_owed,
    ) == (
        1,
        Decimal("7.80"),
        Decimal("3.90"),
        Decimal("0.10"),
        Decimal("0.39"),
        Decimal("7.80") + shipping[farm.pk] - Decimal("3.90") - Decimal("0.39"),
    )
    assert (first.stripe_account_id, first.lines_total, first.refunds, first.commission) == (
        "acct_1Nuts",
        Decimal("9.50"),
        Decimal("0.00"),
        Decimal("1.90"),
    )
    assert first.net_owed == Decimal("9.50") + shipping[nuts.pk] - Decimal("1.90")
    assert ledger.unallocated_refunds == Decimal("0.00")


def test_the_csv_has_one_row_per_seller_and_neutralises_formulas(settings):
    farm, nuts, shipping = mixed_order_with_a_partial_refund(settings)

    text = ledger_csv(ledger=ledger_for_period(start=TODAY, end=TODAY))

    farm_net = Decimal("7.80") + shipping[farm.pk] - Decimal("4.29")
    nuts_net = Decimal("9.50") + shipping[nuts.pk] - Decimal("1.90")
    assert text.splitlines() == [
        "seller_id,seller,stripe_account,groups,lines,shipping,refunds,commission_rate,"
        "commission,net_owed,voucher_cost",
        f"{nuts.pk},'=Noix du Lot,acct_1Nuts,1,9.50,{shipping[nuts.pk]},0.00,0.2000,1.90,"
        f"{nuts_net},0.00",
        f"{farm.pk},Ferme du Causse,,1,7.80,{shipping[farm.pk]},3.90,0.10,0.39,{farm_net},0.00",
    ]


def test_unshipped_groups_and_orders_of_other_periods_are_left_out(settings):
    seller = make_seller(is_selling=True)
    paid(make_order((make_variant(product=make_product(seller=seller)), 1)), shipped=False)
    old = paid(make_order((make_variant(product=make_product(seller=seller)), 1)))
    Order.objects.filter(pk=old.pk).update(paid_at=timezone.now() - timedelta(days=40))

    assert ledger_for_period(start=TODAY, end=TODAY).rows == []
    last_month = ledger_for_period(start=TODAY - timedelta(days=45), end=TODAY - timedelta(days=1))
    assert [(row.seller_id, row.groups) for row in last_month.rows] == [(seller.pk, 1)]


def test_the_brand_team_downloads_the_csv_from_the_admin(client, settings):
    mixed_order_with_a_partial_refund(settings)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = f"/admin/payments/sellerpayoutsettings/ledger/?start={TODAY}&end={TODAY}"

    page = client.get(url)
    download = client.get(url + "&csv=1")

    assert page.status_code == 200
    assert "Ferme du Causse" in page.content.decode()
    assert download["Content-Type"] == "text/csv"
    assert download["Content-Disposition"] == f'attachment; filename="ledger-{TODAY}-{TODAY}.csv"'
    assert download.content.decode().count("\n") == 3


def test_staff_without_the_payout_permission_cannot_see_the_ledger(client, settings):
    mixed_order_with_a_partial_refund(settings)
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_order"))
    client.force_login(staff)

    response = client.get(f"/admin/payments/sellerpayoutsettings/ledger/?start={TODAY}&end={TODAY}")

    assert response.status_code == 403


def test_a_period_ending_before_it_starts_shows_an_error(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get(
        f"/admin/payments/sellerpayoutsettings/ledger/?start={TODAY}&end={TODAY - timedelta(1)}",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "The period ends before it starts." in response.content.decode()


def test_the_ledger_reads_a_fixed_number_of_queries(settings, django_assert_num_queries):
    mixed_order_with_a_partial_refund(settings)
    paid(make_order((make_variant(), 1), (make_variant(), 2)))
    # Lines, groups (their count with their shipping), refunded lines and shipping, refunds
    # without lines, payout settings, sellers.
    with django_assert_num_queries(7):
        ledger = ledger_for_period(start=TODAY, end=TODAY)
    assert len(ledger.rows) == 4
