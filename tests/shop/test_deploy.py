"""The production web process: gunicorn with DEBUG=0 serves the shop."""

import http.client
import os
import secrets
import selectors
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_line(process: subprocess.Popen, marker: str, timeout: float) -> str:
    """Read the process's output until a line contains `marker`; fail after `timeout` seconds."""
    seen = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                break
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line)
            if marker in line:
                return line
    pytest.fail(f"{marker!r} never appeared:\n{''.join(seen)}")


def http_get(port: int, path: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_gunicorn_serves_the_shop_under_production_settings():
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "deploy/gunicorn.conf.py",
            "shop.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_line(process, "Booting worker", timeout=60)
        status, headers, body = http_get(port, "/healthz")
        assert (status, body) == (200, b'{"status": "ok", "database": "up"}')
        # Production redirects plain HTTP to HTTPS, except the health probe above.
        status, headers, _ = http_get(port, "/admin/login/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/admin/login/"
    finally:
        process.terminate()
        process.wait(timeout=30)
