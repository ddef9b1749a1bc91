"""An order's payment as Saleor's `TransactionItem`: one per order (its ID holds the order's
token), its events read from the order's history: the card payment started, the money received,
a payment declined, a refund."""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from shop.graphql.core.dataloaders import DataLoader, grouped
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.money import MoneyValue, money
from shop.orders.models import Order, OrderEvent
from shop.payments.gateway import gateway_name

ORDER = "order"
CHECKOUT = "checkout"
# The order history's payment entries, as the transaction's events: type and message.
EVENTS = {
    "payments.payment.started": ("CHARGE_ACTION_REQUIRED", _("Confirm the payment to finish.")),
    "orders.order.paid": ("CHARGE_SUCCESS", _("Payment received.")),
    "payments.payment.declined": ("CHARGE_FAILURE", _("The payment was declined.")),
    "orders.order.payment_failed": (
        "CHARGE_FAILURE",
        _("The payment was declined and the order cancelled."),
    ),
    "payments.order.refunded": ("REFUND_SUCCESS", _("Refunded.")),
}


@dataclass(frozen=True)
class TransactionEventValue:
    id: str
    created_at: datetime
    type: str
    message: str
    psp_reference: str
    amount: MoneyValue
    external_url: str = ""  # our gateways' pages are not the shoppers' to see


@dataclass(frozen=True)
class TransactionValue:
    id: str
    created_at: datetime
    name: str
    psp_reference: str
    charged_amount: MoneyValue
    authorized_amount: MoneyValue
    events: list[TransactionEventValue]
    actions: tuple[str, ...] = ()  # charging and refunding are the brand team's, in the admin


def _event(order: Order, entry: OrderEvent) -> TransactionEventValue:
    kind, message = EVENTS[entry.action]
    # Refunds and payments carry their amount; a started or declined payment was for the total.
    amount = Decimal(entry.data["amount"]) if "amount" in entry.data else order.total
    return TransactionEventValue(
        id=to_global_id("TransactionEvent", entry.pk),
        created_at=entry.created_at,
        type=kind,
        message=str(message),
        psp_reference=entry.data.get("reference", ""),
        amount=money(amount),
    )


def order_transactions(order: Order, entries: list[OrderEvent]) -> list[TransactionValue]:
    """The order's transaction (none before a payment was tried), from its payment entries in
    their order."""
    entries = [entry for entry in entries if entry.action in EVENTS]
    if not entries:
        return []
    events = [_event(order, entry) for entry in entries]
    charged = sum((e.amount.amount for e in events if e.type == "CHARGE_SUCCESS"), Decimal(0))
    refunded = sum((e.amount.amount for e in events if e.type == "REFUND_SUCCESS"), Decimal(0))
    gateway = order.payment_gateway or next(
        (entry.data["gateway"] for entry in entries if "gateway" in entry.data), ""
    )
    reference = order.payment_reference or next(
        (event.psp_reference for event in reversed(events) if event.psp_reference), ""
    )
    transaction = TransactionValue(
        id=to_global_id("TransactionItem", order.token),
        created_at=events[0].created_at,
        name=gateway_name(gateway_id=gateway),
        psp_reference=reference,
        charged_amount=money(charged - refunded),
        authorized_amount=money(0),
        events=events,
    )
    return [transaction]


def payment_entries() -> QuerySet[OrderEvent]:
    """The orders' history entries about payments, in their order."""
    return OrderEvent.objects.filter(action__in=list(EVENTS)).order_by("created_at", "id")


def transaction_now(order: Order) -> TransactionValue | None:
    """The order's transaction as it stands (read afresh, after a payment step)."""
    found = order_transactions(order, list(payment_entries().filter(order=order)))
    return found[0] if found else None


class PaymentEntriesByOrder(DataLoader):
    """An order's payment entries, in their order."""

    kind, default = ORDER, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        return grouped(payment_entries().filter(order_id__in=keys), "order_id")


class TransactionsByCheckout(DataLoader):
    """The transactions of the orders a checkout placed (a declined one's too), oldest first."""

    kind, default = CHECKOUT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        entries = payment_entries().filter(order__checkout_token__in=keys).select_related("order")
        found: dict[Hashable, list[TransactionValue]] = {}
        for order_entries in grouped(entries, "order_id").values():
            order = order_entries[0].order
            found.setdefault(order.checkout_token, []).extend(
                order_transactions(order, order_entries)
            )
        for items in found.values():
            items.sort(key=lambda item: item.created_at)
        return found
