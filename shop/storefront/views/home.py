"""Shopper pages. Thin: each view calls a selector and renders."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from branding.selectors import campaign_for_home
from catalogue.selectors import product_cards_load, products_for_sale, programme_merchandise
from producers.selectors import featured_producers
from shop.storefront.navigation import top_categories
from shop.storefront.shared_parts import shared_part

NEWEST_SHOWN = 24
MERCHANDISE_SHOWN = 4
PRODUCERS_SHOWN = 4


def home(request: HttpRequest) -> HttpResponse:
    # The same for every visitor: kept (shop.storefront.shared_parts); the page's parameters
    # (a campaign's tag) change nothing in it, and its cards show no stock.
    content = shared_part(request, "home", build=lambda: _content(request), shows_stock=False)
    return render(request, "storefront/home.html", {"content": content})


def _content(request: HttpRequest) -> str:
    # A showcase of what is new; the category pages browse the whole catalogue.
    newest = products_for_sale().select_related("seller", "category").order_by("-created_at", "-id")
    newest = list(newest[:NEWEST_SHOWN])
    merchandise = list(programme_merchandise(limit=MERCHANDISE_SHOWN))
    home_campaign = campaign_for_home()
    featured = home_campaign.products if home_campaign else []
    # One set of queries loads the cards of every list.
    product_cards_load(products=[*newest, *merchandise, *featured])
    context = {
        "newest": newest,
        "categories": top_categories(request),
        "producers": featured_producers(limit=PRODUCERS_SHOWN),
        "merchandise": merchandise,
        "home_campaign": home_campaign,
    }
    return render_to_string("storefront/includes/home_content.html", context, request)
