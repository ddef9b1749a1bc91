"""What must hold after a load, read straight from the stack's database and the worker's mail.

The load runs against a stack in other processes, on a database of its own, so these reads use
plain SQL on that database's URL rather than this process's Django connection. Only the orders
placed after `orders_last_id()` was read (the load's own) are looked at.
"""

import email
from collections import Counter
from dataclasses import dataclass
from email import policy
from pathlib import Path

import psycopg

from bench.load_shoppers import ORDER_NUMBER
from bench.report import yes_no
from shop.orders.models import OrderStatus, PaymentStatus

# The worker's log line once a confirmation task ended (sent, or found sent already).
CONFIRMATION_DONE = r"orders\.order_confirmation_send\[[^]]+\] succeeded"
MAIL_SEPARATOR = "-" * 79  # between two messages in a file of Django's file backend

# The payment states an order may have in each status, and whether its stock is given back.
PAYMENT_STATES: dict[str, tuple[set[str], bool]] = {
    OrderStatus.PENDING_PAYMENT: ({PaymentStatus.UNPAID, PaymentStatus.FAILED}, False),
    OrderStatus.UNFULFILLED: ({PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED}, False),
    OrderStatus.PARTIALLY_FULFILLED: (
        {PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED},
        False,
    ),
    OrderStatus.FULFILLED: ({PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED}, False),
    OrderStatus.CANCELLED: ({PaymentStatus.FAILED, PaymentStatus.REFUNDED}, True),
    OrderStatus.EXPIRED: ({PaymentStatus.UNPAID, PaymentStatus.FAILED}, True),
}
PAID_STATUSES = {OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED, OrderStatus.FULFILLED}


@dataclass(frozen=True)
class PlacedOrder:
    number: str
    status: str
    payment_status: str
    stock_released: bool
    paid: bool  # paid_at and the gateway's reference are both set

    @property
    def payment_state_consistent(self) -> bool:
        allowed, released = PAYMENT_STATES.get(self.status, (set(), False))
        paid_once = self.status in PAID_STATUSES
        return (
            self.payment_status in allowed
            and self.stock_released == released
            and self.paid == paid_once
        )


def orders_last_id(database_url: str) -> int:
    """The id of the last order placed so far (0 without any)."""
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT coalesce(max(id), 0) FROM orders_order").fetchone()[0]


def stock_of(database_url: str, variant_ids: list[int]) -> dict[int, int]:
    """The stock of each variant."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT id, stock_quantity FROM catalogue_productvariant WHERE id = ANY(%s)",
            [variant_ids],
        )
        return dict(rows.fetchall())


def orders_placed(database_url: str, *, after_id: int) -> list[PlacedOrder]:
    """The orders placed after `after_id`, oldest first."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT id, status, payment_status, stock_released,"
            " paid_at IS NOT NULL AND payment_reference <> ''"
            " FROM orders_order WHERE id > %s ORDER BY id",
            [after_id],
        )
        return [
            PlacedOrder(f"OML-{pk:06d}", status, payment, released, paid)
            for pk, status, payment, released, paid in rows.fetchall()
        ]


def quantities_held(database_url: str, *, after_id: int) -> dict[int, int]:
    """Per variant, the units that the orders placed after `after_id` still hold: their lines,
    less those of orders whose stock was given back (declined or expired)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT line.variant_id, sum(line.quantity) FROM orders_orderline line"
            " JOIN orders_order ON orders_order.id = line.order_id"
            " WHERE orders_order.id > %s AND NOT orders_order.stock_released"
            " AND line.variant_id IS NOT NULL GROUP BY line.variant_id",
            [after_id],
        )
        return {variant: int(quantity) for variant, quantity in rows.fetchall()}


def variants_below_zero(database_url: str) -> list[int]:
    """Variants whose stock went negative (the database's constraint forbids it: expect none)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT id FROM catalogue_productvariant WHERE stock_quantity < 0 ORDER BY id"
        )
        return [pk for (pk,) in rows.fetchall()]


def confirmations_sent(mail_dir: Path) -> Counter[str]:
    """How many confirmation messages the worker wrote for each order number."""
    counts: Counter[str] = Counter()
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.is_dir() else []:
        for part in path.read_text(encoding="utf-8").split(MAIL_SEPARATOR):
            if not part.strip():
                continue
            message = email.message_from_string(part.strip(), policy=policy.default)
            found = ORDER_NUMBER.search(str(message["Subject"]))
            if found:
                counts[found[0]] += 1
    return counts


@dataclass(frozen=True)
class Invariants:
    """The checks after a load: each field lists what broke it (empty when it holds)."""

    server_errors: int  # 5xx answers the shoppers got
    below_zero: list[int]  # variants with a negative stock
    stock_mismatches: dict[int, tuple[int, int, int]]  # variant: (initial, held, remaining)
    inconsistent_orders: list[PlacedOrder]
    emails_not_once: dict[str, int]  # paid order number: confirmations sent, when not 1
    emails_unpaid: dict[str, int]  # confirmations of orders that are not paid

    @property
    def hold(self) -> bool:
        return not (
            self.server_errors
            or self.below_zero
            or self.stock_mismatches
            or self.inconsistent_orders
            or self.emails_not_once
            or self.emails_unpaid
        )

    def lines(self) -> list[str]:
        """One line per invariant: whether it holds, and what broke it (the first few)."""
        checks = [
            ("no 5xx answer", self.server_errors == 0, f"{self.server_errors} 5xx"),
            ("no stock below zero", not self.below_zero, f"variants {self.below_zero[:5]}"),
            (
                "held by orders + remaining = initial stock, for every variant bought",
                not self.stock_mismatches,
                f"(initial, held, remaining) {dict(list(self.stock_mismatches.items())[:5])}",
            ),
            (
                "every order's payment state fits its status",
                not self.inconsistent_orders,
                f"{self.inconsistent_orders[:5]}",
            ),
            (
                "one confirmation per paid order, sent by the worker",
                not self.emails_not_once,
                f"sent {dict(list(self.emails_not_once.items())[:5])}",
            ),
            (
                "no confirmation for an order that is not paid",
                not self.emails_unpaid,
                f"{dict(list(self.emails_unpaid.items())[:5])}",
            ),
            ("all hold", self.hold, "see above"),
        ]
        return [
            f"{name}: {yes_no(holds)}" + ("" if holds else f" ({detail})")
            for name, holds, detail in checks
        ]


def invariants_check(
    *,
    database_url: str,
    mail_dir: Path,
    after_id: int,
    initial_stock: dict[int, int],
    server_errors: int,
) -> Invariants:
    """Check the stock of the variants in `initial_stock`, every order placed after `after_id`
    and the confirmations in `mail_dir`."""
    orders = orders_placed(database_url, after_id=after_id)
    held = quantities_held(database_url, after_id=after_id)
    remaining = stock_of(database_url, list(initial_stock))
    mismatches = {
        variant: (initial, held.get(variant, 0), remaining[variant])
        for variant, initial in initial_stock.items()
        if held.get(variant, 0) + remaining[variant] != initial
    }
    sent = confirmations_sent(mail_dir)
    paid = {order.number for order in orders if order.status in PAID_STATUSES}
    return Invariants(
        server_errors=server_errors,
        below_zero=variants_below_zero(database_url),
        stock_mismatches=mismatches,
        inconsistent_orders=[order for order in orders if not order.payment_state_consistent],
        emails_not_once={number: sent[number] for number in paid if sent[number] != 1},
        emails_unpaid={number: count for number, count in sent.items() if number not in paid},
    )
