from decimal import Decimal

from django import template

from catalogue.images import image_file_for_size
from catalogue.models import Product, ProductImage
from shop.storefront.navigation import top_categories
from shop.templatetags.money import euros

register = template.Library()
register.filter(euros)


@register.filter
def translated(obj, field: str) -> str:
    """The field in the active language, falling back to French."""
    return obj.translated(field)


@register.simple_tag
def image_url(image: ProductImage, size: int) -> str:
    """The smallest stored thumbnail at least `size` wide, else the original image."""
    return image_file_for_size(image, size).url


@register.simple_tag
def price_range(product: Product) -> tuple[Decimal, bool] | None:
    """The lowest price of the product's variants, and whether the others cost more."""
    prices = {variant.price for variant in product.variants.all()}
    return (min(prices), len(prices) > 1) if prices else None


@register.simple_tag(takes_context=True)
def category_menu(context) -> list:
    """The top-level categories for the header, read once per request and shared with the page
    (`shop.storefront.navigation`). A template rendered without a request gets no menu."""
    request = context.get("request")
    return top_categories(request) if request is not None else []
