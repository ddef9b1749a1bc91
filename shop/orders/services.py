"""Every write of the orders: state changes with their audit trail, stock given back, invoices."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from catalogue.models import ProductVariant
from shop.accounts.models import User
from shop.orders.models import (
    FulfilmentStatus,
    InvoiceSeries,
    Order,
    OrderEvent,
    OrderStatus,
    PaymentStatus,
)


def order_event_record(
    *,
    order: Order,
    action: str,
    actor: User | None = None,
    from_state: str = "",
    to_state: str = "",
    message: str = "",
    data: dict | None = None,
) -> OrderEvent:
    """Write one entry of the order's history (`action` is dotted: orders.order.paid)."""
    return OrderEvent.objects.create(
        order=order,
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_state=from_state,
        to_state=to_state,
        message=message,
        data=data or {},
    )


def stock_give_back(*, variant_id: int, quantity: int) -> None:
    """Put `quantity` of a variant back into its stock (one UPDATE)."""
    ProductVariant.objects.filter(pk=variant_id).update(
        stock_quantity=F("stock_quantity") + quantity
    )


def order_stock_release(*, order: Order) -> bool:
    """Give the order's reserved stock back, once whatever happens: True when this call did it."""
    claimed = Order.objects.filter(pk=order.pk, stock_released=False).update(stock_released=True)
    if not claimed:
        return False
    for line in order.lines.exclude(variant=None).order_by("variant_id"):
        stock_give_back(variant_id=line.variant_id, quantity=line.quantity)
    order.stock_released = True
    return True


def invoice_number_next(*, seller_id: int) -> str:
    """The next number of the seller's own unbroken invoice series (locks the series row)."""
    series, _created = InvoiceSeries.objects.select_for_update().get_or_create(
        seller_id=seller_id, defaults={"prefix": f"F{seller_id:04d}"}
    )
    series.last_number += 1
    series.save(update_fields=["last_number"])
    return f"{series.prefix}-{series.last_number:06d}"


# Without a savepoint of its own when the payment's transaction calls it: any error here undoes
# that transaction as a whole anyway, and a savepoint costs two more round trips per payment.
@transaction.atomic(savepoint=False)
def order_payment_succeed(*, order: Order, gateway: str, reference: str) -> bool:
    """Mark a pending order paid, number each seller's invoice and send the confirmation.

    Idempotent: an order that is no longer awaiting payment is left as it is (returns False).
    """
    from shop.orders.tasks import order_confirmation_send_task

    now = timezone.now()
    changes = {
        "status": OrderStatus.UNFULFILLED,
        "payment_status": PaymentStatus.PAID,
        "payment_gateway": gateway,
        "payment_reference": reference,
        "paid_at": now,
        "reserved_until": None,
        "updated_at": now,
    }
    moved = Order.objects.filter(pk=order.pk, status=OrderStatus.PENDING_PAYMENT).update(**changes)
    if not moved:
        return False
    for name, value in changes.items():  # the row as written, without reading it back
        setattr(order, name, value)
    # Series locked in one order (by seller) so that two payments never wait on each other.
    for group in sorted(order.groups.all(), key=lambda group: group.seller_id):
        group.invoice_number = invoice_number_next(seller_id=group.seller_id)
        group.invoiced_at = now
        group.save(update_fields=["invoice_number", "invoiced_at"])
    order_event_record(
        order=order,
        action="orders.order.paid",
        from_state=OrderStatus.PENDING_PAYMENT,
        to_state=OrderStatus.UNFULFILLED,
        data={"gateway": gateway, "reference": reference, "amount": str(order.total)},
    )
    transaction.on_commit(lambda: order_confirmation_send_task.delay(order_id=order.pk))
    return True


def _order_close_unpaid(
    *, order: Order, to_status: str, action: str, message: str, data: dict | None = None
) -> bool:
    payment_status = PaymentStatus.FAILED if to_status == OrderStatus.CANCELLED else None
    changes = {"status": to_status, "reserved_until": None, "updated_at": timezone.now()}
    if payment_status:
        changes["payment_status"] = payment_status
    moved = Order.objects.filter(pk=order.pk, status=OrderStatus.PENDING_PAYMENT).update(**changes)
    if not moved:
        return False
    order.refresh_from_db()
    order.groups.update(status=FulfilmentStatus.CANCELLED)
    order_stock_release(order=order)
    order_event_record(
        order=order,
        action=action,
        from_state=OrderStatus.PENDING_PAYMENT,
        to_state=to_status,
        message=message,
        data=data,
    )
    return True


@transaction.atomic
def order_payment_fail(*, order: Order, gateway: str, reason: str) -> bool:
    """A refused payment cancels the pending order and gives its stock back (idempotent)."""
    return _order_close_unpaid(
        order=order,
        to_status=OrderStatus.CANCELLED,
        action="orders.order.payment_failed",
        message=f"{gateway}: {reason}",
        data={"gateway": gateway},
    )


def orders_expire_unpaid(*, now=None) -> int:
    """Close the orders whose stock reservation ran out without payment; returns how many."""
    now = now or timezone.now()
    expired = 0
    stale = Order.objects.filter(status=OrderStatus.PENDING_PAYMENT, reserved_until__lt=now)
    for order in stale.order_by("pk").iterator():
        with transaction.atomic():
            expired += _order_close_unpaid(
                order=order,
                to_status=OrderStatus.EXPIRED,
                action="orders.order.expired",
                message=f"no payment within {settings.CHECKOUT_RESERVATION_MINUTES} minutes",
            )
    return expired
