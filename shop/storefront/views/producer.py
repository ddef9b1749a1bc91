"""A seller's page: a producer of the Lot, or the programme with its merchandise."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from branding.selectors import share_image_stored_url
from branding.services.share_images import seller_share_image
from catalogue.selectors import product_cards, products_of_seller
from producers.selectors import seller_profile
from shop.storefront.shared_parts import shared_query_part

PRODUCTS_PER_PAGE = 24


@dataclass(frozen=True)
class SellerPage:
    """What a seller's page shows every visitor the same."""

    seller_id: int
    seller_name: str
    content: str


def producer(request: HttpRequest, slug: str) -> HttpResponse:
    # Kept for every visitor (shop.storefront.shared_parts) unless the query holds more than
    # the page number (a campaign's tag: the page is made for that visit), through a sell-out
    # too (its cards show no stock); the share picture is read at each view (it is made after
    # a first view).
    shown = shared_query_part(
        request,
        "producer",
        slug,
        parameters={"page"},
        build=lambda: _seller_page(request, slug),
        shows_stock=False,
    )
    if shown is None:
        raise Http404("No seller here.")
    share_image = share_image_stored_url(seller_id=shown.seller_id)
    context = {
        "seller_name": shown.seller_name,
        "share_image_url": request.build_absolute_uri(share_image) if share_image else "",
        "content": shown.content,
    }
    return render(request, "storefront/producer.html", context)


def _seller_page(request: HttpRequest, slug: str) -> SellerPage | None:
    profile = seller_profile(slug=slug)
    if profile is None:
        return None
    products = product_cards(products_of_seller(seller=profile.seller))
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    seller_share_image(profile=profile)  # made anew after this page when out of date
    content = render_to_string(
        "storefront/includes/producer_content.html", {"profile": profile, "page": page}, request
    )
    return SellerPage(seller_id=profile.seller.pk, seller_name=profile.seller.name, content=content)
