"""A seller's page: a producer of the Lot, or the programme with its merchandise."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.selectors import product_cards, products_of_seller
from producers.selectors import seller_profile

PRODUCTS_PER_PAGE = 24


def producer(request: HttpRequest, slug: str) -> HttpResponse:
    profile = seller_profile(slug=slug)
    if profile is None:
        raise Http404("No seller here.")
    products = product_cards(products_of_seller(seller=profile.seller))
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "storefront/producer.html", {"profile": profile, "page": page})
