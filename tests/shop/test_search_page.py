from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from catalogue.models import ClaimStatus, ReviewStatus
from catalogue.search import MAX_QUERY_LENGTH, trigram_available
from tests.catalogue.test_search import NASTY_QUERIES
from tests.factories import (
    make_category,
    make_claim,
    make_producer,
    make_product,
    make_seller,
    make_variant,
)
from tests.shop.pictures import add_image
from tests.trigram import require_trigram

pytestmark = pytest.mark.django_db

SEARCH_BOX = '<input type="search" id="site-search-q" name="q"'


def on_sale(name: str, **fields):
    product = make_product(name=name, **fields)
    make_variant(product=product, price=Decimal("4.50"))
    return product


def cheese():
    return on_sale(
        "Rocamadour AOP",
        slug="rocamadour-aop",
        description="Petit fromage de chèvre au lait cru.",
        translations={"en": {"name": "Rocamadour PDO", "description": "Small goat cheese."}},
    )


def search(client, query: str, language: str = "en", **params) -> str:
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_the_search_box_is_in_every_page_header(client):
    product = cheese()
    producer = make_producer(seller=product.seller)
    pages = [
        "/fr/",
        "/en/",
        "/en/search/",
        "/en/search/?q=rocamadour",
        f"/en/p/{product.slug}/",
        f"/en/producers/{producer.seller.slug}/",
        f"/en/c/{product.category.slug}/",
        "/en/cart/",
    ]
    for url in pages:
        page = client.get(url).content.decode()
        header = page[page.index('<header class="site-header">') : page.index("</header>")]
        assert '<form class="site-search" role="search" method="get" action="' in header, url
        assert SEARCH_BOX in header, url
        assert '<label class="visually-hidden" for="site-search-q">' in header, url
    english = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in english
    assert "Search products and producers</label>" in english
    french = client.get("/fr/").content.decode()
    assert 'action="/fr/search/"' in french
    assert "Chercher des produits et des producteurs</label>" in french


def test_the_search_url():
    with translation.override("en"):
        assert reverse("storefront:search") == "/en/search/"


def test_the_box_shows_what_was_searched(client):
    page = search(client, "  fromage   de chèvre ")
    assert f'{SEARCH_BOX} value="fromage de chèvre"' in page


def test_products_are_found_in_french_and_in_english(client):
    product = cheese()
    on_sale("Cerneaux de noix")
    english = search(client, "goat cheese")
    assert '<a href="/en/p/rocamadour-aop/">Rocamadour PDO</a>' in english
    assert "Cerneaux" not in english
    assert "1 product found" in english
    french = search(client, "fromage de chevre", language="fr")
    assert '<a href="/fr/p/rocamadour-aop/">Rocamadour AOP</a>' in french
    assert "1 produit trouvé" in french
    assert product.slug == "rocamadour-aop"


def test_a_product_not_for_sale_is_not_found(client):
    on_sale("Rocamadour brouillon", review_status=ReviewStatus.DRAFT)
    withdrawn = on_sale("Rocamadour retiré")
    make_claim(product=withdrawn, status=ClaimStatus.SUSPENDED)
    page = search(client, "rocamadour")
    assert "brouillon" not in page
    assert "retiré" not in page
    assert "No product or producer matches “rocamadour”." in page


def test_a_typo_finds_the_product_when_pg_trgm_is_present(client):
    require_trigram()
    cheese()
    assert "Rocamadour PDO</a>" in search(client, "rocamadur")


def test_producers_are_found_and_linked(client):
    seller = make_seller(
        name="Les Truffières du Causse", slug="truffieres", town="Lalbenque", is_selling=True
    )
    make_seller(name="Truffes en attente", town="Lalbenque", is_selling=False)
    page = search(client, "lalbenque")
    assert '<a href="/en/producers/truffieres/">Les Truffières du Causse</a>' in page
    assert '<span class="town">Lalbenque</span>' in page
    assert "en attente" not in page
    assert "0 products found" in page
    if trigram_available():
        assert '<a href="/en/producers/truffieres/">' in search(client, "lalbenqe")
    assert seller.is_selling


def test_an_empty_search_explains_what_to_type(client):
    make_category(name="Fromages", slug="fromages")
    for query in ["", "   "]:
        page = search(client, query)
        assert "<h1>Search the shop</h1>" in page
        assert "Type the name of a product, a producer or a town" in page
        assert "No product or producer matches" not in page
        assert '<a href="/en/c/fromages/">Fromages</a>' in page
    assert "<h1>Search the shop</h1>" in client.get("/en/search/").content.decode()


def test_no_result_shows_what_was_searched_and_where_to_go(client):
    make_category(name="Fromages", slug="fromages")
    producer = make_producer(
        seller=make_seller(name="Chèvrerie du Causse", slug="chevrerie", is_selling=True),
        town="Rocamadour",
    )
    on_sale("Cabécou", seller=producer.seller)
    page = search(client, "zzzz")
    assert "<h1>Search results for “zzzz”</h1>" in page
    assert "No product or producer matches “zzzz”." in page
    assert "Check the spelling, or try fewer words." in page
    assert '<a href="/en/c/fromages/">Fromages</a>' in page
    assert '<a href="/en/producers/chevrerie/">Chèvrerie du Causse</a>' in page
    assert '<a href="/en/">All the products of the Lot</a>' in page
    french = search(client, "zzzz", language="fr")
    assert "Aucun produit ni producteur ne correspond à « zzzz »." in french


def test_the_query_is_escaped(client):
    page = search(client, '<script>alert("x")</script>')
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_a_long_query_is_cut(client):
    page = search(client, "a" * 1000)
    assert f'value="{"a" * MAX_QUERY_LENGTH}"' in page
    assert "a" * (MAX_QUERY_LENGTH + 1) not in page


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_any_text_gives_a_page(client, query):
    cheese()
    search(client, query)
    search(client, query, language="fr", page="2")


def test_several_q_and_bad_pages_give_a_page(client):
    cheese()
    assert client.get("/en/search/?q=&q=rocamadour").status_code == 200
    for page in ["abc", "0", "-1", "999", "1e9", "%00"]:
        assert client.get(f"/en/search/?q=rocamadour&page={page}").status_code == 200


def test_results_are_paginated_and_keep_the_query(client):
    for index in range(25):
        on_sale(f"Noix {index:02d}")
    first = search(client, "noix")
    second = search(client, "noix", page="2")
    assert first.count('class="product-card"') == 24
    assert second.count('class="product-card"') == 1
    assert "25 products found" in first
    assert '<a href="?q=noix&amp;page=2" rel="next">' in first
    assert '<a href="?q=noix&amp;page=1" rel="prev">' in second


@pytest.mark.parametrize("product_count", [1, 12])
def test_the_page_takes_a_fixed_number_of_queries(client, product_count, django_assert_num_queries):
    for index in range(product_count):
        seller = make_seller(name=f"Fromagerie {index}", town="Gramat", is_selling=True)
        product = on_sale(f"Fromage de Gramat {index}", seller=seller)
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"fromage-{index}")
    search(client, "causse")  # asks once whether pg_trgm is there, keeps the header's categories
    # the catalogue's version, [words found? where close spellings can be looked for], products
    # with their count, variants, images, thumbnails, claims, producers
    with django_assert_num_queries(7 + trigram_available()):
        page = search(client, "gramat")
    with django_assert_num_queries(1):  # kept: the catalogue's version only
        assert search(client, "gramat") == page
    assert page.count('class="product-card"') == product_count
    assert page.count('<span class="town">Gramat</span>') == min(product_count, 6)


def test_a_page_without_result_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    cheese()
    search(client, "yyyy")  # asks once whether pg_trgm is there, keeps the header's categories
    # the catalogue's version, [words found?], products with their count, producers found,
    # producers suggested
    with django_assert_num_queries(4 + trigram_available()):
        search(client, "zzzz")


def test_the_ranking_is_planned_for_its_words_every_time(client):
    """A prepared ranking of the products gets one plan for any words, slower for common ones:
    never prepared, while the page's other queries are once run a few times (the producers'
    ranking too: a few hundred rows, where one plan does)."""
    for name in ("Noix fraîches", "Noix sèches", "Cabécou", "Miel", "Safran", "Truffe", "Vin"):
        on_sale(name)
    for words in ("noix", "fraiches", "seches", "cabecou", "miel", "safran", "truffe", "vin"):
        assert client.get(f"/fr/search/?q={words}").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]

    assert prepared
    assert not [s for s in prepared if "ts_rank" in s and 'FROM "catalogue_product"' in s]
