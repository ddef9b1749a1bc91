"""The past-orders generator: orders that add up, continue the invoice series, made once."""

from collections import Counter
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from catalogue.models import Product, ReviewStatus
from shop.demo.scale_orders import HistoryError, history_orders, orders_history_scale
from shop.orders.models import (
    FulfilmentGroup,
    InvoiceSeries,
    OrderLine,
    OrderStatus,
    PaymentStatus,
)
from shop.orders.services import invoice_number_next
from tests.factories import make_product, make_variant

pytestmark = pytest.mark.django_db


@pytest.fixture
def for_sale():
    products = [make_product(review_status=ReviewStatus.APPROVED) for _ in range(3)]
    return [make_variant(product=product, stock_quantity=5) for product in products]


def test_orders_are_paid_delivered_and_add_up(for_sale):
    lines: list[str] = []

    summary = orders_history_scale(orders=12, progress=lines.append, batch_size=5)

    orders = list(history_orders().prefetch_related("groups__lines"))
    assert (summary.orders_before, summary.orders_created, len(orders)) == (0, 12, 12)
    assert summary.lines_created == OrderLine.objects.count()
    assert summary.groups_created == FulfilmentGroup.objects.count()
    assert len(lines) == 3 and lines[-1].startswith(f"[{'#' * 24}] 100% 12/12 past orders")
    now = timezone.now()
    for order in orders:
        assert (order.status, order.payment_status) == (OrderStatus.FULFILLED, PaymentStatus.PAID)
        groups = list(order.groups.all())
        assert order.subtotal == sum(line.total for group in groups for line in group.lines.all())
        assert order.shipping_total == sum(group.shipping_price for group in groups)
        assert order.shipping_total > 0
        assert now - timedelta(days=731) < order.created_at < now - timedelta(hours=23)
        assert order.paid_at == order.created_at
    assert len({order.created_at.date() for order in orders}) > 1


def test_invoice_numbers_continue_each_sellers_series(for_sale):
    orders_history_scale(orders=10, batch_size=4)

    groups = Counter(FulfilmentGroup.objects.values_list("seller_id", flat=True))
    numbers = list(FulfilmentGroup.objects.values_list("invoice_number", flat=True))
    assert len(set(numbers)) == len(numbers)
    for seller_id, count in groups.items():
        series = InvoiceSeries.objects.get(pk=seller_id)
        assert series.last_number == count
        assert invoice_number_next(seller_id=series.seller_id) == f"{series.prefix}-{count + 1:06d}"


def test_the_same_target_adds_nothing_and_a_larger_one_tops_up_identically(for_sale):
    with transaction.atomic():
        orders_history_scale(orders=6, batch_size=6)
        sixth = history_orders().get(email__startswith="buyer-0000005@")
        made_at_once = (sixth.total, list(sixth.lines.values_list("sku", "quantity")))
        transaction.set_rollback(True)

    orders_history_scale(orders=4, batch_size=3)
    again = orders_history_scale(orders=4)
    topped = orders_history_scale(orders=6)

    assert (again.orders_created, topped.orders_created, history_orders().count()) == (0, 2, 6)
    sixth = history_orders().get(email__startswith="buyer-0000005@")
    assert (sixth.total, list(sixth.lines.values_list("sku", "quantity"))) == made_at_once


def test_nothing_for_sale_is_a_clear_error(for_sale):
    Product.objects.update(review_status=ReviewStatus.DRAFT)

    with pytest.raises(HistoryError, match="Nothing is for sale"):
        orders_history_scale(orders=3)

    assert not history_orders().exists()


def test_the_command_reports_the_orders(for_sale):
    output = StringIO()

    call_command("demo_scale", products=0, orders=5, stdout=output)

    revenue = history_orders().aggregate(total=Sum("total"))["total"]
    assert revenue > Decimal(0)
    assert "5 past orders (5 added, " in output.getvalue()
    with pytest.raises(CommandError, match="zero or more"):
        call_command("demo_scale", products=0, orders=-1, stdout=StringIO())
