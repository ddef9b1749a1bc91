"""The product page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from branding.services.share_images import product_share_image
from catalogue.food_information import ALCOHOL_HEALTH_MESSAGE, allergen_labels, nutrition_rows
from catalogue.selectors import category_path, product_for_page, seller_claims_in_force
from producers.selectors import producer_of_seller
from shop.storefront.navigation import categories_for

# From this stock down, the page says how many are left.
LOW_STOCK = 5


def product(request: HttpRequest, slug: str) -> HttpResponse:
    item = product_for_page(slug=slug)
    if item is None:
        raise Http404("No product for sale here.")
    share_image = product_share_image(product=item)
    variants = list(item.variants.all())
    prices = {variant.price for variant in variants}
    in_stock = [variant for variant in variants if variant.stock_quantity > 0]
    context = {
        "product": item,
        "breadcrumbs": category_path(categories=categories_for(request), category=item.category),
        "variants": variants,
        "in_stock_variants": in_stock,
        "lowest_price": min(prices) if prices else None,
        "prices_differ": len(prices) > 1,
        "low_stock": LOW_STOCK,
        "images": list(item.images.all()),
        "claims": list(item.label_claims.all()),
        "seller_claims": list(seller_claims_in_force(seller=item.seller)),
        "producer": producer_of_seller(seller=item.seller),
        "allergens": allergen_labels(item.allergens),
        "nutrition": nutrition_rows(item.nutrition),
        "health_message": ALCOHOL_HEALTH_MESSAGE if item.is_alcohol else "",
        "share_image_url": request.build_absolute_uri(share_image) if share_image else "",
    }
    return render(request, "storefront/product.html", context)
