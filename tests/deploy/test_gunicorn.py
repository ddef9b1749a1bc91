"""The production web process: gunicorn with DEBUG=0 serves the shop and logs JSON lines."""

import http.client
import json
import os
import secrets
import sys
from pathlib import Path

from tests.deploy.processes import free_port, spawn, stop

ROOT = Path(__file__).resolve().parents[2]


def http_get(
    port: int, path: str, headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_gunicorn_serves_the_shop_under_production_settings(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("LOG_FORMAT", None)
    command = ["gunicorn", "--config", "deploy/gunicorn.conf.py", "shop.wsgi:application"]
    web = spawn("web", [sys.executable, "-m", *command], tmp_path, cwd=ROOT, env=env)
    try:
        web.wait_for("Booting worker", timeout=60)
        status, headers, body = http_get(port, "/healthz", {"X-Request-ID": "probe-0001"})
        assert (status, body) == (200, b'{"status": "ok", "database": "up"}')
        assert headers["X-Request-ID"] == "probe-0001"
        status, _, body = http_get(port, "/readyz")
        assert (status, body) == (200, b'{"status": "ok", "database": "up", "broker": "inline"}')
        # Production redirects plain HTTP to HTTPS, except the probes above.
        status, headers, _ = http_get(port, "/admin/login/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/admin/login/"
        [line] = web.wait_for(r'"path": "/healthz"', timeout=30)
    finally:
        stop(web)
    entry = json.loads(line)
    assert {key: entry[key] for key in ("level", "logger", "request_id", "status")} == {
        "level": "INFO",
        "logger": "shop.request",
        "request_id": "probe-0001",
        "status": 200,
    }
