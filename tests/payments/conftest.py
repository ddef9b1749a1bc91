"""Stripe tests run against localstripe (a fake Stripe server from PyPI), started once per session
on a free 127.0.0.1 port behind a small recording proxy, so tests can read the headers the shop
sent (the idempotency keys)."""

import importlib.util
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.payments.stripe_helpers import WEBHOOK_SECRET

LAUNCH = (
    "import sys; from aiohttp import web; from localstripe.server import app; "
    "web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]))"
)
START_SECONDS = 30


@dataclass
class SentRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: str


@dataclass
class StripeServer:
    url: str
    sent: list[SentRequest] = field(default_factory=list)

    def posts(self, path: str) -> list[SentRequest]:
        return [r for r in self.sent if r.method == "POST" and r.path.startswith(path)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_banner(process: subprocess.Popen, port: int) -> None:
    """aiohttp prints its "Running on" line once it listens."""
    deadline = time.monotonic() + START_SECONDS
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    output = []
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        if f"127.0.0.1:{port}" in line:
            return
    process.kill()
    pytest.fail("localstripe did not start:\n" + "".join(output))


def _proxy(target: str, server: StripeServer) -> ThreadingHTTPServer:
    class Forward(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            server.sent.append(
                SentRequest(self.command, self.path, dict(self.headers), (body or b"").decode())
            )
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            request = urllib.request.Request(
                target + self.path, data=body, headers=headers, method=self.command
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    status, payload = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, payload = error.code, error.read()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_DELETE = _forward

        def log_message(self, *args) -> None:
            return

    return ThreadingHTTPServer(("127.0.0.1", 0), Forward)


@pytest.fixture(scope="session")
def stripe_server():
    if importlib.util.find_spec("localstripe") is None:
        reason = "localstripe is not installed (make test installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the Stripe tests")
        pytest.skip(reason)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-u", "-c", LAUNCH, str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    _wait_for_banner(process, port)
    # The server's access log must not fill the pipe and block it.
    drain = threading.Thread(target=process.stdout.read, daemon=True)
    drain.start()
    server = StripeServer(url="")
    proxy = _proxy(f"http://127.0.0.1:{port}", server)
    server.url = f"http://127.0.0.1:{proxy.server_address[1]}"
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    yield server
    proxy.shutdown()
    proxy.server_close()
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def stripe_on(settings, stripe_server) -> StripeServer:
    """The shop configured for Stripe, talking to localstripe."""
    settings.STRIPE_SECRET_KEY = "sk_test_ohmylot"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ohmylot"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = stripe_server.url
    stripe_server.sent.clear()
    return stripe_server


@pytest.fixture(params=["test-gateway", "stripe"])
def active_gateway_id(request, settings) -> str:
    """The active gateway's ID: the test gateway, or Stripe once its keys are set (no Stripe
    server: for payments that never reach it)."""
    if request.param == "stripe":
        settings.STRIPE_SECRET_KEY = "sk_test_shop"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_shop"
        return "ohmylot.payments.stripe"
    return "ohmylot.payments.test"


@pytest.fixture
def webhook_secret(settings) -> str:
    """Only the webhook secret: events are made by the test, no Stripe server is needed."""
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return WEBHOOK_SECRET
