"""/readyz, request ids and JSON log lines."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shop.json_logging import JsonFormatter
from shop.request_id import RequestIdFilter, current_request_id

ROOT = Path(__file__).resolve().parents[2]


def readyz_in_a_process(**env: str) -> str:
    """GET /readyz in a fresh process with this environment: "<status> <body>"."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/readyz');"
        "print(r.status_code, r.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.django_db
def test_readyz_is_ready_with_tasks_inline(client):
    response = client.get("/readyz")
    assert (response.status_code, response.json()) == (
        200,
        {"status": "ok", "database": "up", "broker": "inline"},
    )
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/readyz").status_code == 405


def test_readyz_is_not_ready_while_the_broker_is_down():
    # A broker on a closed port: the real failure, not a simulated one.
    assert readyz_in_a_process(CELERY_BROKER_URL="redis://127.0.0.1:1/0") == (
        '503 {"status": "unavailable", "database": "up", "broker": "down"}'
    )


def test_readyz_is_not_ready_while_the_database_is_down():
    status = readyz_in_a_process(DATABASE_URL="postgres://postgres@127.0.0.1:1/ohmylot")
    assert status == '503 {"status": "unavailable", "database": "down", "broker": "inline"}'


@pytest.mark.django_db
def test_a_sane_request_id_from_the_proxy_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "3f2b9c1e-ingress.42"})
    assert response["X-Request-ID"] == "3f2b9c1e-ingress.42"


@pytest.mark.django_db
@pytest.mark.parametrize("incoming", ["", "short", "two words here", "x" * 129, "id\nforged"])
def test_a_missing_or_odd_request_id_is_replaced_by_a_new_one(client, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert len(response["X-Request-ID"]) == 32
    assert response["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


def test_a_log_line_is_one_json_object_with_the_request_id_and_extras():
    record = logging.LogRecord("shop.test", logging.ERROR, __file__, 1, "paid %s", ("ORD-1",), None)
    record.status = 200
    token = current_request_id.set("req-12345678")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    try:
        raise ValueError("gateway refused")
    except ValueError:
        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert entry.pop("time").endswith("+00:00")
    assert entry.pop("exception").endswith("ValueError: gateway refused")
    assert entry == {
        "level": "ERROR",
        "logger": "shop.test",
        "message": "paid ORD-1",
        "request_id": "req-12345678",
        "status": 200,
    }
