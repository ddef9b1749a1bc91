from collections.abc import Iterable
from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from catalogue.images import image_file_for_size
from catalogue.models import Product, ProductImage
from shop.shipping.countries import COUNTRIES
from shop.storefront.cards import product_cards_of
from shop.storefront.navigation import top_categories
from shop.storefront.shared_parts import frame_part as shared_frame_part
from shop.templatetags.money import euros

register = template.Library()
register.filter(euros)


@register.filter
def country_name(code: str) -> str:
    """The name of a country we deliver to, in the reader's language; else its code."""
    return str(COUNTRIES[code][0]) if code in COUNTRIES else code


@register.filter
def translated(obj, field: str) -> str:
    """The field in the active language, falling back to French."""
    return obj.translated(field)


@register.simple_tag
def image_url(image: ProductImage, size: int) -> str:
    """The smallest stored thumbnail at least `size` wide, else the original image."""
    return image_file_for_size(image, size).url


@register.inclusion_tag("storefront/includes/product_cards.html")
def product_cards(products: Product | Iterable[Product], level: int = 2) -> dict:
    """The cards of a grid (`<li>` items), their headings at `level`; one product (a card
    included on its own) or several, loaded with `catalogue.selectors.product_cards`."""
    listed = [products] if isinstance(products, Product) else products
    return {"cards": product_cards_of(listed), "level": level}


@register.simple_tag
def select_options(choices: Iterable[tuple[str, str]], chosen: str) -> SafeString:
    """The `<option>`s of a long list (the producers of a category) written in one pass, at a
    fraction of a template loop's cost per option; `chosen` is selected. Values and labels are
    escaped as Django escapes them (`html.escape`), without its per-call wrappers."""
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if value == chosen else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )


@register.simple_tag(takes_context=True)
def frame_part(context, template_name: str) -> SafeString:
    """A part of every page's frame, the same for every visitor, kept in this process
    (`shop.storefront.shared_parts.frame_part`). The menus list the top-level categories, read
    once per request and shared with the page; a template rendered without a request gets no
    menu."""
    request = context.get("request")

    def build() -> SafeString:
        categories = top_categories(request) if request is not None else []
        return render_to_string(template_name, {"menu_categories": categories})

    return shared_frame_part(request, template_name, build)
