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
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

import psutil
import psycopg
import redis
from django.db import connections
from psycopg import sql

from bench.environment import BENCH_DATABASE, DATA_DIR, url_with_database
from bench.load_invariants import (
    CONFIRMATION_DONE,
    Invariants,
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
from bench.report import Timings, machine, markdown_table, table, yes_no
from bench.runner import BenchContext
from bench.server import free_port
from catalogue.models import ProductVariant
from catalogue.selectors import categories_all, products_for_sale
from deploy.stack import Stack, StackConfig
from tests.deploy.shopper import Shopper

TARGET_BROWSE_PER_SECOND = 150
TARGET_BROWSE_P95_MS = 100
TARGET_CHECKOUTS_PER_SECOND = 20
LOAD_DATABASE = "ohmylot_loadstack"
LANGUAGE = "fr"
BROWSE_SHOPPERS = 8
CHECKOUT_SHOPPERS = 8
PHASE_SECONDS = 30
MOST_PER_SHOPPER = 100_000  # a bound on each shopper's requests besides the phase's time
SAMPLE = 150  # products, producers and variants the shoppers pick from
SEARCHES = ("noix", "fromage de chèvre", "vin", "safran", "miel", "truffe", "couteau", "agneau")
CATEGORY_QUERIES = ("", "?sort=price_asc", "?sort=newest&page=2", "?in_stock=on&sort=name")
RACE_PRODUCT = "truffe-noire-fraiche-50-g"  # a demo product: its stock is set low
RACE_STOCK = 10
RACE_EVERY = 10  # every tenth checkout goes for the variant with little stock
DECLINE_EVERY = 25  # every 25th payment is declined (the order is cancelled, its stock given back)
STOCK_AT_LEAST = 20  # variants bought by the other checkouts hold at least this many
EMAIL_WAIT_SECONDS = 180
SEED = 46


class LoadError(Exception):
    """The load could not start: the figures would mean nothing."""


def _load_database(context: BenchContext) -> str:
    """A fresh copy of the bench database for the stack; its URL."""
    bench_url = context.env["DATABASE_URL"]
    url = url_with_database(bench_url, LOAD_DATABASE)
    connections.close_all()  # a database in use cannot be copied
    with psycopg.connect(url_with_database(bench_url, "postgres"), autocommit=True) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(LOAD_DATABASE))
        )
        try:
            server.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(LOAD_DATABASE), sql.Identifier(BENCH_DATABASE)
                )
            )
        except psycopg.errors.ObjectInUse as error:
            raise LoadError(f"{BENCH_DATABASE} is in use by another process: {error}") from error
    return url


def _run_dir() -> Path:
    """The stack's folder, emptied; its media are the bench's, where the copied database's
    photos are."""
    run_dir = DATA_DIR / "bench-load"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    for name, bench_name in (("media", "bench-media"), ("private", "bench-private")):
        (DATA_DIR / bench_name).mkdir(parents=True, exist_ok=True)
        (run_dir / name).symlink_to(DATA_DIR / bench_name, target_is_directory=True)
    return run_dir


def _browse_paths(rng: random.Random) -> BrowsePaths:
    prefix = f"/{LANGUAGE}"
    for_sale = products_for_sale()
    rows = list(for_sale.values_list("slug", "category__slug", "seller__slug"))
    seller_in = {category: seller for _slug, category, seller in rows}
    categories = [
        f"{prefix}/c/{category.slug}/{query}"
        for category in categories_all()
        for query in CATEGORY_QUERIES
    ]
    categories += [f"{prefix}/c/{slug}/?producer={seller}" for slug, seller in seller_in.items()]
    producers = sorted({seller for _slug, _category, seller in rows})
    return BrowsePaths(
        home=f"{prefix}/",
        categories=categories,
        products=[
            f"{prefix}/p/{slug}/" for slug, _c, _s in rng.sample(rows, min(SAMPLE, len(rows)))
        ],
        producers=[
            f"{prefix}/producers/{slug}/"
            for slug in rng.sample(producers, min(SAMPLE, len(producers)))
        ],
        searches=[f"{prefix}/search/?q={quote_plus(words)}" for words in SEARCHES],
    )


def _checkout_variants(rng: random.Random) -> tuple[list[tuple[int, str]], tuple[int, str]]:
    """(variant, product page) pairs with stock enough, and the variant the shoppers race for."""
    variants = list(
        ProductVariant.objects.filter(
            product__in=products_for_sale(), stock_quantity__gte=STOCK_AT_LEAST
        )
        .exclude(product__slug=RACE_PRODUCT)
        .values_list("pk", "product__slug")
    )
    race = (
        ProductVariant.objects.filter(product__slug=RACE_PRODUCT)
        .order_by("position", "pk")
        .values_list("pk", "product__slug")
        .first()
    )
    if race is None or not variants:
        raise LoadError(f"no variant to buy (the demo's {RACE_PRODUCT} is missing?)")
    page = f"/{LANGUAGE}/p/{{}}/"
    chosen = rng.sample(variants, min(SAMPLE, len(variants)))
    return [(pk, page.format(slug)) for pk, slug in chosen], (race[0], page.format(race[1]))


@dataclass
class CpuMeter:
    """CPU seconds used by groups of processes between `start()` and `stop()`."""

    groups: dict[str, Callable[[], list[psutil.Process]]]

    def _seconds(self) -> dict[str, dict[int, float]]:
        used: dict[str, dict[int, float]] = {}
        for name, processes in self.groups.items():
            used[name] = {}
            for process in processes():
                try:
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                used[name][process.pid] = times.user + times.system
        return used

    def start(self) -> None:
        self._before = self._seconds()
        self._machine = psutil.cpu_times()
        self._started = time.perf_counter()

    def stop(self) -> list[tuple[str, float]]:
        """(group, share of one core) for each group, then the whole machine's."""
        after, wall = self._seconds(), time.perf_counter() - self._started
        shares = []
        for name, used in after.items():
            before = self._before.get(name, {})
            seconds = sum(total - before.get(pid, 0.0) for pid, total in used.items())
            shares.append((name, seconds / wall))
        machine_after = psutil.cpu_times()
        busy = sum(machine_after) - sum(self._machine)
        idle = (machine_after.idle + machine_after.iowait) - (
            self._machine.idle + self._machine.iowait
        )
        whole = (busy - idle) / wall
        shares.append(
            ("other processes (other users' tests, the system)", whole - sum(s for _n, s in shares))
        )
        shares.append(("whole machine", whole))
        return shares


def _tree(popen) -> list[psutil.Process]:
    try:
        parent = psutil.Process(popen.pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return []


def _postgres() -> list[psutil.Process]:
    return [
        process for process in psutil.process_iter(["name"]) if process.info["name"] == "postgres"
    ]


def _cpu_meter(stack: Stack) -> CpuMeter:
    return CpuMeter(
        {
            "load generator (this process: shoppers and the stack's log readers)": lambda: [
                psutil.Process()
            ],
            "gunicorn (master and 2 workers)": lambda: _tree(stack.processes["web"]),
            "Celery worker": lambda: _tree(stack.processes["worker"]),
            "PostgreSQL (every database of the server)": _postgres,
        }
    )


TASK_RECEIVED = re.compile(r"Task \S+\[[^]]+\] received")
TASK_ENDED = re.compile(r"Task \S+\[[^]]+\] (succeeded|raised|retry)")
WORKER_IDLE_SECONDS = 120


def _worker_idle(stack: Stack, timeout: float) -> bool:
    """Wait until the queue is empty and the worker ended every task it took (it takes a few
    ahead); False after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    broker = redis.Redis.from_url(stack.config.redis_url)
    try:
        while time.monotonic() < deadline:
            lines = list(stack.logs["worker"].lines)
            received = sum(1 for line in lines if TASK_RECEIVED.search(line))
            ended = sum(1 for line in lines if TASK_ENDED.search(line))
            if ended >= received and broker.llen(stack.config.queue) == 0:
                return True
            time.sleep(0.5)
    finally:
        broker.close()
    return False


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
    idle = _worker_idle(stack, WORKER_IDLE_SECONDS)
    context.say("    the worker ended its tasks" if idle else "    the worker is still busy")


def _figure_rows(figures: list[PageFigures]) -> list[list[str]]:
    return [
        [
            item.page,
            str(item.requests),
            f"{item.per_second:.1f}",
            f"{item.timings.median_ms:.1f}",
            f"{item.timings.p95_ms:.1f}",
            str(item.errors),
        ]
        for item in figures
    ]


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


def _say_cpu(context: BenchContext, shares: list[tuple[str, float]]) -> None:
    context.say("    CPU, in cores (2 on this machine):")
    for name, share in shares:
        context.say(f"      {share:4.2f}  {name}")


PAGE_HEADERS = ["page", "requests", "req/s", "median ms", "p95 ms", "errors"]


def _browse_phase(context: BenchContext, stack: Stack, paths: BrowsePaths) -> PageFigures:
    say = context.say
    say(f"==> Browsing: {BROWSE_SHOPPERS} shoppers for {PHASE_SECONDS} s, no pause between pages")
    recorder, meter = Recorder(), _cpu_meter(stack)
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
    say("")
    say(table(PAGE_HEADERS, _figure_rows([*figures, total])))
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
    _say_cpu(context, shares)
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(PAGE_HEADERS, _figure_rows([*figures, total])))
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
    recorder, meter = Recorder(), _cpu_meter(stack)
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
    _say_cpu(context, shares)
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(PAGE_HEADERS, _figure_rows(figures)))
    return CheckoutRun(results, recorder, wall)


def _say_invariants(context: BenchContext, invariants: Invariants) -> None:
    checks = [
        ("no 5xx answer", invariants.server_errors == 0, f"{invariants.server_errors} 5xx"),
        ("no stock below zero", not invariants.below_zero, f"variants {invariants.below_zero}"),
        (
            "held by orders + remaining = initial stock, for every variant bought",
            not invariants.stock_mismatches,
            f"(initial, held, remaining) {invariants.stock_mismatches}",
        ),
        (
            "every order's payment state fits its status",
            not invariants.inconsistent_orders,
            f"{invariants.inconsistent_orders[:5]}",
        ),
        (
            "one confirmation per paid order, sent by the worker",
            not invariants.emails_not_once,
            f"sent {dict(list(invariants.emails_not_once.items())[:5])}",
        ),
        (
            "no confirmation for an order that is not paid",
            not invariants.emails_unpaid,
            f"{dict(list(invariants.emails_unpaid.items())[:5])}",
        ),
    ]
    for name, holds, detail in checks:
        context.say(f"    {name}: {yes_no(holds)}" + ("" if holds else f" ({detail})"))


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


def run(context: BenchContext) -> None:
    say = context.say
    rng = random.Random(SEED)
    paths = _browse_paths(rng)
    variants, race = _checkout_variants(rng)
    say(f"    {machine()}; the shoppers and the stack share these cores")
    say(f"==> Copying {BENCH_DATABASE} to {LOAD_DATABASE} for the stack")
    try:
        database_url = _load_database(context)
    except LoadError as error:
        say(f"    load run skipped: {error}")
        return
    run_dir = _run_dir()
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
        _warm_up(
            context,
            stack,
            sorted(
                {
                    paths.home,
                    *paths.categories,
                    *paths.products,
                    *paths.producers,
                    *paths.searches,
                    *(path for _variant, path in variants),
                }
            ),
        )
        browsing = _browse_phase(context, stack, paths)
        checking_out = _checkout_phase(context, stack, variants, race)
        ended = time.perf_counter()
        paid = sum(1 for r in checking_out.results if r.outcome == CheckoutOutcome.PAID)
        say("")
        say(f"==> Waiting for the worker's {paid} confirmation emails")
        try:
            stack.logs["worker"].wait_for(CONFIRMATION_DONE, EMAIL_WAIT_SECONDS, count=paid)
            say(f"    all sent {time.perf_counter() - ended:.1f} s after the load ended")
        except RuntimeError:
            say(f"    not all sent after {EMAIL_WAIT_SECONDS} s")
        say("==> Invariants")
        _orders_report(context, checking_out, orders_placed(database_url, after_id=after_id))
        race_paid = sum(
            1
            for r in checking_out.results
            if r.plan.variant_id == race[0] and r.outcome == CheckoutOutcome.PAID
        )
        race_tries = sum(1 for r in checking_out.results if r.plan.variant_id == race[0])
        say(
            f"    race for {RACE_STOCK} units: {race_tries} shoppers tried, {race_paid} paid, "
            f"{stock_of(database_url, [race[0]])[race[0]]} left"
        )
        invariants = invariants_check(
            database_url=database_url,
            mail_dir=run_dir / "worker" / "mail",
            after_id=after_id,
            initial_stock=initial,
            server_errors=browsing.server_errors + checking_out.recorder.server_errors,
        )
        _say_invariants(context, invariants)
        say(f"    all hold: {yes_no(invariants.hold)}")
    finally:
        stack.stop()
