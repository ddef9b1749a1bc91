"""A seller's page: a producer of the Lot, or the programme with its merchandise."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from branding.services.share_images import seller_share_image
from catalogue.selectors import product_cards, products_of_seller
from producers.selectors import seller_profile

PRODUCTS_PER_PAGE = 24


def producer(request: HttpRequest, slug: str) -> HttpResponse:
    profile = seller_profile(slug=slug)
    if profile is None:
        raise Http404("No seller here.")
    products = product_cards(products_of_seller(seller=profile.seller))
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    share_image = seller_share_image(profile=profile)
    context = {
        "profile": profile,
        "page": page,
        "share_image_url": request.build_absolute_uri(share_image) if share_image else "",
    }
    return render(request, "storefront/producer.html", context)
