"""An order's totals as the API shows them: tax included, each with its share of the VAT."""

from dataclasses import dataclass

from shop.graphql.core.money import TaxedMoneyValue, taxed_from, taxed_money, taxed_sum
from shop.orders.models import Order
from shop.orders.selectors import order_vat_lines


@dataclass(frozen=True)
class OrderTotals:
    goods: TaxedMoneyValue
    shipping: TaxedMoneyValue
    order: TaxedMoneyValue


def order_totals(order: Order, *, undiscounted: bool = False) -> OrderTotals:
    """The goods, the shipping and the whole order with their VAT, as the shopper paid them
    (the promo code's shares deducted) or, with `undiscounted`, before the promo code. The
    shipping's VAT is the order's less the goods' (shipping is taxed like what it carries)."""
    lines = [line for group in order.groups.all() for line in group.lines.all()]
    goods = taxed_sum(
        [
            taxed_money(line.total if undiscounted else line.discounted_total, line.vat_rate)
            for line in lines
        ]
    )
    vat_lines = order_vat_lines(order=order, undiscounted=undiscounted)
    whole = taxed_from(sum(v.total for v in vat_lines), sum(v.vat for v in vat_lines))
    shipping = taxed_from(
        whole.gross.amount - goods.gross.amount, whole.tax.amount - goods.tax.amount
    )
    return OrderTotals(goods=goods, shipping=shipping, order=whole)
