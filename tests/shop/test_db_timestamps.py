from datetime import UTC, datetime

import pytest
from django.db import DataError, connection
from psycopg.postgres import types
from psycopg.pq import Format

from shop.db_timestamps import UtcTimestampLoader
from tests.factories import make_variant

pytestmark = pytest.mark.django_db


def _read(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def test_connections_read_their_timestamps_with_the_iso_loader():
    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(types["timestamptz"].oid, Format.TEXT)

    assert loader is UtcTimestampLoader


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25 01:55:35.123456+00", datetime(2026, 11, 25, 1, 55, 35, 123456, tzinfo=UTC)),
        ("2026-11-25 01:55:35.1+00", datetime(2026, 11, 25, 1, 55, 35, 100000, tzinfo=UTC)),
        ("2026-11-25 01:55:35+00", datetime(2026, 11, 25, 1, 55, 35, tzinfo=UTC)),
        # another zone's time, as PostgreSQL writes it in UTC
        ("2026-07-14 09:30:00+02", datetime(2026, 7, 14, 7, 30, tzinfo=UTC)),
        ("0099-01-01 00:00:00+00", datetime(99, 1, 1, tzinfo=UTC)),
        ("9999-12-31 23:59:59.999999+00", datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ],
)
def test_a_timestamp_is_read_as_the_same_moment_in_utc(text, expected):
    moment = _read(f"SELECT '{text}'::timestamptz")

    assert moment == expected
    assert moment.tzinfo is UTC


def test_a_moment_written_by_the_orm_reads_back_equal():
    variant = make_variant()
    product = type(variant.product).objects.get(pk=variant.product.pk)

    assert product.created_at == variant.product.created_at
    assert product.created_at.tzinfo is UTC


def test_text_the_iso_reader_refuses_goes_through_psycopg_with_its_errors():
    with pytest.raises(DataError, match="before year 1"):
        _read("SELECT '0099-01-01 00:00:00+00 BC'::timestamptz")
    with pytest.raises(DataError, match="after year 10K"):
        _read("SELECT '10000-01-01 00:00:00+00'::timestamptz")
