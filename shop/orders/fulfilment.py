"""A seller's part of an order, prepared and sent by its producer: packed, then shipped (the
shopper is emailed the carrier and tracking number), or ready for pickup (the shopper is emailed)
and then collected. Every change is an OrderEvent.

Only members of the producer selling the group may act on it (producers.permissions).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from producers.models import Producer
from producers.permissions import member_require
from shop.accounts.models import User
from shop.orders.models import HANDED_OVER, FulfilmentGroup, FulfilmentStatus, Order, OrderStatus
from shop.orders.services import order_event_record
from shop.shipping.models import DeliveryMethod

# Orders a producer prepares: paid ones (a pending order may still expire unpaid).
PAID_ORDER_STATUSES = (
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
    OrderStatus.FULFILLED,
)


def _group_lock(*, user: User, group_id: int) -> FulfilmentGroup:
    """The paid order's group, locked, when `user` is a member of its seller's producer."""
    group = (
        FulfilmentGroup.objects.select_for_update(of=("self",))
        .select_related("order", "seller")
        .filter(pk=group_id, order__status__in=PAID_ORDER_STATUSES)
        .first()
    )
    producer = Producer.objects.filter(seller_id=group.seller_id).first() if group else None
    if group is None or producer is None:
        raise PermissionDenied(_("This order is not one of yours."))
    member_require(user=user, producer=producer)
    return group


def _not_now(group: FulfilmentGroup) -> ValidationError:
    return ValidationError(
        _("This part of the order is already “%(status)s”.")
        % {"status": group.get_status_display()},
        code="invalid_state",
    )


def _move(*, user: User, group: FulfilmentGroup, to_status: str, action: str, **data) -> None:
    from_status = group.status
    group.status = to_status
    group.save(update_fields=["status", "carrier", "tracking_number"])
    order_event_record(
        order=group.order,
        action=action,
        actor=user,
        from_state=from_status,
        to_state=to_status,
        data={"group": group.pk, "seller": group.seller.name, **data},
    )


def _order_progress(*, user: User, order: Order) -> None:
    """A paid order is partly shipped, then shipped, as its groups leave (or are collected)."""
    statuses = list(
        order.groups.exclude(status=FulfilmentStatus.CANCELLED).values_list("status", flat=True)
    )
    sent = sum(status in HANDED_OVER for status in statuses)
    target = OrderStatus.FULFILLED if sent == len(statuses) else OrderStatus.PARTIALLY_FULFILLED
    if sent == 0 or order.status == target:
        return
    from_status = order.status
    Order.objects.filter(pk=order.pk).update(status=target, updated_at=timezone.now())
    order.status = target
    order_event_record(
        order=order,
        action=f"orders.order.{target}",
        actor=user,
        from_state=from_status,
        to_state=target,
    )


def _email_queue(*, task_name: str, group_id: int) -> None:
    from shop.orders import tasks

    getattr(tasks, task_name).delay(group_id=group_id)


@transaction.atomic
def group_mark_packed(*, user: User, group_id: int) -> FulfilmentGroup:
    """The producer has packed its part of the order."""
    group = _group_lock(user=user, group_id=group_id)
    if group.status != FulfilmentStatus.UNFULFILLED:
        raise _not_now(group)
    _move(user=user, group=group, to_status=FulfilmentStatus.PACKED, action="orders.group.packed")
    return group


@transaction.atomic
def group_mark_shipped(
    *, user: User, group_id: int, carrier: str, tracking_number: str
) -> FulfilmentGroup:
    """The parcel left with `carrier`; the shopper is emailed the tracking number after commit."""
    group = _group_lock(user=user, group_id=group_id)
    if group.delivery_method == DeliveryMethod.PICKUP:
        raise ValidationError(
            _("The shopper collects this order: mark it ready for pickup."), code="invalid_state"
        )
    if group.status not in (FulfilmentStatus.UNFULFILLED, FulfilmentStatus.PACKED):
        raise _not_now(group)
    errors = {}
    carrier, tracking_number = carrier.strip()[:100], tracking_number.strip()[:100]
    if not carrier:
        errors["carrier"] = [ValidationError(_("Name the carrier."), code="required")]
    if not tracking_number:
        errors["tracking_number"] = [
            ValidationError(_("Give the tracking number."), code="required")
        ]
    if errors:
        raise ValidationError(errors)
    group.carrier, group.tracking_number = carrier, tracking_number
    _move(
        user=user,
        group=group,
        to_status=FulfilmentStatus.SHIPPED,
        action="orders.group.shipped",
        carrier=carrier,
        tracking_number=tracking_number,
    )
    _order_progress(user=user, order=group.order)
    transaction.on_commit(
        lambda: _email_queue(task_name="group_shipped_email_send_task", group_id=group.pk),
        robust=True,
    )
    return group


@transaction.atomic
def group_mark_ready_for_pickup(*, user: User, group_id: int) -> FulfilmentGroup:
    """A pickup order waits at the producer's; the shopper is emailed after commit."""
    group = _group_lock(user=user, group_id=group_id)
    if group.delivery_method != DeliveryMethod.PICKUP:
        raise ValidationError(_("This part of the order is to be shipped."), code="invalid_state")
    if group.status not in (FulfilmentStatus.UNFULFILLED, FulfilmentStatus.PACKED):
        raise _not_now(group)
    _move(
        user=user,
        group=group,
        to_status=FulfilmentStatus.READY_FOR_PICKUP,
        action="orders.group.ready_for_pickup",
    )
    transaction.on_commit(
        lambda: _email_queue(task_name="group_ready_email_send_task", group_id=group.pk),
        robust=True,
    )
    return group


@transaction.atomic
def group_mark_collected(*, user: User, group_id: int) -> FulfilmentGroup:
    """The shopper collected their pickup order at the producer's."""
    group = _group_lock(user=user, group_id=group_id)
    if group.status != FulfilmentStatus.READY_FOR_PICKUP:
        raise _not_now(group)
    _move(
        user=user,
        group=group,
        to_status=FulfilmentStatus.COLLECTED,
        action="orders.group.collected",
    )
    _order_progress(user=user, order=group.order)
    return group
