"""Past orders for benchmarks and reports: 100,000 orders in minutes, deterministic.

Each generated order belongs to a shopper `buyer-<serial>@history.demo.ohmylot.fr`, was placed
on a day of the last two years, is paid and delivered, and holds one to four lines of variants
for sale, grouped per seller with the shipping price of the shop's own weight rates and an
invoice number from the seller's own series (the series moves on, so live orders continue it).
Order number n is the same whichever run and batch makes it, so a second run with the same target
adds nothing and a larger target only tops the history up.

Rows are written with bulk_create, one transaction per batch; dates are set by one UPDATE per
batch because the models stamp `created_at` themselves.
"""

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from catalogue.models import ProductVariant
from catalogue.selectors import products_for_sale
from shop.accounts.models import Address
from shop.demo.progress import progress_line
from shop.orders.models import (
    FulfilmentGroup,
    FulfilmentStatus,
    InvoiceSeries,
    Order,
    OrderLine,
    OrderStatus,
    PaymentStatus,
)
from shop.shipping.models import DeliveryMethod, ShippingZone, WeightRate

SEED = "ohmylot-history-1"
HISTORY_EMAIL_DOMAIN = "history.demo.ohmylot.fr"
HISTORY_GATEWAY = "ohmylot.payments.test"
BATCH_SIZE = 2000
HISTORY_DAYS = 730
FIRST_NAMES = ("Anna", "Pieter", "Sophie", "Lukas", "Camille", "Emma", "Jan", "Claire", "Tom")
LAST_NAMES = ("de Vries", "Martin", "Müller", "Janssen", "Dubois", "Smith", "Bernard", "Peeters")
# Where the summer's visitors live: France first, then the neighbours who holiday in the Lot.
HOMES = (
    ("FR", "75011", "Paris", ShippingZone.FRANCE),
    ("FR", "69003", "Lyon", ShippingZone.FRANCE),
    ("FR", "31000", "Toulouse", ShippingZone.FRANCE),
    ("NL", "1012 AB", "Amsterdam", ShippingZone.EUROPE),
    ("BE", "1000", "Bruxelles", ShippingZone.EUROPE),
    ("DE", "50667", "Köln", ShippingZone.EUROPE),
)
ANALYZED_MODELS = (Address, Order, FulfilmentGroup, OrderLine)


class HistoryError(Exception):
    """Nothing is for sale, so no past order can be made up."""


@dataclass
class HistorySummary:
    """What one run did."""

    orders_before: int = 0
    orders_created: int = 0
    groups_created: int = 0
    lines_created: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class _Variant:
    id: int
    seller_id: int
    product_name: str
    variant_name: str
    sku: str
    price: Decimal
    vat_rate: Decimal
    weight_grams: int


def history_orders() -> QuerySet[Order]:
    """The generated past orders."""
    return Order.objects.filter(email__endswith=f"@{HISTORY_EMAIL_DOMAIN}")


class _Generator:
    def __init__(self) -> None:
        self.now = timezone.now()
        variants = (
            ProductVariant.objects.filter(product__in=products_for_sale())
            .order_by("id")
            .values_list(
                "id",
                "product__seller_id",
                "product__name",
                "name",
                "sku",
                "price",
                "product__vat_rate",
                "weight_grams",
            )
        )
        self.variants = [
            _Variant(id, seller, product, name, sku, price, Decimal(vat), weight)
            for id, seller, product, name, sku, price, vat, weight in variants
        ]
        if not self.variants:
            raise HistoryError("Nothing is for sale: load the demo first (manage.py load_demo).")
        self.rates: dict[str, list[tuple[int, Decimal]]] = defaultdict(list)
        for rate in WeightRate.objects.filter(method=DeliveryMethod.STANDARD).order_by(
            "max_weight_grams"
        ):
            self.rates[rate.zone].append((rate.max_weight_grams, rate.price))

    def shipping_price(self, zone: str, weight_grams: int) -> Decimal:
        """The standard rate that carries the parcel, or the heaviest one (parcels are split)."""
        rates = self.rates[zone]
        return next((price for limit, price in rates if limit >= weight_grams), rates[-1][1])

    def order(self, serial: int, invoices: "_Invoices") -> tuple[Order, datetime, list]:
        rng = random.Random(f"{SEED}:order:{serial}")
        country, postcode, city, zone = rng.choice(HOMES)
        address = Address(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            street_address_1=f"{rng.randint(1, 120)} rue des Vacances",
            postal_code=postcode,
            city=city,
            country=country,
        )
        picked = rng.sample(self.variants, k=min(len(self.variants), rng.randint(1, 4)))
        by_seller: dict[int, list[tuple[_Variant, int]]] = defaultdict(list)
        for variant in picked:
            by_seller[variant.seller_id].append((variant, rng.randint(1, 3)))
        placed_at = self.now - timedelta(
            days=rng.randint(1, HISTORY_DAYS), minutes=rng.randint(0, 1439)
        )
        groups = []
        subtotal = shipping_total = Decimal(0)
        for seller_id, lines in sorted(by_seller.items()):
            weight = sum(variant.weight_grams * quantity for variant, quantity in lines)
            shipping = self.shipping_price(zone, weight)
            group = FulfilmentGroup(
                seller_id=seller_id,
                delivery_method=DeliveryMethod.STANDARD,
                shipping_price=shipping,
                status=FulfilmentStatus.DELIVERED,
                carrier="Colissimo",
                tracking_number=f"6A{serial:09d}{seller_id % 100:02d}",
                invoice_number=invoices.next(seller_id),
                invoiced_at=placed_at,
            )
            order_lines = [
                OrderLine(
                    group=group,
                    variant_id=variant.id,
                    product_name=variant.product_name,
                    variant_name=variant.variant_name,
                    sku=variant.sku,
                    quantity=quantity,
                    unit_price=variant.price,
                    vat_rate=variant.vat_rate,
                )
                for variant, quantity in lines
            ]
            subtotal += sum(line.unit_price * line.quantity for line in order_lines)
            shipping_total += shipping
            groups.append((group, order_lines))
        order = Order(
            email=f"buyer-{serial:07d}@{HISTORY_EMAIL_DOMAIN}",
            language_code=rng.choice(("fr", "en", "nl", "de")),
            status=OrderStatus.FULFILLED,
            payment_status=PaymentStatus.PAID,
            payment_gateway=HISTORY_GATEWAY,
            payment_reference=f"history-{serial:07d}",
            shipping_address=address,
            billing_address=address,
            subtotal=subtotal,
            shipping_total=shipping_total,
            total=subtotal + shipping_total,
            stock_released=False,
            confirmation_sent_at=placed_at,
            paid_at=placed_at,
        )
        return order, placed_at, groups


class _Invoices:
    """Invoice numbers that continue each seller's own series, saved once per batch."""

    def __init__(self) -> None:
        self.series: dict[int, InvoiceSeries] = {}
        self.used: dict[int, int] = defaultdict(int)

    def next(self, seller_id: int) -> str:
        series = self.series.get(seller_id)
        if series is None:
            series, _created = InvoiceSeries.objects.select_for_update().get_or_create(
                seller_id=seller_id, defaults={"prefix": f"F{seller_id:04d}"}
            )
            self.series[seller_id] = series
        self.used[seller_id] += 1
        return f"{series.prefix}-{series.last_number + self.used[seller_id]:06d}"

    def save(self) -> None:
        for seller_id, count in self.used.items():
            InvoiceSeries.objects.filter(pk=seller_id).update(last_number=F("last_number") + count)


def _write(generated: list[tuple[Order, datetime, list]], summary: HistorySummary) -> None:
    orders = [order for order, _placed_at, _groups in generated]
    Address.objects.bulk_create([order.shipping_address for order in orders])
    for order in orders:
        order.shipping_address_id = order.billing_address_id = order.shipping_address.pk
    Order.objects.bulk_create(orders)
    groups, lines = [], []
    for order, _placed_at, order_groups in generated:
        for group, group_lines in order_groups:
            group.order_id = order.pk
            groups.append(group)
            lines.extend(group_lines)
    FulfilmentGroup.objects.bulk_create(groups)
    for line in lines:
        line.group_id = line.group.pk
        line.order_id = line.group.order_id
    OrderLine.objects.bulk_create(lines)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE orders_order AS o SET created_at = v.placed_at, updated_at = v.placed_at "
            "FROM unnest(%s::bigint[], %s::timestamptz[]) AS v(id, placed_at) WHERE o.id = v.id",
            [[order.pk for order in orders], [placed_at for _order, placed_at, _ in generated]],
        )
    summary.orders_created += len(orders)
    summary.groups_created += len(groups)
    summary.lines_created += len(lines)


def orders_history_scale(
    *,
    orders: int,
    progress: Callable[[str], None] = lambda line: None,
    batch_size: int = BATCH_SIZE,
) -> HistorySummary:
    """Add generated past orders until the history holds `orders`; `progress` gets a line per
    batch. Adds nothing when it holds that many already; HistoryError when nothing is for sale."""
    started = time.perf_counter()
    summary = HistorySummary(orders_before=history_orders().count())
    missing = orders - summary.orders_before
    if missing <= 0:
        summary.seconds = time.perf_counter() - started
        progress(f"The history holds {summary.orders_before:,} past orders: nothing to add.")
        return summary
    generator = _Generator()
    first = summary.orders_before
    for start in range(first, first + missing, batch_size):
        with transaction.atomic():
            invoices = _Invoices()
            generated = [
                generator.order(serial, invoices)
                for serial in range(start, min(start + batch_size, first + missing))
            ]
            _write(generated, summary)
            invoices.save()
        progress(
            progress_line(
                done=summary.orders_created,
                total=missing,
                what="past orders",
                seconds=time.perf_counter() - started,
            )
        )
    with connection.cursor() as cursor:
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in ANALYZED_MODELS)
        cursor.execute(f"ANALYZE {tables}")
    summary.seconds = time.perf_counter() - started
    return summary
