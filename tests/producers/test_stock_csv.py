from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from catalogue.models import ProductVariant, ReviewStatus
from producers.services.stock_csv import stock_csv_apply, stock_csv_preview
from tests.factories import make_listed_product, make_member, make_producer, make_variant

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf():
    """A producer's owner and two variants of its, and a variant of another producer."""
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    goat = make_variant(product=product, sku="ROC-1", price=Decimal("3.90"), stock_quantity=10)
    pack = make_variant(product=product, sku="ROC-6", price=Decimal("21.00"), stock_quantity=4)
    _other, _owner, other_product = make_listed_product()
    foreign = make_variant(product=other_product, sku="NOIX-1", stock_quantity=7)
    return producer, owner, goat, pack, foreign


def stock_of(*variants: ProductVariant) -> list[tuple[str, Decimal, int]]:
    """(sku, price, stock) of each variant as the database holds it now."""
    fresh = ProductVariant.objects.in_bulk([variant.pk for variant in variants])
    return [(fresh[v.pk].sku, fresh[v.pk].price, fresh[v.pk].stock_quantity) for v in variants]


def test_the_preview_shows_each_change_and_changes_nothing(shelf):
    producer, owner, goat, pack, _foreign = shelf
    content = "sku;prix;stock\nROC-1;4,20;12\nROC-6;;0\n".encode("cp1252")

    preview = stock_csv_preview(user=owner, producer=producer, content=content)

    assert preview.is_valid
    assert [(line.sku, line.price, line.stock, line.current_stock) for line in preview.lines] == [
        ("ROC-1", Decimal("4.20"), 12, 10),
        ("ROC-6", None, 0, 4),
    ]
    assert stock_of(goat, pack) == [("ROC-1", Decimal("3.90"), 10), ("ROC-6", Decimal("21.00"), 4)]


def test_a_valid_file_is_applied_whole(shelf):
    producer, owner, goat, pack, _foreign = shelf

    count = stock_csv_apply(
        user=owner, producer=producer, content=b"sku,price,stock\nROC-1,4.20,12\nROC-6,,0\n"
    )

    assert count == 2
    assert stock_of(goat, pack) == [("ROC-1", Decimal("4.20"), 12), ("ROC-6", Decimal("21.00"), 0)]


@translation.override("en")
def test_one_wrong_line_and_nothing_is_applied(shelf):
    producer, owner, goat, pack, foreign = shelf
    content = (
        b"sku,price,stock\n"
        b"ROC-1,4.20,12\n"
        b"ROC-6,abc,-3\n"
        b"NOIX-1,1.00,0\n"
        b"ROC-1,5.00,1\n"
        b"INCONNU,2.00,1\n"
    )

    preview = stock_csv_preview(user=owner, producer=producer, content=content)
    with pytest.raises(ValidationError) as error:
        stock_csv_apply(user=owner, producer=producer, content=content)

    assert [(line.number, len(line.errors)) for line in preview.lines] == [
        (2, 0),
        (3, 2),
        (4, 1),
        (5, 1),
        (6, 1),
    ]
    assert preview.lines[2].errors == ["No product of yours has the SKU “NOIX-1”."]
    assert error.value.messages[0] == "Line 3: The price “abc” is not a positive amount."
    assert len(error.value.messages) == 5
    assert stock_of(goat, pack, foreign) == [
        ("ROC-1", Decimal("3.90"), 10),
        ("ROC-6", Decimal("21.00"), 4),
        ("NOIX-1", Decimal("3.90"), 7),
    ]


@translation.override("en")
def test_a_file_without_the_header_is_refused(shelf):
    producer, owner, goat, _pack, _foreign = shelf

    preview = stock_csv_preview(user=owner, producer=producer, content=b"ROC-1,4.20,12\n")

    assert not preview.is_valid
    assert preview.errors == [
        "The first line must name the columns: sku, and price or stock (or both)."
    ]
    with pytest.raises(ValidationError):
        stock_csv_apply(user=owner, producer=producer, content=b"ROC-1,4.20,12\n")
    assert stock_of(goat) == [("ROC-1", Decimal("3.90"), 10)]


def test_another_producer_cannot_update_the_stock(shelf):
    producer, _owner, goat, _pack, _foreign = shelf
    intruder = make_member(producer=make_producer())

    with pytest.raises(PermissionDenied):
        stock_csv_apply(user=intruder, producer=producer, content=b"sku,stock\nROC-1,0\n")

    assert stock_of(goat) == [("ROC-1", Decimal("3.90"), 10)]
