from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from shop.checkout.complete import checkout_complete
from shop.orders.fulfilment import (
    group_mark_collected,
    group_mark_packed,
    group_mark_ready_for_pickup,
    group_mark_shipped,
)
from shop.orders.fulfilment_selectors import groups_of_seller, sales_by_month
from shop.orders.models import FulfilmentGroup, OrderEvent, OrderStatus
from shop.orders.services import order_payment_succeed
from tests.factories import make_listed_product, make_ready_checkout
from tests.producers.orders import placed_group

pytestmark = pytest.mark.django_db


def events_of(group: FulfilmentGroup) -> list[tuple[str, str, str]]:
    return list(
        OrderEvent.objects.filter(order=group.order, data__group=group.pk).values_list(
            "action", "from_state", "to_state"
        )
    )


def test_a_member_packs_then_ships_and_the_shopper_gets_the_tracking_number(
    django_capture_on_commit_callbacks,
):
    _producer, owner, group = placed_group()
    mail.outbox.clear()

    group_mark_packed(user=owner, group_id=group.pk)
    with django_capture_on_commit_callbacks(execute=True):
        group_mark_shipped(
            user=owner, group_id=group.pk, carrier="Colissimo", tracking_number="6A123456789"
        )

    group.refresh_from_db()
    group.order.refresh_from_db()
    assert (group.status, group.carrier, group.tracking_number) == (
        "shipped",
        "Colissimo",
        "6A123456789",
    )
    assert group.order.status == OrderStatus.FULFILLED
    assert events_of(group) == [
        ("orders.group.packed", "unfulfilled", "packed"),
        ("orders.group.shipped", "packed", "shipped"),
    ]
    assert [message.to for message in mail.outbox] == [["emma@example.org"]]
    assert "6A123456789" in mail.outbox[0].body
    assert group.order.number in mail.outbox[0].subject


def test_shipping_needs_a_carrier_and_a_tracking_number():
    _producer, owner, group = placed_group()

    with pytest.raises(ValidationError) as error:
        group_mark_shipped(user=owner, group_id=group.pk, carrier=" ", tracking_number="")

    assert sorted(error.value.message_dict) == ["carrier", "tracking_number"]
    group.refresh_from_db()
    assert (group.status, group.carrier) == ("unfulfilled", "")
    assert events_of(group) == []


def test_another_producer_cannot_touch_an_order_part():
    _producer, _owner, group = placed_group()
    other_producer, intruder, _product = make_listed_product()

    with pytest.raises(PermissionDenied):
        group_mark_packed(user=intruder, group_id=group.pk)
    with pytest.raises(PermissionDenied):
        group_mark_shipped(user=intruder, group_id=group.pk, carrier="X", tracking_number="1")
    with pytest.raises(PermissionDenied):
        group_mark_ready_for_pickup(user=intruder, group_id=group.pk)

    group.refresh_from_db()
    assert (group.status, group.tracking_number) == ("unfulfilled", "")
    assert events_of(group) == []
    assert list(groups_of_seller(seller_id=other_producer.seller_id)) == []


def test_an_unpaid_order_is_not_prepared():
    _producer, owner, group = placed_group(paid=False)

    with pytest.raises(PermissionDenied):
        group_mark_packed(user=owner, group_id=group.pk)

    group.refresh_from_db()
    assert group.status == "unfulfilled"
    assert list(groups_of_seller(seller_id=group.seller_id)) == []


def test_a_shipped_part_cannot_be_packed_again():
    _producer, owner, group = placed_group()
    group_mark_shipped(user=owner, group_id=group.pk, carrier="La Poste", tracking_number="1")

    with pytest.raises(ValidationError):
        group_mark_packed(user=owner, group_id=group.pk)

    group.refresh_from_db()
    assert group.status == "shipped"


def test_a_pickup_order_is_marked_ready_once_and_the_shopper_is_told(
    django_capture_on_commit_callbacks,
):
    _producer, owner, group = placed_group(pickup=True)
    assert group.delivery_method == "pickup"
    mail.outbox.clear()

    with pytest.raises(ValidationError):
        group_mark_shipped(user=owner, group_id=group.pk, carrier="X", tracking_number="1")
    with django_capture_on_commit_callbacks(execute=True):
        group_mark_ready_for_pickup(user=owner, group_id=group.pk)
    with pytest.raises(ValidationError):
        group_mark_ready_for_pickup(user=owner, group_id=group.pk)

    group.refresh_from_db()
    assert group.status == "ready_for_pickup"
    assert events_of(group) == [
        ("orders.group.ready_for_pickup", "unfulfilled", "ready_for_pickup")
    ]
    assert [message.to for message in mail.outbox] == [["emma@example.org"]]
    assert "La ferme, Rocamadour" in mail.outbox[0].body


def test_a_collected_pickup_order_is_fulfilled_and_counts_as_handed_over():
    _producer, owner, group = placed_group(pickup=True)
    with pytest.raises(ValidationError):
        group_mark_collected(user=owner, group_id=group.pk)  # not ready yet

    group_mark_ready_for_pickup(user=owner, group_id=group.pk)
    group_mark_collected(user=owner, group_id=group.pk)

    group.refresh_from_db()
    assert (group.status, group.order.status) == ("collected", "fulfilled")
    assert events_of(group)[-1] == ("orders.group.collected", "ready_for_pickup", "collected")
    with pytest.raises(ValidationError):
        group_mark_collected(user=owner, group_id=group.pk)


def test_the_monthly_sales_count_paid_orders_only():
    _producer, _owner, group = placed_group(quantity=3)
    checkout_complete(checkout=make_ready_checkout((group.lines.get().variant, 1)))  # unpaid

    months = sales_by_month(seller_id=group.seller_id)

    paid_month = timezone.localdate(group.order.paid_at).replace(day=1)
    assert [(m.month, m.orders, m.items, m.revenue) for m in months] == [
        (paid_month, 1, 3, Decimal("11.70"))
    ]


def test_the_parts_still_to_prepare_come_first():
    _producer, owner, shipped = placed_group()
    later = checkout_complete(checkout=make_ready_checkout((shipped.lines.get().variant, 1)))
    order_payment_succeed(order=later, gateway="builtin", reference="ref-later")
    group_mark_shipped(user=owner, group_id=shipped.pk, carrier="La Poste", tracking_number="1")

    groups = groups_of_seller(seller_id=shipped.seller_id)

    assert [(group.order, group.status) for group in groups] == [
        (later, "unfulfilled"),
        (shipped.order, "shipped"),
    ]
