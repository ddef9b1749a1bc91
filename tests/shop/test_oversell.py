"""Twenty shoppers press "Place order" at the same moment for the last five units."""

import pytest
from django.core.exceptions import ValidationError

from shop.checkout.complete import checkout_complete
from shop.orders.models import Order, OrderLine
from tests.concurrency import at_once
from tests.factories import make_ready_checkout, make_variant

BUYERS = 20
UNITS = 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_buyers_for_five_units_get_exactly_five_orders():
    variant = make_variant(stock_quantity=UNITS)
    checkouts = [make_ready_checkout((variant, 1)) for _ in range(BUYERS)]

    def buy(checkout) -> str:
        try:
            checkout_complete(checkout=checkout)
        except ValidationError as error:
            return error.error_dict["lines"][0].code
        return "ordered"

    outcomes = at_once(buy, checkouts)

    assert sorted(outcomes) == sorted(
        ["ordered"] * UNITS + ["INSUFFICIENT_STOCK"] * (BUYERS - UNITS)
    )
    variant.refresh_from_db()
    assert variant.stock_quantity == 0
    assert Order.objects.count() == UNITS
    assert sum(OrderLine.objects.values_list("quantity", flat=True)) == UNITS
