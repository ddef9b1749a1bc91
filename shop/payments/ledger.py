"""What each seller is owed for a period, and its CSV export.

A seller is owed, for the orders paid in the period, the value of its fulfilled (shipped or
delivered) groups: their lines and their shipping, less what was refunded on them, less the
programme's commission on the lines that were not refunded. Refunds made in Stripe's dashboard
carry no lines and are reported apart, for the brand team to allocate.

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


@dataclass(frozen=True)
class Ledger:
    start: date
    end: date
    rows: list[LedgerRow]
    unallocated_refunds: Decimal


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    first = datetime.combine(start, time.min, tzinfo=zone)
    return first, datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)


def _sums(queryset, key: str, value) -> dict[int, Decimal]:
    return dict(queryset.values_list(key).annotate(total=Sum(value)).order_by())


def ledger_for_period(*, start: date, end: date) -> Ledger:
    """Per seller, for orders paid from `start` to `end` (both included): see the module."""
    since, until = _bounds(start, end)
    paid = Q(order__paid_at__gte=since, order__paid_at__lt=until)
    groups = FulfilmentGroup.objects.filter(paid, status__in=HANDED_OVER)
    line_value = ExpressionWrapper(
        F("unit_price") * F("quantity"), output_field=DecimalField(max_digits=14, decimal_places=2)
    )
    lines = _sums(OrderLine.objects.filter(group__in=groups), "group__seller_id", line_value)
    shipping = _sums(groups, "seller_id", "shipping_price")
    counts = dict(groups.values_list("seller_id").annotate(n=Count("pk")).order_by())
    refund_lines = RefundLine.objects.filter(group__in=groups)
    refunded_lines = _sums(refund_lines.exclude(line=None), "group__seller_id", "amount")
    refunded_shipping = _sums(refund_lines.filter(line=None), "group__seller_id", "amount")
    unallocated = Refund.objects.filter(paid, lines__isnull=True).aggregate(s=Sum("amount"))["s"]
    payouts = {p.seller_id: p for p in SellerPayoutSettings.objects.filter(seller_id__in=counts)}
    rows = []
    for seller in Seller.objects.filter(pk__in=counts).order_by("name", "pk"):
        payout = payouts.get(seller.pk)
        rate = payout.commission_rate if payout and payout.commission_rate is not None else None
        rate = settings.PAYMENT_COMMISSION_RATE if rate is None else rate
        zero = Decimal("0.00")
        lines_total = lines.get(seller.pk, zero)
        refunds = refunded_lines.get(seller.pk, zero) + refunded_shipping.get(seller.pk, zero)
        commission = ((lines_total - refunded_lines.get(seller.pk, zero)) * rate).quantize(
            CENT, ROUND_HALF_UP
        )
        rows.append(
            LedgerRow(
                seller_id=seller.pk,
                seller_name=seller.name,
                stripe_account_id=payout.stripe_account_id if payout else "",
                groups=counts[seller.pk],
                lines_total=lines_total,
                shipping_total=shipping.get(seller.pk, zero),
                refunds=refunds,
                commission_rate=rate,
                commission=commission,
                net_owed=lines_total + shipping.get(seller.pk, zero) - refunds - commission,
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
)


def _cell(text: str) -> str:
    # A spreadsheet would run a name starting with = + - @ as a formula.
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text


def ledger_csv(*, ledger: Ledger) -> str:
    """The ledger as CSV (one row per seller, then refunds not allocated to a seller)."""
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
            )
        )
    if ledger.unallocated_refunds:
        writer.writerow(("", "unallocated refunds", "", "", "", "", ledger.unallocated_refunds))
    return out.getvalue()
