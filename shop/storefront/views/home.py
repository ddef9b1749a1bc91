"""Shopper pages. Thin: each view calls a selector and renders."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.selectors import product_cards_load, products_for_sale, programme_merchandise
from producers.selectors import featured_producers
from shop.storefront.navigation import top_categories

NEWEST_SHOWN = 24
MERCHANDISE_SHOWN = 4
PRODUCERS_SHOWN = 4


def home(request: HttpRequest) -> HttpResponse:
    # A showcase of what is new; the category pages browse the whole catalogue.
    newest = products_for_sale().select_related("seller", "category").order_by("-created_at", "-id")
    newest = list(newest[:NEWEST_SHOWN])
    merchandise = list(programme_merchandise(limit=MERCHANDISE_SHOWN))
    # One set of queries loads the cards of both lists.
    product_cards_load(products=[*newest, *merchandise])
    context = {
        "newest": newest,
        "categories": top_categories(request),
        "producers": featured_producers(limit=PRODUCERS_SHOWN),
        "merchandise": merchandise,
    }
    return render(request, "storefront/home.html", context)
