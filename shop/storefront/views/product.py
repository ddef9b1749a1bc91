"""The product page."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from branding.selectors import share_image_stored_url
from branding.services.share_images import product_share_image
from catalogue.food_information import ALCOHOL_HEALTH_MESSAGE, allergen_labels, nutrition_rows
from catalogue.selectors import (
    category_path,
    product_for_page,
    product_variants,
    seller_claims_in_force,
)
from producers.selectors import producer_of_seller
from shop.storefront.navigation import categories_for
from shop.storefront.shared_parts import shared_part

# From this stock down, the page says how many are left.
LOW_STOCK = 5
# Where the visitor's form goes in the page kept for every visitor: escaped text (the product's
# own) can never write it.
_FORM_MARK = mark_safe("<!--add-to-cart-->")


@dataclass(frozen=True)
class ProductPage:
    """What a product's page shows every visitor the same, around the form for the cart."""

    product_id: int
    name: str
    net_quantity: str
    before_form: SafeString
    after_form: SafeString


def product(request: HttpRequest, slug: str) -> HttpResponse:
    # Kept for every visitor (shop.storefront.shared_parts), through a sell-out too: the
    # variants and their stock are read at each view, for the form, and the share picture (made
    # after a first view).
    shown = shared_part(
        request, "product", slug, build=lambda: _product_page(request, slug), shows_stock=False
    )
    if shown is None:
        raise Http404("No product for sale here.")
    variants = list(product_variants(product_id=shown.product_id))
    form = render_to_string(
        "storefront/includes/add_to_cart.html",
        {
            "variants": variants,
            "in_stock_variants": [variant for variant in variants if variant.stock_quantity > 0],
            "product_name": shown.name,
            "net_quantity": shown.net_quantity,
            "low_stock": LOW_STOCK,
        },
        request,
    )
    share_image = share_image_stored_url(product_id=shown.product_id)
    context = {
        "product_name": shown.name,
        "share_image_url": request.build_absolute_uri(share_image) if share_image else "",
        "content": mark_safe(shown.before_form + form + shown.after_form),
    }
    return render(request, "storefront/product.html", context)


def _product_page(request: HttpRequest, slug: str) -> ProductPage | None:
    item = product_for_page(slug=slug)
    if item is None:
        return None
    product_share_image(product=item)  # made anew after this page when out of date
    prices = {variant.price for variant in item.variants.all()}
    context = {
        "product": item,
        "breadcrumbs": category_path(categories=categories_for(request), category=item.category),
        "lowest_price": min(prices) if prices else None,
        "prices_differ": len(prices) > 1,
        "images": list(item.images.all()),
        "claims": list(item.label_claims.all()),
        "seller_claims": list(seller_claims_in_force(seller=item.seller)),
        "producer": producer_of_seller(seller=item.seller),
        "allergens": allergen_labels(item.allergens),
        "nutrition": nutrition_rows(item.nutrition),
        "health_message": ALCOHOL_HEALTH_MESSAGE if item.is_alcohol else "",
        "add_to_cart": _FORM_MARK,
    }
    content = render_to_string("storefront/includes/product_content.html", context, request)
    before_form, after_form = content.split(_FORM_MARK)
    return ProductPage(
        product_id=item.pk,
        name=item.translated("name"),
        net_quantity=item.net_quantity,
        before_form=mark_safe(before_form),
        after_form=mark_safe(after_form),
    )
