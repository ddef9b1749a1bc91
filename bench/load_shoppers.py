"""Shoppers for the load run: threads sending real HTTP requests to the stack on loopback.

Each shopper is a `tests.deploy.shopper.Shopper` (cookies, redirects, the forms read from the
pages with their CSRF tokens), one new connection per request as the sync gunicorn workers close
each one anyway. Every request is timed from sending it to the last byte of the last redirect;
a `Recorder` keeps the timings per page. Loops are bounded in time and count.
"""

import http.client
import random
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bench.report import Timings
from tests.deploy.shopper import Form, Page, Shopper

ORDER_NUMBER = re.compile(r"OML-\d{6}")
CONNECTION_FAILED = 0  # the status recorded when no answer came back


@dataclass(frozen=True)
class PageFigures:
    page: str
    requests: int
    per_second: float
    timings: Timings
    errors: int  # answers other than the expected ones, connection failures included
    server_errors: int  # 5xx answers


@dataclass
class Recorder:
    """Timings and statuses of every request, per page; safe to share between threads."""

    _seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    _errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _server_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def timed(
        self, page: str, call: Callable[[], Page], expected: Sequence[int] = (200,)
    ) -> Page | None:
        """Run one request (and its redirects) and record it under `page`; None when the
        connection failed."""
        started = time.perf_counter()
        try:
            answer = call()
        except (OSError, http.client.HTTPException):
            answer = None
        seconds = time.perf_counter() - started
        status = answer.status if answer else CONNECTION_FAILED
        with self._lock:
            self._seconds[page].append(seconds)
            if status not in expected:
                self._errors[page] += 1
            if status >= 500:
                self._server_errors[page] += 1
        return answer

    @property
    def server_errors(self) -> int:
        with self._lock:
            return sum(self._server_errors.values())

    def requests_and_errors(self) -> dict[str, tuple[int, int]]:
        """Per page: (requests, errors)."""
        with self._lock:
            return {
                page: (len(seconds), self._errors[page]) for page, seconds in self._seconds.items()
            }

    def figures(self, wall_seconds: float) -> list[PageFigures]:
        """Per page, in the order pages were first seen."""
        with self._lock:
            return [
                PageFigures(
                    page=page,
                    requests=len(seconds),
                    per_second=len(seconds) / wall_seconds,
                    timings=Timings(tuple(seconds)),
                    errors=self._errors[page],
                    server_errors=self._server_errors[page],
                )
                for page, seconds in self._seconds.items()
            ]


@dataclass(frozen=True)
class BrowsePaths:
    """The pages browsing shoppers pick from, with each kind's share of the requests."""

    home: str
    categories: Sequence[str]  # with filters, sorting and pages in their query strings
    products: Sequence[str]
    producers: Sequence[str]
    searches: Sequence[str]
    weights: Sequence[tuple[str, int]] = (
        ("home", 10),
        ("category", 35),
        ("product", 30),
        ("producer", 10),
        ("search", 15),
    )

    def pick(self, rng: random.Random) -> tuple[str, str]:
        """(page kind, path) at random, by the weights."""
        kinds, weights = zip(*self.weights, strict=True)
        kind = rng.choices(kinds, weights)[0]
        choices = {
            "home": [self.home],
            "category": self.categories,
            "product": self.products,
            "producer": self.producers,
            "search": self.searches,
        }[kind]
        return kind, rng.choice(choices)


def browse(
    *,
    base_url: str,
    paths: BrowsePaths,
    recorder: Recorder,
    rng: random.Random,
    until: float,
    most: int,
) -> None:
    """One shopper browsing pages one after the other, without pausing, until the monotonic
    clock reaches `until` or after `most` pages."""
    shopper = Shopper(base_url)
    for _ in range(most):
        if time.monotonic() >= until:
            return
        kind, path = paths.pick(rng)
        recorder.timed(kind, lambda path=path: shopper.get(path))


class CheckoutOutcome(StrEnum):
    PAID = "paid"
    DECLINED = "declined"  # the shopper chose the test gateway's declined payment
    SOLD_OUT = "sold out"  # "Place order" refused: the stock ran out meanwhile
    FAILED = "failed"  # any other answer: a step did not lead where it should


@dataclass(frozen=True)
class CheckoutPlan:
    product_path: str  # the product page, e.g. /fr/p/rocamadour-aop/
    variant_id: int
    approve: bool = True  # the payment's outcome on the test gateway


@dataclass(frozen=True)
class CheckoutResult:
    plan: CheckoutPlan
    outcome: CheckoutOutcome
    order_number: str = ""  # set once an order was placed
    step: str = ""  # the step that failed


ADDRESS = {
    "shipping_first_name": "Emma",
    "shipping_last_name": "Clarke",
    "shipping_street_address_1": "Lieu-dit Les Landes",
    "shipping_postal_code": "46500",
    "shipping_city": "Rocamadour",
    "shipping_country": "FR",
}


def checkout(
    *,
    base_url: str,
    language: str,
    plan: CheckoutPlan,
    email: str,
    recorder: Recorder,
    before_placing: Callable[[], None] = lambda: None,
) -> CheckoutResult:
    """A new shopper buys one unit: product page, cart, details, delivery, "Place order", then
    the test gateway's payment. `before_placing` runs just before "Place order" (a barrier lets
    shoppers race for the last units)."""
    shopper = Shopper(base_url)

    def failed(step: str, number: str = "") -> CheckoutResult:
        return CheckoutResult(plan, CheckoutOutcome.FAILED, number, step)

    def step(name: str, call: Callable[[], Page], expected=(200,)) -> Page | None:
        return recorder.timed(f"checkout: {name}", call, expected)

    product = step("product", lambda: shopper.get(plan.product_path))
    adding = _form(product, "/cart/add/", status=200)
    if adding is None:
        return failed("product")
    cart = step(
        "cart add",
        lambda: shopper.submit(product, adding, variant=str(plan.variant_id), quantity="1"),
    )
    if cart is None or not cart.url.endswith("/cart/"):
        return failed("cart add")
    if f'name="variant" value="{plan.variant_id}"' not in cart.text:
        return CheckoutResult(plan, CheckoutOutcome.SOLD_OUT, step="cart add")  # none left
    details = step("details", lambda: shopper.get(f"/{language}/checkout/details/"))
    contact = _form(details, "", status=200)
    if contact is None:
        return failed("details")
    review = step("details sent", lambda: shopper.submit(details, contact, email=email, **ADDRESS))
    placing = _form(review, "", status=200)
    if placing is None or not review.url.endswith("/checkout/review/"):
        return failed("details sent")
    before_placing()
    placed = step(
        "place order",
        lambda: shopper.submit(review, placing, action="place", majority_confirmed="on"),
        expected=(200, 400),
    )
    if placed is not None and placed.status == 400:
        return CheckoutResult(plan, CheckoutOutcome.SOLD_OUT, step="place order")
    paying = _form(placed, "/submit/", status=200)
    if paying is None or "/checkout/pay/" not in placed.url:
        return failed("place order")
    found = ORDER_NUMBER.search(placed.text)  # the payment page names the order
    number = found[0] if found else ""
    outcome = "approve" if plan.approve else "decline"
    paid = step("payment", lambda: shopper.submit(placed, paying, outcome=outcome))
    expected_end = f"/{language}/orders/" if plan.approve else f"/{language}/cart/"
    if paid is None or paid.status != 200 or expected_end not in paid.url:
        return failed("payment", number)
    if plan.approve:
        return CheckoutResult(plan, CheckoutOutcome.PAID, number)
    return CheckoutResult(plan, CheckoutOutcome.DECLINED, number)


def _form(page: Page | None, action_contains: str, *, status: int) -> Form | None:
    """The page's POST form whose action holds `action_contains`; None when the page did not
    come with that status or that form."""
    if page is None or page.status != status:
        return None
    try:
        return page.form(action_contains)
    except AssertionError:  # what Page.form raises when no form matches
        return None


def threads_run(count: int, work: Callable[[int], None], timeout: float) -> float:
    """Run `work(index)` in `count` threads at once; the wall time in seconds."""
    threads = [threading.Thread(target=work, args=(index,), daemon=True) for index in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    return time.perf_counter() - started
