"""Run the benchmarks: prepare their world, then run each one. Exit 0 whatever the figures.

A benchmark is a module with `run(context: BenchContext) -> None` that prints its figures;
BENCHMARKS lists them in the order they run. Add one there to add it to `make bench`.
"""

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

DEFAULT_PRODUCTS = 10_000
DEFAULT_REQUESTS = 200
DEFAULT_WARMUP = 20


@dataclass(frozen=True)
class BenchContext:
    """What every benchmark gets."""

    products: int  # products the catalogue was scaled to
    requests: int  # timed requests per measurement
    warmup: int  # untimed requests before them
    env: dict[str, str]  # environment for the processes a benchmark starts (gunicorn)
    database: str  # the bench database's URL, without password
    say: Callable[[str], None]  # prints a line at once


def _storefront(context: BenchContext) -> None:
    from bench import storefront  # imports the shop's code: only once Django is set up

    storefront.run(context)


def _graphql(context: BenchContext) -> None:
    from bench import graphql

    graphql.run(context)


def _thumbnails(context: BenchContext) -> None:
    from bench import thumbnails

    thumbnails.run(context)


def _load(context: BenchContext) -> None:
    from bench import load

    load.run(context)


BENCHMARKS: dict[str, Callable[[BenchContext], None]] = {
    "storefront": _storefront,
    "graphql": _graphql,
    "thumbnails": _thumbnails,
    "load": _load,
}


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--products", type=int, default=DEFAULT_PRODUCTS)
    parser.add_argument("--requests", type=int, default=DEFAULT_REQUESTS)
    parser.add_argument("--warmup", type=int, default=DEFAULT_WARMUP)
    arguments = parser.parse_args(argv)
    unknown = sorted(set(arguments.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    if arguments.products < 1 or arguments.requests < 2 or arguments.warmup < 0:
        parser.error("--products needs 1 or more, --requests 2 or more, --warmup 0 or more")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    say = partial(print, flush=True)
    started = time.perf_counter()

    from bench.environment import (
        bench_database_url,
        data_prepare,
        environment_configure,
        url_for_display,
    )

    say("==> Preparing the bench database")
    database_url = bench_database_url()
    say(f"    {url_for_display(database_url)}")
    env = environment_configure(database_url)

    import django

    django.setup()
    data_prepare(products=arguments.products, say=say)

    context = BenchContext(
        products=arguments.products,
        requests=arguments.requests,
        warmup=arguments.warmup,
        env=env,
        database=url_for_display(database_url),
        say=say,
    )
    from bench.report import machine, python_speed_ms

    say(f"==> Machine: {machine()}; Python speed {python_speed_ms():.0f} ms (a fixed workload)")
    for name in arguments.names or list(BENCHMARKS):
        say(f"==> Benchmark: {name}")
        BENCHMARKS[name](context)
    say(f"==> Benchmarks done in {time.perf_counter() - started:.0f} s")
    return 0
