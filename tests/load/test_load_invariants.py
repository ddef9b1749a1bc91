"""A small load against the real stack: shoppers browse, buy and race for the last units, then
the invariants hold exactly: no 5xx, no stock oversold or lost, every order's payment state fits
its status, and the worker sends each paid order's confirmation once.

The stack (deploy/stack.py: two gunicorn workers, a Celery worker and beat, DEBUG=0) is the smoke
test's fixture (tests/load/conftest.py): a database and queue of its own. Without Redis the test
is skipped, except on CI (CI=true), where it fails.
"""

import random
import threading
import time
from collections import Counter

import psycopg
import pytest

from bench.load_invariants import (
    CONFIRMATION_DONE,
    Invariants,
    PlacedOrder,
    confirmations_sent,
    invariants_check,
    orders_last_id,
    orders_placed,
    stock_of,
)
from bench.load_shoppers import (
    BrowsePaths,
    CheckoutOutcome,
    CheckoutPlan,
    CheckoutResult,
    Recorder,
    browse,
    checkout,
    threads_run,
)

LANGUAGE = "en"
SHOPPERS = 4
PAGES_BROWSED = 10  # per shopper
CHECKOUTS = 24  # of the plentiful product, shared among the shoppers
DECLINE_EVERY = 6  # every sixth payment is declined
DECLINED = CHECKOUTS // DECLINE_EVERY
PLENTY = "cerneaux-de-noix-du-perigord-aop"  # a demo product
PLENTY_STOCK = 100
RACE = "truffe-noire-fraiche-50-g"  # a demo product with little stock
RACE_STOCK = 3
RACERS = 6
STEP_TIMEOUT_SECONDS = 120  # a bound on each batch of threads, never a measure


def variant_with_stock(url: str, product_slug: str, stock: int) -> tuple[int, str, str]:
    """Set the stock of the product's first variant; (variant id, category slug, seller slug)."""
    with psycopg.connect(url) as connection:
        variant, category, seller = connection.execute(
            "SELECT variant.id, category.slug, seller.slug FROM catalogue_productvariant variant"
            " JOIN catalogue_product product ON product.id = variant.product_id"
            " JOIN catalogue_category category ON category.id = product.category_id"
            " JOIN catalogue_seller seller ON seller.id = product.seller_id"
            " WHERE product.slug = %s ORDER BY variant.position, variant.id LIMIT 1",
            [product_slug],
        ).fetchone()
        connection.execute(
            "UPDATE catalogue_productvariant SET stock_quantity = %s WHERE id = %s",
            [stock, variant],
        )
    return variant, category, seller


@pytest.mark.worker
def test_a_small_load_keeps_every_order_stock_unit_and_email(stack):
    url = stack.config.database_url
    base = stack.config.url
    plenty, category, seller = variant_with_stock(url, PLENTY, PLENTY_STOCK)
    race, _category, _seller = variant_with_stock(url, RACE, RACE_STOCK)
    after_id = orders_last_id(url)
    recorder = Recorder()
    paths = BrowsePaths(
        home=f"/{LANGUAGE}/",
        categories=[
            f"/{LANGUAGE}/c/{category}/",
            f"/{LANGUAGE}/c/{category}/?sort=price_asc&page=2",
            f"/{LANGUAGE}/c/{category}/?producer={seller}&in_stock=on",
        ],
        products=[f"/{LANGUAGE}/p/{PLENTY}/", f"/{LANGUAGE}/p/{RACE}/"],
        producers=[f"/{LANGUAGE}/producers/{seller}/"],
        searches=[f"/{LANGUAGE}/search/?q=noix", f"/{LANGUAGE}/search/?q=truffe"],
    )
    threads_run(
        SHOPPERS,
        lambda index: browse(
            base_url=base,
            paths=paths,
            recorder=recorder,
            rng=random.Random(index),
            until=time.monotonic() + STEP_TIMEOUT_SECONDS,
            most=PAGES_BROWSED,
        ),
        timeout=STEP_TIMEOUT_SECONDS,
    )

    results: list[CheckoutResult] = []
    lock = threading.Lock()

    def buy(plan: CheckoutPlan, email: str, before_placing=lambda: None) -> None:
        result = checkout(
            base_url=base,
            language=LANGUAGE,
            plan=plan,
            email=email,
            recorder=recorder,
            before_placing=before_placing,
        )
        with lock:
            results.append(result)

    def regular(index: int) -> None:
        for number in range(index, CHECKOUTS, SHOPPERS):
            approve = number % DECLINE_EVERY != DECLINE_EVERY - 1
            plan = CheckoutPlan(f"/{LANGUAGE}/p/{PLENTY}/", plenty, approve=approve)
            buy(plan, f"buyer-{number}@example.org")

    threads_run(SHOPPERS, regular, timeout=STEP_TIMEOUT_SECONDS)
    together = threading.Barrier(RACERS)
    race_plan = CheckoutPlan(f"/{LANGUAGE}/p/{RACE}/", race)
    threads_run(
        RACERS,
        lambda index: buy(
            race_plan, f"racer-{index}@example.org", lambda: together.wait(STEP_TIMEOUT_SECONDS)
        ),
        timeout=STEP_TIMEOUT_SECONDS,
    )

    outcomes = Counter((result.plan.variant_id, result.outcome) for result in results)
    assert outcomes == {
        (plenty, CheckoutOutcome.PAID): CHECKOUTS - DECLINED,
        (plenty, CheckoutOutcome.DECLINED): DECLINED,
        (race, CheckoutOutcome.PAID): RACE_STOCK,
        (race, CheckoutOutcome.SOLD_OUT): RACERS - RACE_STOCK,
    }
    paid = {r.order_number for r in results if r.outcome == CheckoutOutcome.PAID}
    declined = {r.order_number for r in results if r.outcome == CheckoutOutcome.DECLINED}
    stack.logs["worker"].wait_for(CONFIRMATION_DONE, timeout=60, count=len(paid))

    placed = orders_placed(url, after_id=after_id)
    assert sorted(placed, key=lambda order: order.number) == sorted(
        [PlacedOrder(number, "unfulfilled", "paid", False, True) for number in paid]
        + [PlacedOrder(number, "cancelled", "failed", True, False) for number in declined],
        key=lambda order: order.number,
    )
    assert stock_of(url, [plenty, race]) == {
        plenty: PLENTY_STOCK - (CHECKOUTS - DECLINED),
        race: 0,
    }
    assert confirmations_sent(stack.config.run_dir / "worker" / "mail") == Counter(
        dict.fromkeys(paid, 1)
    )
    assert invariants_check(
        database_url=url,
        mail_dir=stack.config.run_dir / "worker" / "mail",
        after_id=after_id,
        initial_stock={plenty: PLENTY_STOCK, race: RACE_STOCK},
        server_errors=recorder.server_errors,
    ) == Invariants(
        server_errors=0,
        below_zero=[],
        stock_mismatches={},
        inconsistent_orders=[],
        emails_not_once={},
        emails_unpaid={},
    )
    answered = recorder.requests_and_errors()
    assert {page: errors for page, (_requests, errors) in answered.items()} == dict.fromkeys(
        answered, 0
    )
    assert answered["checkout: payment"] == (CHECKOUTS + RACE_STOCK, 0)
    assert answered["checkout: place order"] == (CHECKOUTS + RACERS, 0)
    browsed = [requests for page, (requests, _) in answered.items() if ":" not in page]
    assert sum(browsed) == SHOPPERS * PAGES_BROWSED
