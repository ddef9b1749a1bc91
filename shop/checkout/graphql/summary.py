"""A checkout's summary (lines per seller, delivery, totals) worked out once per request."""

from catalogue.graphql.dataloaders import PRODUCT, SELLER
from shop.checkout.models import Checkout
from shop.checkout.selectors import CheckoutSummary, checkout_summary
from shop.graphql.core.money import TaxedMoneyValue, taxed_from, taxed_money, taxed_sum

MEMO = "checkout-summary"


def summary_of(info, checkout: Checkout) -> CheckoutSummary:
    """The summary of `checkout`; its products and sellers are announced to the loaders."""
    memo = info.context.loaders.memo(MEMO)
    if checkout.pk not in memo:
        summary = checkout_summary(checkout=checkout)
        info.context.loaders.announce(PRODUCT, (line.product.pk for line in summary.lines))
        info.context.loaders.announce(SELLER, (group.seller.pk for group in summary.groups))
        memo[checkout.pk] = summary
    return memo[checkout.pk]


def summary_forget(info, checkout: Checkout) -> None:
    """After a change, the next read works the summary out again."""
    info.context.loaders.memo(MEMO).pop(checkout.pk, None)


def subtotal_of(summary: CheckoutSummary) -> TaxedMoneyValue:
    """The goods as the shopper pays them (each line's share of the promo code deducted)."""
    return taxed_sum([taxed_money(line.discounted_total, line.vat_rate) for line in summary.lines])


def total_of(summary: CheckoutSummary) -> TaxedMoneyValue:
    """Goods and shipping as the shopper pays them, shipping taxed like the goods it carries
    (the invoice's rule); shipping is then the difference of the total and the subtotal."""
    vat_lines = summary.vat_lines
    return taxed_from(sum(v.total for v in vat_lines), sum(v.vat for v in vat_lines))


def shipping_of(summary: CheckoutSummary) -> TaxedMoneyValue:
    total, subtotal = total_of(summary), subtotal_of(summary)
    return taxed_from(
        total.gross.amount - subtotal.gross.amount, total.tax.amount - subtotal.tax.amount
    )
