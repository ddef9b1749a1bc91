"""Reads of the orders that the storefront, the API and the back offices share."""

from datetime import datetime
from uuid import UUID

from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from shop.accounts.models import User
from shop.compiled_reads import CompiledRead, Placeholder
from shop.orders.models import FulfilmentGroup, Order, PaymentStatus
from shop.orders.vat import VatLine, vat_breakdown


def _token(token: str | UUID) -> UUID | None:
    try:
        return UUID(str(token))
    except ValueError:
        return None


# Every payment and order page reads the order by its token: compiled once.
_order_page = CompiledRead(
    lambda token: Order.objects.select_related("shipping_address", "billing_address").filter(
        token=token
    ),
    token=Placeholder.uuid,
)
_order_alone = CompiledRead(lambda token: Order.objects.filter(token=token), token=Placeholder.uuid)


def order_by_token(*, token: str | UUID) -> Order | None:
    """The order behind a secret status link, with what its page shows; None when unknown."""
    token = _token(token)
    order = None if token is None else _order_page.first(token=token)
    if order is not None:
        groups = FulfilmentGroup.objects.select_related("seller").prefetch_related("lines")
        prefetch_related_objects([order], Prefetch("groups", queryset=groups))
    return order


def order_to_pay(*, token: str | UUID) -> Order | None:
    """The order behind a secret payment link, alone (paying reads what it changes); None when
    unknown."""
    token = _token(token)
    return None if token is None else _order_alone.first(token=token)


def orders_of(*, user: User) -> QuerySet[Order]:
    """A shopper's orders, newest first."""
    return Order.objects.filter(user=user).order_by("-created_at", "-pk")


def order_vat_lines(*, order: Order, undiscounted: bool = False) -> list[VatLine]:
    """The order's totals and VAT per rate as the shopper paid them (each line's share of the
    promo code deducted, so each rate's base shrinks pro rata), or before the promo code with
    `undiscounted`; shipping taxed like the goods it carries."""
    return vat_breakdown(
        (
            [
                (line.vat_rate, line.total if undiscounted else line.discounted_total)
                for line in group.lines.all()
            ],
            group.shipping_price if undiscounted else group.shipping_paid,
        )
        for group in order.groups.all()
    )


def orders_paid_unconfirmed(*, paid_after: datetime, paid_before: datetime) -> QuerySet[Order]:
    """Paid orders whose confirmation was never sent, paid between the two instants, oldest
    first."""
    return Order.objects.filter(
        payment_status=PaymentStatus.PAID,
        confirmation_sent_at__isnull=True,
        paid_at__gt=paid_after,
        paid_at__lt=paid_before,
    ).order_by("paid_at", "pk")
