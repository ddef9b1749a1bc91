import pytest

from shop.shipping.selectors import delivery_options
from tests.factories import make_producer

pytestmark = pytest.mark.django_db


def methods(producer, *, has_chilled: bool) -> list[str]:
    options = delivery_options(
        seller=producer.seller, weight_grams=500, has_chilled=has_chilled, country="FR"
    )
    return [option.method for option in options]


def test_a_producer_sends_parcels_only_by_the_services_it_offers():
    both = make_producer(shipping_methods=["standard", "chilled"])
    standard_only = make_producer(shipping_methods=["standard"], pickup_place="La ferme")
    none = make_producer(shipping_methods=[])

    assert (methods(both, has_chilled=False), methods(both, has_chilled=True)) == (
        ["standard"],
        ["chilled"],
    )
    assert methods(standard_only, has_chilled=False) == ["pickup", "standard"]
    assert methods(standard_only, has_chilled=True) == ["pickup"]
    assert methods(none, has_chilled=False) == []
