"""Storefront pages at scale: server time, SQL queries, and a web worker's memory.

Server time is measured in-process: django.test.Client sends each request through the whole
Django stack (middleware, URL routing, view, SQL, templates) under the production settings
(DEBUG=0), timed with time.perf_counter; no socket and no HTTP parsing. The SQL query count
comes from one more request under CaptureQueriesContext. Pages keep what every visitor sees
the same (shop/storefront/shared_parts.py): the repeated requests find it kept, as visitors
of a shop do; the first views are measured apart, each after emptying the cache, as the first
visitor after a change finds them. Memory is the resident size of the one
sync worker of a real gunicorn (deploy/gunicorn.conf.py) after a few hundred requests of each
page over HTTP on 127.0.0.1; those requests' round trips are printed too.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from bench.environment import BENCH_HOST
from bench.report import Timings, machine, markdown_table, table, yes_no
from bench.runner import BenchContext
from bench.server import Gunicorn
from catalogue.models import Product
from catalogue.selectors import (
    categories_all,
    category_subtree_ids,
    products_for_sale,
    products_in_categories,
)
from shop.storefront.shared_parts import frame_parts_forget
from shop.storefront.views.listings import PRODUCTS_PER_PAGE

TARGET_MEDIAN_MS = 30
TARGET_P95_MS = 50
TARGET_QUERIES = 12
TARGET_WORKER_MB = 250
LANGUAGE = "fr"
SEARCH_WORDS = "noix"
PRODUCT_SLUG = "rocamadour-aop"  # the demo's flagship: two photos, a claim, a producer
# Requests per page over HTTP: at most 400, so that 4 pages x (400 + warm-up) stay under the
# worker's max_requests (1,800 at least) and the worker measured is the one that served them.
MAX_HTTP_REQUESTS_PER_PAGE = 400
CARD_MARKER = b'class="product-card"'
FIRST_VIEWS_SHARE = 4  # a quarter as many first views as repeated requests
MB = 1024 * 1024


class BenchError(Exception):
    """A page did not answer 200: the figures would mean nothing."""


@dataclass(frozen=True)
class Page:
    name: str
    path: str


@dataclass(frozen=True)
class PageFigures:
    page: Page
    timings: Timings
    queries: int
    cards: int  # product cards shown
    first_views: Timings  # each after emptying the cache
    first_view_queries: int

    @property
    def meets_target(self) -> bool:
        return (
            self.timings.median_ms <= TARGET_MEDIAN_MS
            and self.timings.p95_ms <= TARGET_P95_MS
            and self.first_view_queries <= TARGET_QUERIES
        )


def _url(name: str, **kwargs: str) -> str:
    with translation.override(LANGUAGE):
        return reverse(f"storefront:{name}", kwargs=kwargs or None)


def _biggest_top_category() -> tuple[str, int]:
    """The top-level category with the most products for sale (its sub-categories included)."""
    categories = categories_all()
    sizes = {
        top.slug: products_in_categories(
            category_ids=category_subtree_ids(categories=categories, root=top)
        ).count()
        for top in categories
        if top.parent_id is None
    }
    slug = max(sizes, key=sizes.__getitem__)
    return slug, sizes[slug]


def _one_product_listing() -> tuple[Page, Page] | None:
    """A category page showing a full page of products, and the same page filtered on a
    producer with a single product there."""
    categories = categories_all()
    parents = {category.parent_id for category in categories}
    leaves = {category.pk: category.slug for category in categories if category.pk not in parents}
    for_sale = products_for_sale().filter(category_id__in=leaves)
    sizes = for_sale.values("category_id").annotate(shown=Count("pk"))
    full = [row["category_id"] for row in sizes if row["shown"] >= PRODUCTS_PER_PAGE]
    single = (
        for_sale.filter(category_id__in=full)
        .values("category_id", "seller__slug")
        .annotate(shown=Count("pk"))
        .filter(shown=1)
        .order_by("category_id", "seller__slug")
        .first()
    )
    if single is None:
        return None
    slug = leaves[single["category_id"]]
    path = _url("category", slug=slug)
    return (
        Page(f"category {slug}, 1 producer", f"{path}?producer={single['seller__slug']}"),
        Page(f"category {slug}", path),
    )


def _get(client: Client, path: str) -> HttpResponse:
    response = client.get(path)
    if response.status_code != 200:
        raise BenchError(f"GET {path} answered {response.status_code}")
    return response


def _queries_and_cards(client: Client, page: Page) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, page.path)
    return len(queries), response.content.count(CARD_MARKER)


def _forget_kept_parts() -> None:
    """Nothing kept from the pages before: a first view."""
    cache.clear()
    frame_parts_forget()


def _first_view_queries_and_cards(client: Client, page: Page) -> tuple[int, int]:
    _forget_kept_parts()
    return _queries_and_cards(client, page)


def _measure(client: Client, page: Page, context: BenchContext) -> PageFigures:
    for _ in range(context.warmup):
        _get(client, page.path)
    seconds = []
    for _ in range(context.requests):
        started = time.perf_counter()
        _get(client, page.path)
        seconds.append(time.perf_counter() - started)
    queries, cards = _queries_and_cards(client, page)
    first_views = []
    for _ in range(max(2, context.requests // FIRST_VIEWS_SHARE)):
        _forget_kept_parts()
        started = time.perf_counter()
        _get(client, page.path)
        first_views.append(time.perf_counter() - started)
    first_view_queries, _cards = _first_view_queries_and_cards(client, page)
    return PageFigures(
        page,
        Timings(tuple(seconds)),
        queries,
        cards,
        Timings(tuple(first_views)),
        first_view_queries,
    )


def _worker_memory(context: BenchContext, pages: list[Page]) -> None:
    context.say("    starting gunicorn (1 sync worker, DEBUG=0) and waiting for its worker")
    per_page = min(context.requests, MAX_HTTP_REQUESTS_PER_PAGE)
    with Gunicorn(env=context.env, workers=1) as server:
        rows, peak, sent = [], 0, 0
        for page in pages:
            for _ in range(context.warmup):
                server.get(page.path)
            answers = [server.get(page.path) for _ in range(per_page)]
            sent += context.warmup + len(answers)
            failed = [answer.status for answer in answers if answer.status != 200]
            if failed:
                raise BenchError(f"gunicorn answered {failed[0]} to {page.path}")
            timings = Timings(tuple(answer.seconds for answer in answers))
            rss = server.worker_rss()
            peak = max(peak, *rss.values()) if rss else peak
            rows.append([page.name, f"{timings.median_ms:.1f}", f"{timings.p95_ms:.1f}"])
        final = server.worker_rss()
    context.say("")
    context.say(
        f"HTTP round trips through gunicorn ({per_page} per page after "
        f"{context.warmup} warm-up, a new connection each, client side):"
    )
    context.say(table(["page", "median ms", "p95 ms"], rows))
    context.say("")
    if not final:
        context.say("Web worker memory: the worker was replaced (max_requests) before it was read.")
        return
    rss_mb, peak_mb = max(final.values()) / MB, peak / MB
    context.say(
        f"Web worker memory (gunicorn worker RSS after {sent} requests): {rss_mb:.1f} MB, "
        f"peak seen {peak_mb:.1f} MB; target <= {TARGET_WORKER_MB} MB; "
        f"meets target: {yes_no(peak_mb <= TARGET_WORKER_MB)}"
    )


def run(context: BenchContext) -> None:
    say = context.say
    category, category_size = _biggest_top_category()
    pages = [
        Page("home", _url("home")),
        Page(f"category {category}", _url("category", slug=category)),
        Page(f"product {PRODUCT_SLUG}", _url("product", slug=PRODUCT_SLUG)),
        Page(f"search {SEARCH_WORDS}", f"{_url('search')}?q={SEARCH_WORDS}"),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    say(
        f"    {Product.objects.count():,} products ({products_for_sale().count():,} for sale); "
        f"{category} holds {category_size:,}; {machine()}; PostgreSQL {postgres}; "
        f"{timezone.localdate():%Y-%m-%d}"
    )
    say(
        f"    server time: django.test.Client in-process (DEBUG=0), time.perf_counter around "
        f"each request; {context.requests} requests per page after {context.warmup} warm-up"
    )
    client = Client(SERVER_NAME=BENCH_HOST)
    figures = []
    for page in pages:
        say(f"    measuring {page.name} ({page.path})")
        figures.append(_measure(client, page, context))

    headers = [
        "page",
        "median ms",
        "p95 ms",
        "queries",
        "first view median ms",
        "first view p95 ms",
        "first view queries",
        "meets target",
    ]
    rows = [
        [
            item.page.name,
            f"{item.timings.median_ms:.1f}",
            f"{item.timings.p95_ms:.1f}",
            str(item.queries),
            f"{item.first_views.median_ms:.1f}",
            f"{item.first_views.p95_ms:.1f}",
            str(item.first_view_queries),
            yes_no(item.meets_target),
        ]
        for item in figures
    ]
    say("")
    say(table(headers, rows))
    say(
        f"Target: median <= {TARGET_MEDIAN_MS} ms, p95 <= {TARGET_P95_MS} ms, "
        f"<= {TARGET_QUERIES} queries (on a first view)"
    )
    say("")

    listing = _one_product_listing()
    if listing is None:
        say("Listing queries: no category page with a producer holding a single product.")
    else:
        counts = [_first_view_queries_and_cards(client, page) for page in listing]
        (one_queries, one_cards), (full_queries, full_cards) = counts
        say(
            f"Listing queries ({listing[1].name}): {one_cards} product shown: {one_queries} "
            f"queries; {full_cards} shown: {full_queries} queries; "
            f"equal: {yes_no(one_queries == full_queries)}"
        )

    say("==> Web worker memory")
    _worker_memory(context, pages)
    say("")
    say("Markdown (docs/performance.md):")
    say(markdown_table(headers, rows))
