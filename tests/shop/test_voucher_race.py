"""Shoppers press "Place order" at the same moment with a promo code of limited uses."""

import pytest
from django.core.exceptions import ValidationError

from shop.checkout.complete import checkout_complete
from shop.checkout.services import checkout_voucher_add
from shop.orders.models import Order
from tests.concurrency import at_once
from tests.factories import make_ready_checkout, make_variant, make_voucher

BUYERS = 10


def _race(checkouts) -> list[str]:
    """Every checkout placed at once; their outcomes."""

    def buy(checkout) -> str:
        try:
            checkout_complete(checkout=checkout)
        except ValidationError as error:
            return error.error_dict["promo_code"][0].code
        return "ordered"

    return at_once(buy, checkouts)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_buyers_for_a_code_of_three_uses_get_exactly_three_discounts():
    variant = make_variant(stock_quantity=BUYERS)
    voucher = make_voucher(code="TROIS", usage_limit=3)
    checkouts = [
        make_ready_checkout((variant, 1), email=f"buyer{n}@example.org") for n in range(BUYERS)
    ]
    for checkout in checkouts:
        checkout_voucher_add(checkout=checkout, code="trois")

    outcomes = _race(checkouts)

    assert sorted(outcomes) == sorted(
        ["ordered"] * 3 + ["VOUCHER_USAGE_LIMIT_REACHED"] * (BUYERS - 3)
    )
    assert Order.objects.filter(voucher=voucher).count() == 3
    assert Order.objects.count() == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_email_racing_with_a_once_per_customer_code_gets_one_discount():
    variant = make_variant(stock_quantity=BUYERS)
    voucher = make_voucher(code="PERSO", once_per_email=True)
    checkouts = [make_ready_checkout((variant, 1), email="emma@example.org") for _ in range(5)]
    for checkout in checkouts:
        checkout_voucher_add(checkout=checkout, code="perso")

    outcomes = _race(checkouts)

    assert sorted(outcomes) == sorted(["ordered"] + ["VOUCHER_ALREADY_USED"] * 4)
    assert Order.objects.filter(voucher=voucher).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_wrong_codes_sent_at_once_get_no_more_than_ten_checked():
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))

    def try_code(number: int) -> str:
        with pytest.raises(ValidationError) as error:
            checkout_voucher_add(
                checkout=checkout, code=f"FAUX{number}", visitor=["ip:203.0.113.9"]
            )
        return error.value.error_dict["promo_code"][0].code

    outcomes = at_once(try_code, range(30))

    assert sorted(outcomes) == ["VOUCHER_NOT_FOUND"] * 10 + ["VOUCHER_TOO_MANY_ATTEMPTS"] * 20
