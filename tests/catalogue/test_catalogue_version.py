"""The catalogue's version (catalogue.version_triggers): the database counts each committed
transaction that changes what pages show, once, whoever writes."""

import psycopg
import pytest
from django.db import connection, transaction

from catalogue.models import Category
from catalogue.selectors import catalogue_version
from tests.factories import make_category


def seen_by_another_connection() -> int:
    """The count as another connection reads it: only what is committed."""
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"],
        autocommit=True,
    ) as other:
        return other.execute("SELECT catalogue_version_now()").fetchone()[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transaction_counts_once_when_it_commits_and_not_when_it_rolls_back():
    before = seen_by_another_connection()

    with transaction.atomic():
        for index in range(3):
            make_category(name=f"Noix {index}", slug=f"noix-{index}")
        Category.objects.filter(slug="noix-0").update(position=4)
        assert seen_by_another_connection() == before
    assert seen_by_another_connection() == before + 1
    assert catalogue_version() == before + 1

    with pytest.raises(RuntimeError), transaction.atomic():
        Category.objects.filter(slug="noix-1").delete()
        raise RuntimeError("rolled back")
    assert seen_by_another_connection() == before + 1

    Category.objects.filter(slug="noix-1").delete()
    assert seen_by_another_connection() == before + 2


@pytest.mark.django_db
def test_inside_a_transaction_each_look_counts_the_writes_since_the_last():
    before = catalogue_version()
    make_category()
    make_category()
    assert catalogue_version() == before + 1
    assert catalogue_version() == before + 1
    make_category()
    assert catalogue_version() == before + 2
