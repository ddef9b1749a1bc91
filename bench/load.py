"""Load run: the production-like stack (deploy/stack.py) on loopback, shoppers over HTTP.

The stack runs on a copy of the bench database (the catalogue scaled by bench/environment.py),
remade at each run so the load's orders and stock never leak into the other benchmarks. Two
phases, one after the other: shoppers browsing (home, category pages with filters, sorting and
pages, product pages, producer pages, searches) with no pause between pages, then shoppers
checking out (product, cart, details, delivery, "Place order", the test gateway's payment), a
few racing for a variant with little stock. Then the invariants: no 5xx, stock neither negative
nor lost, payment states that fit the orders' statuses, one confirmation email per paid order.

The load generator is lean Python (threads, http.client) sharing the 2 cores with the server:
its own CPU is printed beside the server's, so a figure can be read for what limits it.
"""

import itertools
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass

import psycopg

from bench.environment import BENCH_DATABASE
from bench.load_data import browse_paths, checkout_variants
from bench.load_invariants import (
    CONFIRMATION_DONE,
    PlacedOrder,
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
    PageFigures,
    Recorder,
    browse,
    checkout,
    threads_run,
)
from bench.load_stack import (
    LOAD_DATABASE,
    LoadError,
    cpu_meter,
    load_database_copy,
    run_dir_prepare,
    server_times,
    worker_idle,
)
from bench.report import Timings, machine, markdown_table, table, yes_no
from bench.runner import BenchContext
from bench.server import free_port
from deploy.stack import Stack, StackConfig
from tests.deploy.shopper import Shopper

TARGET_BROWSE_PER_SECOND = 150
TARGET_BROWSE_P95_MS = 100
TARGET_CHECKOUTS_PER_SECOND = 20
LANGUAGE = "fr"
BROWSE_SHOPPERS = 4  # two per web worker: one served, the next waiting, so neither idles
CHECKOUT_SHOPPERS = 4
PHASE_SECONDS = 30
MOST_PER_SHOPPER = 100_000  # a bound on each shopper's requests besides the phase's time
RACE_STOCK = 10
RACE_EVERY = 10  # every tenth checkout goes for the variant with little stock
DECLINE_EVERY = 25  # every 25th payment is declined (the order is cancelled, its stock given back)
EMAIL_WAIT_SECONDS = 180
WORKER_IDLE_SECONDS = 120
SEED = 46


def _warm_up(context: BenchContext, stack: Stack, paths: list[str]) -> None:
    """Every page once, untimed: the workers' caches fill and the Celery worker makes the share
    pictures the pages ask for, as on a shop that has been serving for a while."""
    context.say(f"==> Warming up: each of the {len(paths)} pages once, untimed")
    remaining = iter(paths)  # shared by the threads: each page is taken once

    def visit(_index: int) -> None:
        shopper = Shopper(stack.config.url)
        for path in remaining:
            shopper.get(path)

    threads_run(BROWSE_SHOPPERS, visit, timeout=WORKER_IDLE_SECONDS)
    idle = worker_idle(stack, WORKER_IDLE_SECONDS)
    context.say("    the worker ended its tasks" if idle else "    the worker is still busy")


def _figure_rows(
    figures: list[PageFigures], server: dict[str, Timings] | None = None
) -> list[list[str]]:
    def served(page: str) -> list[str]:
        if server is None:
            return []
        timings = server.get(page)
        return [f"{timings.median_ms:.1f}", f"{timings.p95_ms:.1f}"] if timings else ["", ""]

    return [
        [
            item.page,
            str(item.requests),
            f"{item.per_second:.1f}",
            f"{item.timings.median_ms:.1f}",
            f"{item.timings.p95_ms:.1f}",
            *served(item.page),
            str(item.errors),
        ]
        for item in figures
    ]


def _browse_kind(path: str) -> str | None:
    """The kind of a browsing page from its path (as the web workers log it)."""
    if path == f"/{LANGUAGE}/":
        return "home"
    first = path.removeprefix(f"/{LANGUAGE}/").split("/")[0]
    return {"c": "category", "p": "product", "producers": "producer", "search": "search"}.get(first)


def _all_pages(figures: list[PageFigures], wall: float) -> PageFigures:
    seconds = tuple(s for item in figures for s in item.timings.seconds)
    return PageFigures(
        page="all pages",
        requests=len(seconds),
        per_second=len(seconds) / wall,
        timings=Timings(seconds),
        errors=sum(item.errors for item in figures),
        server_errors=sum(item.server_errors for item in figures),
    )


def _say_cpu(
    context: BenchContext, shares: list[tuple[str, float]], *, wall: float, done: int, unit: str
) -> None:
    """The cores each part used, and the CPU time it spent per `unit` (`done` of them in `wall`
    seconds): a figure other work on the machine hardly moves, unlike the rates."""
    context.say(f"    CPU, in cores (2 on this machine), and in ms per {unit}:")
    for name, share in shares:
        per_unit = share * wall * 1000 / done if done else 0.0
        context.say(f"      {share:4.2f}  {per_unit:6.1f} ms  {name}")


PAGE_HEADERS = ["page", "requests", "req/s", "median ms", "p95 ms", "errors"]
BROWSE_HEADERS = [*PAGE_HEADERS[:5], "server median ms", "server p95 ms", "errors"]


def _browse_phase(context: BenchContext, stack: Stack, paths: BrowsePaths) -> PageFigures:
    say = context.say
    say(f"==> Browsing: {BROWSE_SHOPPERS} shoppers for {PHASE_SECONDS} s, no pause between pages")
    recorder, meter = Recorder(), cpu_meter(stack)
    logged = len(stack.logs["web"].lines)
    until = time.monotonic() + PHASE_SECONDS
    meter.start()
    wall = threads_run(
        BROWSE_SHOPPERS,
        lambda index: browse(
            base_url=stack.config.url,
            paths=paths,
            recorder=recorder,
            rng=random.Random(SEED + index),
            until=until,
            most=MOST_PER_SHOPPER,
        ),
        timeout=PHASE_SECONDS * 3,
    )
    shares = meter.stop()
    figures = recorder.figures(wall)
    total = _all_pages(figures, wall)
    server = server_times(stack.logs["web"].lines[logged:], _browse_kind)
    server["all pages"] = Timings(tuple(s for timings in server.values() for s in timings.seconds))
    rows = _figure_rows([*figures, total], server)
    say("")
    say("Round trips seen by the shoppers (waiting for a free web worker included), and the")
    say("server's own time per request from the web workers' log:")
    say(table(BROWSE_HEADERS, rows))
    meets = (
        total.per_second >= TARGET_BROWSE_PER_SECOND
        and total.timings.p95_ms <= TARGET_BROWSE_P95_MS
        and total.errors == 0
    )
    say(
        f"Browsing mix: {total.per_second:.1f} requests/s (target >= {TARGET_BROWSE_PER_SECOND}), "
        f"p95 {total.timings.p95_ms:.1f} ms (target <= {TARGET_BROWSE_P95_MS}), "
        f"{total.errors} errors; meets target: {yes_no(meets)}"
    )
    _say_cpu(context, shares, wall=wall, done=total.requests, unit="request")
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(BROWSE_HEADERS, rows))
    return total


@dataclass(frozen=True)
class CheckoutRun:
    results: list[CheckoutResult]
    recorder: Recorder
    wall: float


def _checkout_phase(
    context: BenchContext, stack: Stack, variants: list[tuple[int, str]], race: tuple[int, str]
) -> CheckoutRun:
    say = context.say
    say("")
    say(
        f"==> Checking out: {CHECKOUT_SHOPPERS} shoppers for {PHASE_SECONDS} s, one unit each "
        f"time; every {RACE_EVERY}th checkout races for a variant with {RACE_STOCK} left, every "
        f"{DECLINE_EVERY}th payment is declined"
    )
    recorder, meter = Recorder(), cpu_meter(stack)
    results: list[CheckoutResult] = []
    numbers = itertools.count()
    lock = threading.Lock()
    until = time.monotonic() + PHASE_SECONDS

    def shop(_index: int) -> None:
        for _ in range(MOST_PER_SHOPPER):
            if time.monotonic() >= until:
                return
            number = next(numbers)
            variant, path = race if number % RACE_EVERY == 0 else variants[number % len(variants)]
            plan = CheckoutPlan(path, variant, approve=number % DECLINE_EVERY != DECLINE_EVERY - 1)
            result = checkout(
                base_url=stack.config.url,
                language=LANGUAGE,
                plan=plan,
                email=f"load-{number}@example.org",
                recorder=recorder,
            )
            with lock:
                results.append(result)

    meter.start()
    wall = threads_run(CHECKOUT_SHOPPERS, shop, timeout=PHASE_SECONDS * 3)
    shares = meter.stop()
    figures = recorder.figures(wall)
    outcomes = Counter(result.outcome for result in results)
    paid = outcomes[CheckoutOutcome.PAID]
    say("")
    say(table(PAGE_HEADERS, _figure_rows([*figures, _all_pages(figures, wall)])))
    say(
        f"Checkouts completed (paid): {paid} in {wall:.1f} s = {paid / wall:.1f}/s "
        f"(target >= {TARGET_CHECKOUTS_PER_SECOND}); meets target: "
        f"{yes_no(paid / wall >= TARGET_CHECKOUTS_PER_SECOND)}"
    )
    say(
        "Outcomes: "
        + ", ".join(f"{outcome.value} {outcomes[outcome]}" for outcome in CheckoutOutcome)
    )
    failed = Counter(result.step for result in results if result.outcome == CheckoutOutcome.FAILED)
    if failed:
        say(f"Failed steps: {dict(failed)}")
    _say_cpu(context, shares, wall=wall, done=len(results), unit="checkout (paid or not)")
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(PAGE_HEADERS, _figure_rows(figures)))
    return CheckoutRun(results, recorder, wall)


def _orders_report(context: BenchContext, run: CheckoutRun, placed: list[PlacedOrder]) -> None:
    """Orders placed (in the database) against orders expected (what the shoppers were told)."""
    expected = {result.order_number for result in run.results if result.order_number}
    paid = {r.order_number for r in run.results if r.outcome == CheckoutOutcome.PAID}
    in_database = {order.number for order in placed}
    paid_in_database = {order.number for order in placed if order.paid}
    context.say(
        f"    orders placed {len(in_database)}, expected {len(expected)}; "
        f"paid {len(paid_in_database)}, expected {len(paid)}; "
        f"same orders: {yes_no(in_database == expected and paid_in_database == paid)}"
    )


@dataclass(frozen=True)
class Baseline:
    """What the database held before the load."""

    after_id: int  # the last order's id
    stock: dict[int, int]  # of every variant the shoppers buy
    race_variant: int


def _check_after(
    context: BenchContext, stack: Stack, baseline: Baseline, *, server_errors: int, run: CheckoutRun
) -> None:
    """Wait for the confirmations, then print the orders against the shoppers' and the
    invariants."""
    say = context.say
    database_url = stack.config.database_url
    paid = sum(1 for result in run.results if result.outcome == CheckoutOutcome.PAID)
    say("")
    say(f"==> Waiting for the worker's {paid} confirmation emails")
    ended = time.perf_counter()
    try:
        stack.logs["worker"].wait_for(CONFIRMATION_DONE, EMAIL_WAIT_SECONDS, count=paid)
        say(f"    all sent {time.perf_counter() - ended:.1f} s after the load ended")
    except RuntimeError:
        say(f"    not all sent after {EMAIL_WAIT_SECONDS} s")
    say("==> Invariants")
    _orders_report(context, run, orders_placed(database_url, after_id=baseline.after_id))
    racing = [result for result in run.results if result.plan.variant_id == baseline.race_variant]
    race_paid = sum(1 for result in racing if result.outcome == CheckoutOutcome.PAID)
    left = stock_of(database_url, [baseline.race_variant])[baseline.race_variant]
    say(
        f"    race for {RACE_STOCK} units: {len(racing)} shoppers tried, {race_paid} paid, "
        f"{left} left"
    )
    invariants = invariants_check(
        database_url=database_url,
        mail_dir=stack.config.run_dir / "worker" / "mail",
        after_id=baseline.after_id,
        initial_stock=baseline.stock,
        server_errors=server_errors,
    )
    for line in invariants.lines():
        say(f"    {line}")


def run(context: BenchContext) -> None:
    say = context.say
    rng = random.Random(SEED)
    say(f"    {machine()}; the shoppers and the stack share these cores")
    try:
        paths = browse_paths(language=LANGUAGE, rng=rng)
        variants, race = checkout_variants(language=LANGUAGE, rng=rng)
        say(f"==> Copying {BENCH_DATABASE} to {LOAD_DATABASE} for the stack")
        database_url = load_database_copy(bench_url=context.env["DATABASE_URL"])
    except LoadError as error:
        say(f"    load run skipped: {error}")
        return
    run_dir = run_dir_prepare()
    config = StackConfig(
        database_url=database_url, port=free_port(), run_dir=run_dir, queue="ohmylot-bench-load"
    )
    stack = Stack(config)
    say("==> Starting the stack: 2 gunicorn workers, a Celery worker and beat (DEBUG=0)")
    try:
        stack.prepare()
        with psycopg.connect(database_url) as connection:
            connection.execute(
                "UPDATE catalogue_productvariant SET stock_quantity = %s WHERE id = %s",
                [RACE_STOCK, race[0]],
            )
        stack.start()
        say(f"    {config.url} on {LOAD_DATABASE}")
        after_id = orders_last_id(database_url)
        bought = [variant for variant, _path in [*variants, race]]
        initial = stock_of(database_url, bought)
        every_page = {
            paths.home,
            *paths.categories,
            *paths.products,
            *paths.producers,
            *paths.searches,
            *(path for _variant, path in variants),
        }
        _warm_up(context, stack, sorted(every_page))
        browsing = _browse_phase(context, stack, paths)
        checking_out = _checkout_phase(context, stack, variants, race)
        _check_after(
            context,
            stack,
            Baseline(after_id=after_id, stock=initial, race_variant=race[0]),
            server_errors=browsing.server_errors + checking_out.recorder.server_errors,
            run=checking_out,
        )
    finally:
        stack.stop()
