"""The catalogue's version (catalogue.version_triggers): the database counts each committed
transaction that changes what pages show, once in each of its two counts, whoever writes; a
variant's stock running out or coming back counts in the full count alone."""

from decimal import Decimal

import psycopg
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalogue.models import Category, ClaimStatus, LabelClaim, Product, ProductVariant
from catalogue.selectors import CatalogueVersions, catalogue_versions
from tests.factories import make_category, make_claim, make_variant


def seen_by_another_connection(sql: str = "SELECT * FROM catalogue_versions_now()") -> tuple:
    """What another connection reads: only what is committed."""
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"],
        autocommit=True,
    ) as other:
        return other.execute(sql).fetchone()


def counted(before: CatalogueVersions, *, full: int, content: int) -> CatalogueVersions:
    return CatalogueVersions(full=before.full + full, content=before.content + content)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transaction_counts_once_when_it_commits_and_not_when_it_rolls_back():
    before = CatalogueVersions(*seen_by_another_connection())

    with transaction.atomic():
        for index in range(3):
            make_category(name=f"Noix {index}", slug=f"noix-{index}")
        Category.objects.filter(slug="noix-0").update(position=4)
        assert seen_by_another_connection() == (before.full, before.content)
    once = counted(before, full=1, content=1)
    assert seen_by_another_connection() == (once.full, once.content)
    assert catalogue_versions() == once

    with pytest.raises(RuntimeError), transaction.atomic():
        Category.objects.filter(slug="noix-1").delete()
        raise RuntimeError("rolled back")
    assert seen_by_another_connection() == (once.full, once.content)

    Category.objects.filter(slug="noix-1").delete()
    assert seen_by_another_connection() == (before.full + 2, before.content + 2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sell_out_committed_counts_in_the_full_count_alone_and_the_old_reader_sees_it():
    variant = make_variant(stock_quantity=1)
    before = catalogue_versions()

    ProductVariant.objects.filter(pk=variant.pk).update(stock_quantity=0)

    assert seen_by_another_connection() == (before.full + 1, before.content)
    # The code of the release before two counts reads the full count while a deploy replaces it.
    assert seen_by_another_connection("SELECT catalogue_version_now()") == (before.full + 1,)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_the_committed_counts_are_read_as_they_are():
    make_category(name="Noix", slug="noix")  # committed: its counting is done

    with CaptureQueriesContext(connection) as queries:
        versions = catalogue_versions()

    assert (versions.full, versions.content) == seen_by_another_connection()
    # no counting left to run: the row alone, not the function that runs it first
    assert ["catalogue_versions_now" in query["sql"] for query in queries] == [False]


@pytest.mark.django_db
def test_inside_a_transaction_each_look_counts_the_writes_since_the_last():
    before = catalogue_versions()
    make_category()
    make_category()
    assert catalogue_versions() == counted(before, full=1, content=1)
    assert catalogue_versions() == counted(before, full=1, content=1)
    make_category()
    assert catalogue_versions() == counted(before, full=2, content=2)


@pytest.mark.django_db
def test_a_price_a_name_and_a_claim_count_in_both_counts():
    variant = make_variant(stock_quantity=4)
    claim = make_claim(product=variant.product, status=ClaimStatus.PENDING)
    before = catalogue_versions()

    ProductVariant.objects.filter(pk=variant.pk).update(price=Decimal("4.20"))
    assert catalogue_versions() == counted(before, full=1, content=1)
    Product.objects.filter(pk=variant.product_id).update(name="Cabécou fermier")
    assert catalogue_versions() == counted(before, full=2, content=2)
    LabelClaim.objects.filter(pk=claim.pk).update(status=ClaimStatus.APPROVED)
    assert catalogue_versions() == counted(before, full=3, content=3)


@pytest.mark.django_db
def test_a_stock_crossing_zero_counts_in_the_full_count_alone():
    variant = make_variant(stock_quantity=10)
    stock = ProductVariant.objects.filter(pk=variant.pk)
    before = catalogue_versions()

    stock.update(stock_quantity=3)
    assert catalogue_versions() == before
    stock.update(stock_quantity=0)
    assert catalogue_versions() == counted(before, full=1, content=0)
    stock.update(stock_quantity=0)
    assert catalogue_versions() == counted(before, full=1, content=0)
    stock.update(stock_quantity=5)
    assert catalogue_versions() == counted(before, full=2, content=0)
    stock.update(weight_grams=40)
    assert catalogue_versions() == counted(before, full=3, content=1)


@pytest.mark.django_db
@pytest.mark.parametrize("stock_first", [True, False])
def test_a_sell_out_and_a_price_in_one_transaction_count_once_in_each(stock_first):
    variant = make_variant(stock_quantity=2)
    stock = ProductVariant.objects.filter(pk=variant.pk)
    before = catalogue_versions()

    writes = [lambda: stock.update(stock_quantity=0), lambda: stock.update(price=Decimal("5"))]
    for write in writes if stock_first else reversed(writes):
        write()

    assert catalogue_versions() == counted(before, full=1, content=1)
