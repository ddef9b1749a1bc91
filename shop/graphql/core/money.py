"""Money as the API shows it: amounts in euros, prices tax included with their VAT share."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shop.graphql.core.channel import CURRENCY

CENT = Decimal("0.01")


@dataclass(frozen=True)
class MoneyValue:
    amount: Decimal
    currency: str = CURRENCY


@dataclass(frozen=True)
class TaxedMoneyValue:
    gross: MoneyValue
    net: MoneyValue
    tax: MoneyValue
    currency: str = CURRENCY


@dataclass(frozen=True)
class TaxedMoneyRangeValue:
    start: TaxedMoneyValue
    stop: TaxedMoneyValue


def money(amount: Decimal) -> MoneyValue:
    return MoneyValue(amount=Decimal(amount).quantize(CENT, ROUND_HALF_UP))


def taxed_money(gross: Decimal, vat_percent: Decimal) -> TaxedMoneyValue:
    """A price tax included, split into its net part and its VAT at `vat_percent`."""
    gross = Decimal(gross).quantize(CENT, ROUND_HALF_UP)
    net = (gross * 100 / (100 + Decimal(vat_percent))).quantize(CENT, ROUND_HALF_UP)
    return TaxedMoneyValue(gross=money(gross), net=money(net), tax=money(gross - net))


def taxed_sum(parts: list[TaxedMoneyValue]) -> TaxedMoneyValue:
    """Taxed amounts added up (each part keeps the VAT of its own rate)."""
    gross = sum((part.gross.amount for part in parts), Decimal("0.00"))
    net = sum((part.net.amount for part in parts), Decimal("0.00"))
    return TaxedMoneyValue(gross=money(gross), net=money(net), tax=money(gross - net))


def taxed_from(gross: Decimal | int, tax: Decimal | int) -> TaxedMoneyValue:
    """A tax-included amount whose VAT share was worked out already (mixed rates)."""
    gross, tax = Decimal(gross), Decimal(tax)
    return TaxedMoneyValue(gross=money(gross), net=money(gross - tax), tax=money(tax))
