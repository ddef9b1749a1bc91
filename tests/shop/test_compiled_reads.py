import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext

from catalogue.models import ProductVariant, ReviewStatus
from catalogue.selectors import products_for_sale, today
from shop.checkout.models import CheckoutLine
from shop.compiled_reads import CompiledRead, CompiledReadError, Placeholder, among
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
    in_ten_days = today() + timedelta(days=10)
    checkout = make_ready_checkout((variant, 1))
    day_read = CompiledRead(
        lambda checkout_id, day: CheckoutLine.objects.filter(
            checkout_id=checkout_id, created_at__date__lte=day
        ),
        checkout_id=Placeholder.integer,
        day=Placeholder.day,
    )

    assert len(day_read.all(checkout_id=checkout.pk, day=in_ten_days)) == 1
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
        lambda checkout_id: CheckoutLine.objects.filter(checkout_id=checkout_id).prefetch_related(
            "checkout__deliveries"
        ),
    ],
    ids=["sliced", "locking", "prefetching"],
)
def test_slicing_locking_and_prefetching_reads_are_refused(build):
    with pytest.raises(CompiledReadError):
        CompiledRead(build, checkout_id=Placeholder.integer).all(checkout_id=1)


def test_a_value_derived_from_a_placeholder_is_refused():
    # It would be fixed at the first build: the day after the first call's day, for ever.
    derived = CompiledRead(
        lambda day: CheckoutLine.objects.filter(
            created_at__date__gte=day, created_at__date__lt=day + timedelta(days=1)
        ),
        day=Placeholder.day,
    )

    with pytest.raises(CompiledReadError, match="derived"):
        derived.all(day=today())


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


VARIANTS_OF = CompiledRead(
    lambda keys: (
        ProductVariant.objects.filter(among(ProductVariant, "product", keys))
        .select_related("product")
        .order_by("sku")
    ),
    keys=Placeholder.keys,
)


def test_a_read_among_keys_runs_one_statement_for_any_number_of_them():
    variants = [make_variant(sku=f"SKU-{letter}") for letter in "ABC"]
    products = [variant.product_id for variant in variants]

    with CaptureQueriesContext(connection) as queries:
        two = VARIANTS_OF.all(keys=products[:2])
        three = VARIANTS_OF.all(keys=products)
        none = VARIANTS_OF.all(keys=[])

    assert [(variant.sku, variant.product.pk) for variant in two] == [
        ("SKU-A", products[0]),
        ("SKU-B", products[1]),
    ]
    assert [variant.sku for variant in three] == ["SKU-A", "SKU-B", "SKU-C"]
    assert none == []
    assert len({query["sql"].split("ANY")[0] for query in queries.captured_queries}) == 1


def test_a_read_run_within_another_statement_makes_its_rows_as_the_queryset_does():
    variant = make_variant(sku="SKU-W")
    sql, params = VARIANTS_OF.statement(keys=[variant.product_id])

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT inner_read.* FROM ({sql}) AS inner_read", params)
        rows = cursor.fetchall()
    made = VARIANTS_OF.of_rows(rows)

    assert [(item.pk, item.sku, item.price, item.product.name) for item in made] == [
        (variant.pk, "SKU-W", variant.price, variant.product.name)
    ]
