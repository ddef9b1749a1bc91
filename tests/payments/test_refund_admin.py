"""The brand team refunds from the orders list: in full, or chosen units per line."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission

from shop.orders.models import PaymentStatus
from shop.payments.models import Refund
from shop.payments.services import builtin_payment_settle
from tests.factories import make_order, make_user, make_variant

pytestmark = pytest.mark.django_db

ORDERS = "/admin/orders/order/"


@pytest.fixture
def brand_admin(client):
    user = make_user(is_staff=True, is_superuser=True)
    client.force_login(user)
    client.user = user
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English, as these tests read it
    return client


def paid_order():
    order = make_order(
        (make_variant(price=Decimal("3.90")), 2), (make_variant(price=Decimal("9.50")), 1)
    )
    builtin_payment_settle(order=order, approve=True)
    order.refresh_from_db()
    return order


def test_refund_in_full_from_the_orders_list(brand_admin):
    order = paid_order()

    response = brand_admin.post(
        ORDERS, {"action": "order_refund_whole", "_selected_action": [order.pk]}, follow=True
    )

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.REFUNDED
    refund = Refund.objects.get(order=order)
    assert (refund.amount, refund.created_by) == (order.total, brand_admin.user)
    assert f"{order.number}: {order.total} € refunded." in response.content.decode()


def test_refunding_an_unpaid_order_in_full_says_why_and_saves_nothing(brand_admin):
    order = make_order((make_variant(), 1))
    response = brand_admin.post(
        ORDERS, {"action": "order_refund_whole", "_selected_action": [order.pk]}, follow=True
    )
    assert "Only a paid order can be refunded." in response.content.decode()
    assert not Refund.objects.exists()


def test_refund_some_lines_through_the_form(brand_admin):
    order = paid_order()
    cheese = order.lines.get(unit_price=Decimal("3.90"))
    group = order.groups.get(pk=cheese.group_id)
    start = brand_admin.post(
        ORDERS, {"action": "order_refund_lines", "_selected_action": [order.pk]}
    )
    form_url = f"/admin/payments/refund/order/{order.pk}/"

    page = brand_admin.get(form_url)
    data = {f"line_{line.pk}": 0 for line in order.lines.all()}
    response = brand_admin.post(
        form_url, data | {f"line_{cheese.pk}": 1, f"shipping_{group.pk}": "on", "reason": "Broken"}
    )

    assert start["Location"] == form_url
    assert page.status_code == 200
    assert response.status_code == 302
    refund = Refund.objects.get(order=order)
    assert refund.amount == Decimal("3.90") + group.shipping_price
    assert refund.reason == "Broken"
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PARTIALLY_REFUNDED


def test_the_form_refuses_more_units_than_bought(brand_admin):
    order = paid_order()
    cheese = order.lines.get(unit_price=Decimal("3.90"))
    data = {f"line_{line.pk}": 0 for line in order.lines.all()} | {f"line_{cheese.pk}": 3}
    response = brand_admin.post(f"/admin/payments/refund/order/{order.pk}/", data)
    assert response.status_code == 400
    assert not Refund.objects.exists()


def test_staff_without_the_refund_permission_cannot_refund(client):
    order = paid_order()
    staff = make_user(is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="view_order"),
        Permission.objects.get(codename="change_order"),
    )
    client.force_login(staff)
    data = {f"line_{line.pk}": 1 for line in order.lines.all()}

    form = client.post(f"/admin/payments/refund/order/{order.pk}/", data)
    action = client.post(ORDERS, {"action": "order_refund_whole", "_selected_action": [order.pk]})

    assert form.status_code == 403
    assert action.status_code == 200  # the list, with "no action selected": the action is absent
    assert not Refund.objects.exists()
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
