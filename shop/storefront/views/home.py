"""Shopper pages. Thin: each view calls a selector and renders."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.selectors import product_cards_load, products_for_sale, programme_merchandise
from producers.selectors import featured_producers
from shop.storefront.navigation import top_categories

PRODUCTS_PER_PAGE = 24
MERCHANDISE_SHOWN = 4
PRODUCERS_SHOWN = 4


def home(request: HttpRequest) -> HttpResponse:
    products = products_for_sale().select_related("seller", "category")
    products = products.order_by("-created_at", "id")
    page = Paginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    merchandise = list(programme_merchandise(limit=MERCHANDISE_SHOWN))
    # One set of queries loads the cards of both lists.
    product_cards_load(products=[*page.object_list, *merchandise])
    context = {
        "page": page,
        "categories": top_categories(request),
        "producers": featured_producers(limit=PRODUCERS_SHOWN),
        "merchandise": merchandise,
    }
    return render(request, "storefront/home.html", context)
