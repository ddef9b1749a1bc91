from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

from catalogue.models import Product, ProductImage

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """The field in the active language, falling back to French."""
    return obj.translated(field)


@register.filter
def euros(amount: Decimal) -> str:
    """A price in euros written the way the shopper's language writes it."""
    number = number_format(amount, decimal_pos=2, use_l10n=True)
    # A non-breaking space keeps the amount and its sign on one line on narrow screens.
    return f"€{number}" if (get_language() or "fr").startswith("en") else f"{number}\u00a0€"


@register.simple_tag
def image_url(image: ProductImage, size: int) -> str:
    """The smallest stored thumbnail at least `size` wide, else the original image."""
    thumbnails = sorted(image.thumbnails.all(), key=lambda thumbnail: thumbnail.size)
    for thumbnail in thumbnails:
        if thumbnail.size >= size:
            return thumbnail.file.url
    return image.image.url


@register.simple_tag
def price_range(product: Product) -> tuple[Decimal, bool] | None:
    """The lowest price of the product's variants, and whether the others cost more."""
    prices = {variant.price for variant in product.variants.all()}
    return (min(prices), len(prices) > 1) if prices else None
