"""Product listings with filters: a category (and its sub-categories), a collection."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

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
from shop.storefront.shared_parts import shared_part, shared_query_part

PRODUCTS_PER_PAGE = 24
# The query parameters a listing reads; a page with others is made for its visitor alone.
LISTING_PARAMETERS = frozenset([*ProductFilterForm.base_fields, "page"])


def category(request: HttpRequest, slug: str) -> HttpResponse:
    categories = categories_for(request)
    current = next((item for item in categories if item.slug == slug), None)
    if current is None:
        raise Http404("No category here.")
    context = {
        "category": current,
        "breadcrumbs": category_path(categories=categories, category=current)[:-1],
        "subcategories": [item for item in categories if item.parent_id == current.pk],
    }

    def products() -> QuerySet[Product]:
        ids = category_subtree_ids(categories=categories, root=current)
        return products_in_categories(category_ids=ids)

    return _listing(request, ("category", slug), products, "storefront/category.html", context)


def collection(request: HttpRequest, slug: str) -> HttpResponse:
    current = shared_part(
        request,
        "collection",
        slug,
        build=lambda: published_collection(slug=slug),
        shows_stock=False,
    )
    if current is None:
        raise Http404("No collection here.")
    return _listing(
        request,
        ("collection", slug),
        lambda: products_of_collection(collection=current),
        "storefront/collection.html",
        {"collection": current},
    )


def _listing(
    request: HttpRequest, part: tuple[str, str], products, template: str, context: dict
) -> HttpResponse:
    """The page with its filters and products (`listing`), the same for every visitor of the
    same query: kept (shop.storefront.shared_parts) unless the query holds other parameters.
    Only the in-stock filter reads the stock: without it, a sell-out leaves the listing kept."""
    html = shared_query_part(
        request,
        *part,
        parameters=LISTING_PARAMETERS,
        build=lambda: _listing_html(request, products()),
        shows_stock="in_stock" in request.GET,
    )
    return render(request, template, context | {"listing": html})


def _listing_html(request: HttpRequest, products: QuerySet[Product]) -> str:
    form = ProductFilterForm(
        request.GET,
        signs=list(signs_of_products(products=products)),
        # Slugs and names only: a category offers hundreds of producers to choose from.
        sellers=list(sellers_of_products(products=products).values_list("slug", "name")),
    )
    shown = product_cards(products_filter(products=products, **form.filters()))
    page = Paginator(shown, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "is_filtering": form.is_filtering()}
    return render_to_string("storefront/includes/listing.html", context, request)
