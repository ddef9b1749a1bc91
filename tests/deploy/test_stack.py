"""`make stack` smoke test: the same Stack as `make stack`, on a database and queue of its own.

A shopper orders over HTTP (cart, checkout steps with their CSRF tokens, the test gateway); the
confirmation email is then written by the Celery worker process, under its own DATA_DIR and in a
log line carrying the id of the payment request, never by the web process. Without Redis the
test is skipped, except on CI (CI=true), where it fails.
"""

import json
import os
import re
import uuid
from collections.abc import Iterator
from email import message_from_bytes, policy
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg
import pytest
from psycopg import sql

from deploy.stack import Stack, StackConfig
from tests.deploy.processes import free_port
from tests.deploy.shopper import Shopper
from tests.workers import REDIS_URL, queue_forget, redis_require

SERVER_URL = os.environ.get("DATABASE_URL") or StackConfig.database_url


def database_url(name: str) -> str:
    return urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{name}"))


def database_drop(name: str) -> None:
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        server.execute(
            sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
        )


@pytest.fixture
def stack(tmp_path) -> Iterator[Stack]:
    redis_require()
    run = uuid.uuid4().hex[:10]
    database = f"ohmylot_smoke_{run}"
    config = StackConfig(
        database_url=database_url(database),
        redis_url=REDIS_URL,
        port=free_port(),
        run_dir=tmp_path / "stack",
        queue=f"ohmylot-smoke-{run}",
    )
    running = Stack(config)
    try:
        running.prepare()
        running.start()
        yield running
    finally:
        running.stop()
        database_drop(database)
        queue_forget(config.queue)


@pytest.mark.worker
def test_an_order_placed_over_http_is_confirmed_by_the_worker(stack):
    run_dir = stack.config.run_dir
    shopper = Shopper(stack.config.url)
    ready = shopper.get("/readyz")
    assert (ready.status, json.loads(ready.text)) == (
        200,
        {"status": "ok", "database": "up", "broker": "up"},
    )

    results = shopper.get("/en/search/?q=rocamadour")
    product = shopper.get(re.search(r'href="(/en/p/rocamadour-aop/)"', results.text)[1])
    # Uploads are served (SERVE_MEDIA): the product's photo is there.
    photo = re.search(r'src="(/media/[^"]+\.webp)"', product.text)[1]
    assert shopper.get(photo).status == 200
    cart = shopper.submit(product, product.form("/cart/add/"), quantity="2")
    assert "is in your cart" in cart.text
    details = shopper.get("/en/checkout/details/")
    review = shopper.submit(
        details,
        details.form(),
        email="emma.clarke@example.co.uk",
        shipping_first_name="Emma",
        shipping_last_name="Clarke",
        shipping_street_address_1="Lieu-dit Les Landes",
        shipping_postal_code="46500",
        shipping_city="Rocamadour",
        shipping_country="FR",
    )
    assert review.url.endswith("/en/checkout/review/"), review.text
    # From home, the tourist has the cheese sent chilled rather than picking it up at the farm.
    delivery = re.search(r'name="(delivery-\d+)" value="chilled"', review.text)[1]
    pay = shopper.submit(review, review.form(), action="place", **{delivery: "chilled"})
    assert "/en/checkout/pay/" in pay.url
    request_id = f"smoke-{uuid.uuid4().hex}"
    confirmed = shopper.submit(
        pay, pay.form("/submit/"), headers={"X-Request-ID": request_id}, outcome="approve"
    )
    number = re.search(r"Your order (\S+) is confirmed", confirmed.text)[1]

    [line] = stack.logs["worker"].wait_for(
        r"orders\.order_confirmation_send\[[^]]+\] succeeded", timeout=30
    )
    entry = json.loads(line)
    assert entry["request_id"] == request_id
    assert entry["message"].endswith(": True")
    [mail_file] = (run_dir / "worker" / "mail").iterdir()
    message = message_from_bytes(mail_file.read_bytes(), policy=policy.default)
    assert message["To"] == "emma.clarke@example.co.uk"
    assert message["Subject"] == f"Your order {number} at Oh my Lot !"
    # The web process sent nothing itself: the task went through Redis to the worker.
    assert not (run_dir / "web" / "mail").exists()

    started = [
        process
        for popen in stack.processes.values()
        for process in [psutil.Process(popen.pid), *psutil.Process(popen.pid).children(True)]
    ]
    assert len(started) >= 6  # gunicorn master and 2 workers, Celery worker and its child, beat
    stack.stop()
    assert [process.pid for process in started if process.is_running()] == []
