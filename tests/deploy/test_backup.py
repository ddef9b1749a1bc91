"""deploy/backup.sh and deploy/restore.sh: a dump restored into a fresh database has the orders."""

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql
from psycopg.conninfo import make_conninfo

from shop.checkout.complete import checkout_complete
from shop.embedded_db import embedded_client_bin
from tests.factories import make_ready_checkout, make_variant

ROOT = Path(__file__).resolve().parents[2]


def conninfo(dbname: str) -> str:
    """A libpq connection string to `dbname` on the server the tests use."""
    database = connection.settings_dict
    params = {
        "dbname": dbname,
        "host": database["HOST"],
        "port": database["PORT"],
        "user": database["USER"],
        "password": database["PASSWORD"],
    }
    return make_conninfo(**{key: str(value) for key, value in params.items() if value})


def client_environment() -> dict[str, str]:
    """On the embedded server (no DATABASE_URL), its own client tools: the system's pg_dump may be
    older than the server, and pg_dump refuses a newer server."""
    if os.environ.get("DATABASE_URL"):
        return dict(os.environ)
    return {**os.environ, "PG_BIN": str(embedded_client_bin())}


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """An empty database of its own, dropped afterwards."""
    name = f"ohmylot_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(conninfo("postgres"), autocommit=True) as server:
        server.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with psycopg.connect(conninfo("postgres"), autocommit=True) as server:
            server.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
            )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dump_restored_into_a_fresh_database_has_the_orders(fresh_database, tmp_path):
    orders = [
        checkout_complete(checkout=make_ready_checkout((make_variant(), quantity)))
        for quantity in (1, 3)
    ]
    dump = tmp_path / "shop.dump"

    backup = subprocess.run(
        ["bash", "deploy/backup.sh", conninfo(connection.settings_dict["NAME"]), str(dump)],
        cwd=ROOT, env=client_environment(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.strip() == str(dump)
    restore = subprocess.run(
        ["bash", "deploy/restore.sh", str(dump), conninfo(fresh_database)],
        cwd=ROOT, env=client_environment(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert restore.returncode == 0, restore.stderr

    with psycopg.connect(conninfo(fresh_database)) as restored:
        rows = restored.execute(
            "select o.token, o.email, o.total, sum(l.quantity) from orders_order o"
            " join orders_orderline l on l.order_id = o.id group by o.id order by o.id"
        ).fetchall()
    assert rows == [
        (order.token, order.email, order.total, quantity)
        for order, quantity in zip(orders, (1, 3), strict=True)
    ]
