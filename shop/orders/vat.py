"""VAT contained in tax-included prices, per rate, the way an invoice shows it."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def vat_included(amount: Decimal, rate: Decimal) -> Decimal:
    """The VAT contained in a tax-included `amount` at `rate` percent."""
    return amount - amount * 100 / (100 + rate)


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    total: Decimal
    vat: Decimal

    @property
    def base(self) -> Decimal:
        return self.total - self.vat


def vat_breakdown(
    groups: Iterable[tuple[Sequence[tuple[Decimal, Decimal]], Decimal]],
) -> list[VatLine]:
    """Totals and VAT per rate of seller groups, each given as ((rate, line total)...), shipping.

    Shipping is taxed like the goods it carries, shared pro rata of their value; rounding the
    shares never changes the grand total (the highest rate takes the odd cent).
    """
    totals: dict[Decimal, Decimal] = defaultdict(Decimal)
    grand_total = Decimal("0.00")
    for lines, shipping in groups:
        goods = sum((total for _rate, total in lines), Decimal("0.00"))
        grand_total += goods + shipping
        for rate, total in lines:
            totals[rate] += total
            if goods and shipping:
                totals[rate] += shipping * total / goods
    rounded = {rate: cents(total) for rate, total in totals.items()}
    if rounded:
        highest = max(rounded)
        rounded[highest] += grand_total - sum(rounded.values())
    return [
        VatLine(rate, total, cents(vat_included(total, rate)))
        for rate, total in sorted(rounded.items())
    ]
