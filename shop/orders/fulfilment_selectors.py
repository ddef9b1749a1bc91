"""Reads of a seller's own parts of orders: what to prepare, and what it sold each month."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth

from shop.orders.fulfilment import PAID_ORDER_STATUSES
from shop.orders.models import FulfilmentGroup, FulfilmentStatus, OrderEvent, OrderLine

# The order a producer works through its parts of orders: what is left to do first.
_TO_DO = (
    FulfilmentStatus.UNFULFILLED,
    FulfilmentStatus.PACKED,
    FulfilmentStatus.READY_FOR_PICKUP,
    FulfilmentStatus.SHIPPED,
)


def groups_of_seller(*, seller_id: int) -> QuerySet[FulfilmentGroup]:
    """The seller's parts of paid orders, the oldest still to prepare first."""
    return (
        FulfilmentGroup.objects.filter(seller_id=seller_id, order__status__in=PAID_ORDER_STATUSES)
        .select_related("order", "order__shipping_address")
        .annotate(
            item_count=Sum("lines__quantity"),
            step=Case(
                *(When(status=status, then=Value(rank)) for rank, status in enumerate(_TO_DO)),
                default=Value(len(_TO_DO)),
            ),
        )
        .order_by("step", "order__paid_at", "pk")
    )


def group_of_seller(*, seller_id: int, group_id: int) -> FulfilmentGroup | None:
    """One of the seller's parts of a paid order, with its lines; None for anyone else's."""
    return (
        groups_of_seller(seller_id=seller_id).prefetch_related("lines").filter(pk=group_id).first()
    )


def group_events(*, group: FulfilmentGroup) -> QuerySet[OrderEvent]:
    """The order's history that concerns this group, oldest first."""
    return group.order.events.filter(data__group=group.pk).order_by("created_at", "pk")


@dataclass(frozen=True)
class MonthSales:
    month: date
    orders: int
    items: int
    revenue: Decimal  # incl. VAT, products only


def sales_by_month(*, seller_id: int, limit: int = 12) -> list[MonthSales]:
    """The seller's sales per month of payment, newest first: paid orders, cancelled parts left
    out; one query."""
    amount = ExpressionWrapper(
        F("unit_price") * F("quantity"), output_field=DecimalField(max_digits=14, decimal_places=2)
    )
    rows = (
        OrderLine.objects.filter(group__seller_id=seller_id, order__status__in=PAID_ORDER_STATUSES)
        .exclude(group__status=FulfilmentStatus.CANCELLED)
        .annotate(month=TruncMonth("order__paid_at"))
        .values("month")
        .annotate(orders=Count("order", distinct=True), items=Sum("quantity"), revenue=Sum(amount))
        .order_by("-month")[:limit]
    )
    return [
        MonthSales(
            month=row["month"].date(),
            orders=row["orders"],
            items=row["items"],
            revenue=row["revenue"],
        )
        for row in rows
    ]
