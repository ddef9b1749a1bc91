import threading
from datetime import timedelta

import pytest
from django.db.models import Exists, OuterRef

from catalogue.models import ReviewStatus
from catalogue.selectors import products_for_sale, today
from shop.checkout.models import CheckoutLine
from shop.compiled_reads import CompiledRead, CompiledReadError, Placeholder
from tests.factories import make_ready_checkout, make_variant

pytestmark = pytest.mark.django_db


def _lines_built(checkout_id, day):
    return (
        CheckoutLine.objects.filter(checkout_id=checkout_id)
        .select_related("variant__product__seller")
        .annotate(
            for_sale=Exists(products_for_sale(on=day).filter(pk=OuterRef("variant__product_id")))
        )
    )


LINES = CompiledRead(_lines_built, checkout_id=Placeholder.integer, day=Placeholder.day)


def _rows(lines):
    return [
        (line.pk, line.variant.sku, line.variant.product.seller.name, line.for_sale)
        for line in lines
    ]


def test_a_compiled_read_gives_what_its_queryset_gives_for_each_set_of_values(
    django_assert_num_queries,
):
    withdrawn = make_variant()
    first = make_ready_checkout((make_variant(), 1), (withdrawn, 2))
    second = make_ready_checkout((make_variant(), 3))
    withdrawn.product.review_status = ReviewStatus.SUSPENDED  # after it went into the cart
    withdrawn.product.save()

    for checkout in (first, second):
        with django_assert_num_queries(1):  # related objects and the annotation come with it
            compiled = _rows(LINES.all(checkout_id=checkout.pk, day=today()))
        assert compiled == _rows(_lines_built(checkout.pk, today()))
    assert [row[3] for row in _rows(LINES.all(checkout_id=first.pk, day=today()))] == [True, False]
    assert LINES.all(checkout_id=0, day=today()) == []


def test_each_value_reaches_its_place_every_time():
    variant = make_variant()
    claimed_until = today() + timedelta(days=10)
    checkout = make_ready_checkout((variant, 1))
    day_read = CompiledRead(
        lambda checkout_id, day: CheckoutLine.objects.filter(
            checkout_id=checkout_id, created_at__date__lte=day
        ),
        checkout_id=Placeholder.integer,
        day=Placeholder.day,
    )

    assert len(day_read.all(checkout_id=checkout.pk, day=claimed_until)) == 1
    assert day_read.all(checkout_id=checkout.pk, day=today() - timedelta(days=1)) == []


def test_a_placeholder_the_query_does_not_use_is_refused():
    ignored = CompiledRead(
        lambda checkout_id: CheckoutLine.objects.filter(quantity__gt=0),
        checkout_id=Placeholder.integer,
    )

    with pytest.raises(CompiledReadError, match="checkout_id"):
        ignored.all(checkout_id=1)


@pytest.mark.parametrize(
    "build",
    [
        lambda checkout_id: CheckoutLine.objects.filter(checkout_id=checkout_id)[:1],
        lambda checkout_id: CheckoutLine.objects.select_for_update().filter(
            checkout_id=checkout_id
        ),
    ],
    ids=["sliced", "locking"],
)
def test_slicing_and_locking_reads_are_refused(build):
    with pytest.raises(CompiledReadError):
        CompiledRead(build, checkout_id=Placeholder.integer).all(checkout_id=1)


def test_every_placeholder_needs_a_value():
    with pytest.raises(TypeError, match="day"):
        LINES.all(checkout_id=1)


def test_another_thread_runs_the_read_on_its_own_connection():
    LINES.all(checkout_id=0, day=today())  # compiled on this thread's connection
    answers = []

    def read() -> None:
        try:
            answers.append(LINES.all(checkout_id=0, day=today()))
        finally:
            from django.db import connection

            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()

    assert answers == [[]]
