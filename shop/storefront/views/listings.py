"""Product listings with filters: a category (and its sub-categories), a collection."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from catalogue.models import Product
from catalogue.selectors import (
    category_path,
    category_subtree_ids,
    product_cards,
    products_filter,
    products_in_categories,
    products_of_collection,
    published_collection,
    sellers_of_products,
    signs_of_products,
)
from shop.storefront.forms import ProductFilterForm
from shop.storefront.navigation import categories_for

PRODUCTS_PER_PAGE = 24


def category(request: HttpRequest, slug: str) -> HttpResponse:
    categories = categories_for(request)
    current = next((item for item in categories if item.slug == slug), None)
    if current is None:
        raise Http404("No category here.")
    ids = category_subtree_ids(categories=categories, root=current)
    context = {
        "category": current,
        "breadcrumbs": category_path(categories=categories, category=current)[:-1],
        "subcategories": [item for item in categories if item.parent_id == current.pk],
    }
    products = products_in_categories(category_ids=ids)
    return _listing(request, products, "storefront/category.html", context)


def collection(request: HttpRequest, slug: str) -> HttpResponse:
    current = published_collection(slug=slug)
    if current is None:
        raise Http404("No collection here.")
    products = products_of_collection(collection=current)
    return _listing(request, products, "storefront/collection.html", {"collection": current})


def _listing(
    request: HttpRequest, products: QuerySet[Product], template: str, context: dict
) -> HttpResponse:
    form = ProductFilterForm(
        request.GET,
        signs=list(signs_of_products(products=products)),
        # Slugs and names only: a category offers hundreds of producers to choose from.
        sellers=list(sellers_of_products(products=products).values_list("slug", "name")),
    )
    shown = product_cards(products_filter(products=products, **form.filters()))
    page = Paginator(shown, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    context |= {"form": form, "page": page, "is_filtering": form.is_filtering()}
    return render(request, template, context)
