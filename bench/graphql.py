"""The API at scale: the storefront's own GraphQL operations, as it sends them.

Each operation is read from Saleor's storefront file beside the project (../shared/saleor/,
never copied in) and posted to /graphql/ in-process through django.test.Client under the
production settings (DEBUG=0), timed with time.perf_counter. The query count comes from one
more request under CaptureQueriesContext. The checkout path is timed step by step on checkouts
made for the purpose: create, add a line, email, shipping and billing addresses, delivery, and
checkoutComplete (the order placed, its stock reserved), on a variant with stock to spare.
"""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.environment import BENCH_HOST
from bench.report import Timings, markdown_table, table, yes_no
from bench.runner import BenchContext
from catalogue.models import ProductVariant
from catalogue.selectors import products_for_sale
from shop.graphql.core.ids import to_global_id
from tests.graphql.contract import CONTRACT_DIR, operation_source

STOREFRONT = "operations-storefront.graphql"
CHANNEL = {"channel": "default-channel", "languageCode": "FR"}
PRODUCT_SLUG = "rocamadour-aop"
SEARCH_WORDS = "noix"
CHECKOUT_RUNS = 50  # at most: each run places an order
ADDRESS = {
    "firstName": "Emma",
    "lastName": "Clarke",
    "streetAddress1": "12 Rue de la Barre",
    "postalCode": "46000",
    "city": "Cahors",
    "country": "FR",
}
# Saleor 3.23 on a machine like this one, and our targets (five times faster), median ms.
TARGETS = {
    "ProductListPaginated first 20": (40, "200-300"),
    "ProductListPaginated first 100": (75, "240-370"),
    "ProductDetails": (18, "90"),
    "SearchProducts": (15, "65"),
    "checkoutComplete": (70, "350"),
}


class BenchError(Exception):
    """An operation answered errors: the figures would mean nothing."""


@dataclass(frozen=True)
class Operation:
    label: str
    name: str
    variables: dict


@dataclass(frozen=True)
class Figures:
    label: str
    timings: Timings
    queries: int | None


@cache
def _source(name: str) -> str:
    """The operation's text, read from the contract once (not in the timed requests)."""
    return operation_source(STOREFRONT, name)


def _post(client: Client, name: str, variables: dict) -> dict:
    response = client.post(
        "/graphql/",
        json.dumps({"query": _source(name), "variables": variables}),
        content_type="application/json",
    )
    answer = response.json()
    if response.status_code != 200 or "errors" in answer:
        raise BenchError(f"{name} answered {response.status_code}: {answer.get('errors')}")
    return answer["data"]


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _measure(client: Client, operation: Operation, context: BenchContext) -> Figures:
    def send() -> dict:
        return _post(client, operation.name, {**CHANNEL, **operation.variables})

    for _ in range(context.warmup):
        send()
    seconds = tuple(_timed(send) for _ in range(context.requests))
    with CaptureQueriesContext(connection) as queries:
        send()
    return Figures(operation.label, Timings(seconds), len(queries))


def _checkout_steps(client: Client, variant_id: str) -> dict[str, float]:
    """One checkout from creation to its order: the seconds of each step."""
    seconds: dict[str, float] = {}

    def step(label: str, name: str, variables: dict) -> dict:
        started = time.perf_counter()
        data = _post(client, name, variables)
        seconds[label] = time.perf_counter() - started
        payload = next(iter(data.values()))
        if payload.get("errors"):
            raise BenchError(f"{name} refused: {payload['errors']}")
        return payload

    created = step("checkoutCreate", "CheckoutCreate", dict(CHANNEL))
    checkout_id = created["checkout"]["id"]
    step("checkoutLinesAdd", "CheckoutAddLine", {"id": checkout_id, "productVariantId": variant_id})
    step(
        "checkoutEmailUpdate",
        "checkoutEmailUpdate",
        {"checkoutId": checkout_id, "email": "bench@example.org", "languageCode": "FR"},
    )
    for kind in ("Shipping", "Billing"):
        step(
            f"checkout{kind}AddressUpdate",
            f"checkout{kind}AddressUpdate",
            {"checkoutId": checkout_id, f"{kind.lower()}Address": ADDRESS, "languageCode": "FR"},
        )
    options = step("deliveryOptionsCalculate", "deliveryOptionsCalculate", {"id": checkout_id})
    method = options["deliveries"][0]["shippingMethod"]["id"]
    step(
        "checkoutDeliveryMethodUpdate",
        "checkoutDeliveryMethodUpdate",
        {"checkoutId": checkout_id, "deliveryMethodId": method, "languageCode": "FR"},
    )
    step("checkoutComplete", "checkoutComplete", {"checkoutId": checkout_id})
    return seconds


def _checkout_figures(client: Client, context: BenchContext) -> list[Figures]:
    runs = min(context.requests, CHECKOUT_RUNS)
    warmup = min(context.warmup, 5)
    variant = (
        ProductVariant.objects.filter(
            product__in=products_for_sale(),
            product__is_alcohol=False,
            stock_quantity__gte=runs + warmup,
        )
        .order_by("-stock_quantity", "id")
        .first()
    )
    if variant is None:
        raise BenchError(f"no variant for sale holds {runs + warmup} in stock")
    variant_id = to_global_id("ProductVariant", variant.pk)
    for _ in range(warmup):
        _checkout_steps(client, variant_id)
    runs_seconds = [_checkout_steps(client, variant_id) for _ in range(runs)]
    labels = list(runs_seconds[0])
    figures = [
        Figures(label, Timings(tuple(run[label] for run in runs_seconds)), None) for label in labels
    ]
    total = Timings(tuple(sum(run.values()) for run in runs_seconds))
    return [*figures, Figures("checkout path (all steps)", total, None)]


def run(context: BenchContext) -> None:
    say = context.say
    if not (CONTRACT_DIR / STOREFRONT).exists():
        say(f"    skipped: the storefront's operations are not beside the project ({CONTRACT_DIR})")
        return
    client = Client(SERVER_NAME=BENCH_HOST)
    operations = [
        Operation("ProductListPaginated first 20", "ProductListPaginated", {"first": 20}),
        Operation("ProductListPaginated first 100", "ProductListPaginated", {"first": 100}),
        Operation("ProductDetails", "ProductDetails", {"slug": PRODUCT_SLUG}),
        Operation(
            "SearchProducts",
            "SearchProducts",
            {"search": SEARCH_WORDS, "sortBy": "RANK", "sortDirection": "ASC", "first": 20},
        ),
    ]
    say(
        f"    server time: django.test.Client in-process (DEBUG=0), POST /graphql/; "
        f"{context.requests} requests per operation after {context.warmup} warm-up"
    )
    figures = []
    for operation in operations:
        say(f"    measuring {operation.label}")
        figures.append(_measure(client, operation, context))
    say(f"    measuring the checkout path ({min(context.requests, CHECKOUT_RUNS)} checkouts)")
    figures += _checkout_figures(client, context)

    headers = ["operation", "median ms", "p95 ms", "queries", "target ms", "Saleor ms", "meets"]
    rows = []
    for item in figures:
        target, saleor = TARGETS.get(item.label, (None, ""))
        rows.append(
            [
                item.label,
                f"{item.timings.median_ms:.1f}",
                f"{item.timings.p95_ms:.1f}",
                "" if item.queries is None else str(item.queries),
                "" if target is None else f"<= {target}",
                saleor,
                "" if target is None else yes_no(item.timings.median_ms <= target),
            ]
        )
    say("")
    say(table(headers, rows))
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(headers, rows))
