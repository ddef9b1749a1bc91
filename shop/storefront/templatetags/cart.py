from django import template
from django.db.models import Sum

from shop.checkout.models import CheckoutLine
from shop.checkout.selectors import checkout_by_token
from shop.storefront.session import CHECKOUT_SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def cart_quantity(context) -> int:
    """How many items the visitor's cart holds; no query for a visitor without a cart."""
    request = context.get("request")
    if request is None:
        return 0
    if request.user.is_authenticated:
        lines = CheckoutLine.objects.filter(checkout__user=request.user)
    else:
        token = request.session.get(CHECKOUT_SESSION_KEY)
        if not token or checkout_by_token(token=token) is None:
            return 0
        lines = CheckoutLine.objects.filter(checkout__token=token)
    return lines.aggregate(total=Sum("quantity"))["total"] or 0
