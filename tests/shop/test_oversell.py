"""Twenty shoppers press "Place order" at the same moment for the last five units."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from shop.checkout.complete import checkout_complete
from shop.orders.models import Order, OrderLine
from tests.factories import make_ready_checkout, make_variant

BUYERS = 20
UNITS = 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_buyers_for_five_units_get_exactly_five_orders():
    variant = make_variant(stock_quantity=UNITS)
    checkouts = [make_ready_checkout((variant, 1)) for _ in range(BUYERS)]
    start = threading.Barrier(BUYERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def buy(checkout) -> None:
        try:
            start.wait(timeout=30)
            checkout_complete(checkout=checkout)
            outcome = "ordered"
        except ValidationError as error:
            outcome = error.error_dict["lines"][0].code
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=buy, args=(checkout,)) for checkout in checkouts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == sorted(
        ["ordered"] * UNITS + ["INSUFFICIENT_STOCK"] * (BUYERS - UNITS)
    )
    variant.refresh_from_db()
    assert variant.stock_quantity == 0
    assert Order.objects.count() == UNITS
    assert sum(OrderLine.objects.values_list("quantity", flat=True)) == UNITS
