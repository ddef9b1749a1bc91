"""Search across products and producers: `q` the words, `page` the page of products."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from catalogue.search import products_search, search_text, sellers_search
from catalogue.selectors import product_cards
from producers.selectors import featured_producers
from shop.storefront.navigation import top_categories
from shop.storefront.pagination import CountedPaginator
from shop.storefront.shared_parts import shared_query_part

PRODUCTS_PER_PAGE = 24
PRODUCERS_SHOWN = 6  # on the first page of results
PRODUCERS_SUGGESTED = 4  # when nothing is found


def search(request: HttpRequest) -> HttpResponse:
    query = search_text(query=request.GET.get("q", ""))
    # The results are the same for every visitor: kept (shop.storefront.shared_parts) unless
    # the query string holds other parameters; their cards show no stock.
    content = shared_query_part(
        request,
        "search",
        parameters={"q", "page"},
        build=lambda: _content(request, query),
        shows_stock=False,
    )
    return render(request, "storefront/search.html", {"search_query": query, "content": content})


def _content(request: HttpRequest, query: str) -> str:
    context: dict = {"search_query": query}
    if query:
        products = product_cards(products_search(query=query, language=request.LANGUAGE_CODE))
        page = CountedPaginator(products, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
        producers = list(sellers_search(query=query)[:PRODUCERS_SHOWN]) if page.number == 1 else []
        context |= {"page": page, "producers": producers}
        found = bool(page.object_list) or bool(producers)
    else:
        found = False
    if not found:
        # Somewhere to go next: the categories (already read for the header) and a few producers.
        context |= {
            "categories": top_categories(request),
            "suggested_producers": featured_producers(limit=PRODUCERS_SUGGESTED),
        }
    return render_to_string("storefront/includes/search_content.html", context, request)
