"""Shopper pages. Thin: each view calls a selector and renders."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.selectors import product_cards, products_for_sale

PRODUCTS_PER_PAGE = 24


def home(request: HttpRequest) -> HttpResponse:
    products = product_cards(products_for_sale().order_by("-created_at", "id"))
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "storefront/home.html", {"page": page})
