"""The category tree of a request: read once, shared by the header menu and the page."""

from django.http import HttpRequest

from catalogue.models import Category
from catalogue.selectors import categories_all
from shop.storefront.shared_parts import shared_part

_CACHE_ATTRIBUTE = "_storefront_categories"


def categories_for(request: HttpRequest) -> list[Category]:
    """Every category, read at most once per request (and kept for every visitor until the
    catalogue changes: every page's header shows them)."""
    categories = getattr(request, _CACHE_ATTRIBUTE, None)
    if categories is None:
        categories = shared_part(request, "categories", build=categories_all, shows_stock=False)
        setattr(request, _CACHE_ATTRIBUTE, categories)
    return categories


def top_categories(request: HttpRequest) -> list[Category]:
    return [category for category in categories_for(request) if category.parent_id is None]
