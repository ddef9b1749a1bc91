from django import template

from shop.checkout.selectors import CartTotals, CheckoutSummary
from shop.storefront.session import cart_size

register = template.Library()


@register.simple_tag(takes_context=True)
def cart_quantity(context) -> int:
    """How many items the visitor's cart holds; no query for a visitor without a cart or on the
    pages showing the cart's summary or totals, one when the page read the cart already."""
    summary = context.get("summary")
    if isinstance(summary, CheckoutSummary | CartTotals):
        return summary.quantity
    request = context.get("request")
    return cart_size(request) if request is not None else 0
