"""The brand team's promo codes in the admin: their uses, search by code, the rules on saving."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add
from shop.discounts.models import Voucher
from shop.orders.models import Order
from shop.payments.services import builtin_payment_settle
from tests.factories import make_ready_checkout, make_user, make_variant, make_voucher

pytestmark = pytest.mark.django_db

LIST = reverse("admin:discounts_voucher_changelist")
ADD = reverse("admin:discounts_voucher_add")


@pytest.fixture
def brand_admin(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def order_with(code: str, *, approve: bool) -> Order:
    checkout = make_ready_checkout((make_variant(), 1))
    checkout_voucher_add(checkout=checkout, code=code)
    order = checkout_complete(checkout=Checkout.objects.get(pk=checkout.pk))
    builtin_payment_settle(order=order, approve=approve)
    return order


def test_the_list_shows_each_code_s_uses_and_finds_a_code(brand_admin):
    make_voucher(code="ETE", usage_limit=100)
    make_voucher(code="HIVER")
    order_with("ete", approve=True)
    order_with("ete", approve=True)
    order_with("ete", approve=False)  # a refused payment is not a use

    listed = brand_admin.get(LIST, HTTP_ACCEPT_LANGUAGE="en")
    found = brand_admin.get(LIST, {"q": "ete"}, HTTP_ACCEPT_LANGUAGE="en")

    rows = {voucher.code: voucher.use_count for voucher in listed.context["cl"].result_list}
    assert rows == {"ETE": 2, "HIVER": 0}
    assert [voucher.code for voucher in found.context["cl"].result_list] == ["ETE"]
    assert '<td class="field-use_count">2</td>' in listed.content.decode()


def test_a_code_typed_in_lower_case_is_saved_in_capitals(brand_admin):
    response = brand_admin.post(
        ADD,
        {
            "code": "noel-24",
            "name": "Noël dans le Lot",
            "name_en": "Christmas in the Lot",
            "kind": "fixed",
            "value": "500",
            "minimum_subtotal": "2000",
            "valid_from_0": "2030-12-01",
            "valid_from_1": "00:00:00",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    voucher = Voucher.objects.get()
    assert (voucher.code, voucher.value, voucher.translations) == (
        "NOEL-24",
        500,
        {"en": {"name": "Christmas in the Lot"}},
    )


def test_a_value_that_does_not_fit_its_kind_is_refused_with_a_message(brand_admin):
    response = brand_admin.post(
        ADD,
        {
            "code": "TROP",
            "name": "Trop",
            "kind": "percentage",
            "value": "150",
            "minimum_subtotal": "0",
            "valid_from_0": "2030-12-01",
            "valid_from_1": "00:00:00",
            "valid_until_0": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "valid_until_1": "00:00:00",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "A percentage is 1 to 100, a fixed amount at least 1 cent, free delivery 0.",
        "The code must end after it starts.",
    ]
    assert not Voucher.objects.exists()


def test_an_order_shows_its_code_and_is_found_by_it(brand_admin):
    make_voucher(code="ETE")
    order = order_with("ete", approve=True)

    found = brand_admin.get(reverse("admin:orders_order_changelist"), {"q": "ETE"})
    page = brand_admin.get(reverse("admin:orders_order_change", args=[order.pk]))

    assert [row.pk for row in found.context["cl"].result_list] == [order.pk]
    assert page.status_code == 200
    assert "ETE" in page.content.decode()
