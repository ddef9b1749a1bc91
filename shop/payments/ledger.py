"""What each seller is owed for a period, and its CSV export.

A seller is owed, for the orders paid in the period, the value of its fulfilled (shipped or
delivered) groups: their lines and their shipping, less the value of what was refunded on them,
less the programme's commission on the lines that were not refunded. Refunds made in Stripe's
dashboard carry no lines and are reported apart, for the brand team to allocate.

Promo codes are the programme's: values, refunds and commission are those of the undiscounted
goods and delivery, so a seller is owed the same with or without a code. What the codes took
off the groups (less the share of it on refunded parts, which the shopper did not get back) is
the programme's voucher cost, reported per seller beside what it is owed.

Money reaches sellers by the brand team's own transfers for now. Stripe Connect's separate
charges and transfers are not wired: the test Stripe server (localstripe) has no transfers API
(/v1/transfers answers 404), so that code could not be tested here. Each seller's Connect
account id is kept in its payout settings and printed in the export for when it is.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.utils import timezone

from catalogue.models import Seller
from shop.orders.models import HANDED_OVER, FulfilmentGroup, OrderLine
from shop.payments.models import Refund, RefundLine, SellerPayoutSettings

CENT = Decimal("0.01")


@dataclass(frozen=True)
class LedgerRow:
    seller_id: int
    seller_name: str
    stripe_account_id: str
    groups: int
    lines_total: Decimal
    shipping_total: Decimal
    refunds: Decimal
    commission_rate: Decimal
    commission: Decimal
    net_owed: Decimal
    voucher_cost: Decimal


@dataclass(frozen=True)
class Ledger:
    start: date
    end: date
    rows: list[LedgerRow]
    unallocated_refunds: Decimal

    @property
    def voucher_cost(self) -> Decimal:
        """What the programme's promo codes cost in the period, all sellers together."""
        return sum((row.voucher_cost for row in self.rows), Decimal("0.00"))


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    first = datetime.combine(start, time.min, tzinfo=zone)
    return first, datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)


def _sums(queryset, key: str, **aggregates) -> dict[int, dict[str, Decimal]]:
    """Per value of `key`, the named aggregates of its rows (one query)."""
    rows = queryset.values(key).annotate(**aggregates).order_by()
    return {row[key]: row for row in rows}


def _money(value: Decimal | None) -> Decimal:
    return value if value is not None else Decimal("0.00")


def ledger_for_period(*, start: date, end: date) -> Ledger:
    """Per seller, for orders paid from `start` to `end` (both included): see the module."""
    since, until = _bounds(start, end)
    paid = Q(order__paid_at__gte=since, order__paid_at__lt=until)
    groups = FulfilmentGroup.objects.filter(paid, status__in=HANDED_OVER)
    money = DecimalField(max_digits=14, decimal_places=2)
    line_value = ExpressionWrapper(F("unit_price") * F("quantity"), output_field=money)
    refunded_value = ExpressionWrapper(F("line__unit_price") * F("quantity"), output_field=money)
    lines = _sums(
        OrderLine.objects.filter(group__in=groups),
        "group__seller_id",
        value=Sum(line_value),
        taken_off=Sum("discount"),
    )
    shipping = _sums(
        groups,
        "seller_id",
        groups=Count("pk"),
        value=Sum("shipping_price"),
        taken_off=Sum("shipping_discount"),
    )
    refund_lines = RefundLine.objects.filter(group__in=groups)
    refunded_lines = _sums(
        refund_lines.exclude(line=None),
        "group__seller_id",
        value=Sum(refunded_value),
        paid=Sum("amount"),
    )
    refunded_shipping = _sums(
        refund_lines.filter(line=None),
        "group__seller_id",
        value=Sum("group__shipping_price"),
        paid=Sum("amount"),
    )
    unallocated = Refund.objects.filter(paid, lines__isnull=True).aggregate(s=Sum("amount"))["s"]
    payouts = {p.seller_id: p for p in SellerPayoutSettings.objects.filter(seller_id__in=shipping)}
    rows = []
    for seller in Seller.objects.filter(pk__in=shipping).order_by("name", "pk"):
        payout = payouts.get(seller.pk)
        rate = payout.commission_rate if payout and payout.commission_rate is not None else None
        rate = settings.PAYMENT_COMMISSION_RATE if rate is None else rate
        sold, sent = lines.get(seller.pk, {}), shipping[seller.pk]
        back = [refunded_lines.get(seller.pk, {}), refunded_shipping.get(seller.pk, {})]
        lines_total = _money(sold.get("value"))
        refunds = sum((_money(part.get("value")) for part in back), Decimal("0.00"))
        refunds_paid = sum((_money(part.get("paid")) for part in back), Decimal("0.00"))
        commission = ((lines_total - _money(back[0].get("value"))) * rate).quantize(
            CENT, ROUND_HALF_UP
        )
        discounts = _money(sold.get("taken_off")) + _money(sent["taken_off"])
        rows.append(
            LedgerRow(
                seller_id=seller.pk,
                seller_name=seller.name,
                stripe_account_id=payout.stripe_account_id if payout else "",
                groups=sent["groups"],
                lines_total=lines_total,
                shipping_total=_money(sent["value"]),
                refunds=refunds,
                commission_rate=rate,
                commission=commission,
                net_owed=lines_total + _money(sent["value"]) - refunds - commission,
                voucher_cost=discounts - (refunds - refunds_paid),
            )
        )
    return Ledger(start, end, rows, unallocated or Decimal("0.00"))


CSV_HEADER = (
    "seller_id",
    "seller",
    "stripe_account",
    "groups",
    "lines",
    "shipping",
    "refunds",
    "commission_rate",
    "commission",
    "net_owed",
    "voucher_cost",
)


def _cell(text: str) -> str:
    # A spreadsheet would run a name starting with = + - @ as a formula.
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text


def ledger_csv(*, ledger: Ledger) -> str:
    """The ledger as CSV (one row per seller, its promo codes' cost to the programme last,
    then refunds not allocated to a seller)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in ledger.rows:
        writer.writerow(
            (
                row.seller_id,
                _cell(row.seller_name),
                row.stripe_account_id,
                row.groups,
                row.lines_total,
                row.shipping_total,
                row.refunds,
                row.commission_rate,
                row.commission,
                row.net_owed,
                row.voucher_cost,
            )
        )
    if ledger.unallocated_refunds:
        writer.writerow(("", "unallocated refunds", "", "", "", "", ledger.unallocated_refunds))
    return out.getvalue()
