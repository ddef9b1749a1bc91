"""Products through the API: Saleor's listing, pricing, thumbnails, filters and our signs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Collection, Product, QualitySign
from shop.graphql.core.ids import to_global_id
from tests.factories import make_category, make_claim, make_product, make_seller, make_variant
from tests.graphql.catalogue_data import make_pictured_product
from tests.graphql.client import api_post
from tests.trigram import require_trigram

pytestmark = pytest.mark.django_db

LISTING = """
query Listing($first: Int!, $filter: ProductFilterInput, $where: ProductWhereInput,
              $sortBy: ProductOrder, $search: String) {
  products(first: $first, channel: "default-channel", filter: $filter, where: $where,
           sortBy: $sortBy, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name slug
      thumbnail(size: 200) { url alt }
      pricing { priceRange { start { gross { amount currency } net { amount } tax { amount } }
                             stop { gross { amount } } } }
      category { id name }
      producer { name slug kind signs { sign { code } } }
      signs { sign { code name kind } certifier validUntil }
    } }
  }
}
"""


def _listing(client, **variables) -> dict:
    return api_post(client, LISTING, {"first": 100, **variables})


def test_a_product_shows_its_prices_thumbnail_category_producer_and_signs(client):
    seller = make_seller(is_selling=True, name="Ferme du Causse", slug="ferme-du-causse")
    product = make_pictured_product(seller=seller, name="Rocamadour AOP", slug="rocamadour")
    make_claim(seller=seller, sign=QualitySign.objects.get(code="artisan"), status="approved")

    result = _listing(client)

    assert "errors" not in result
    connection_data = result["data"]["products"]
    assert connection_data["totalCount"] == 1
    assert connection_data["pageInfo"]["hasNextPage"] is False
    node = connection_data["edges"][0]["node"]
    assert node["id"] == to_global_id("Product", product.pk)
    assert (node["name"], node["slug"]) == ("Rocamadour AOP", "rocamadour")
    assert node["thumbnail"]["url"].startswith("http://testserver/media/thumb")
    assert node["thumbnail"]["alt"] == "Un disque"
    start = node["pricing"]["priceRange"]["start"]
    assert start == {
        "gross": {"amount": 3.9, "currency": "EUR"},
        "net": {"amount": 3.7},
        "tax": {"amount": 0.2},
    }
    assert node["pricing"]["priceRange"]["stop"] == {"gross": {"amount": 7.5}}
    assert node["category"] == {
        "id": to_global_id("Category", product.category_id),
        "name": product.category.name,
    }
    assert node["producer"] == {
        "name": "Ferme du Causse",
        "slug": "ferme-du-causse",
        "kind": "PRODUCER",
        "signs": [{"sign": {"code": "artisan"}}],
    }
    assert node["signs"] == [
        {
            "sign": {"code": "aop", "name": "PDO", "kind": "SIQO"},
            "certifier": "Certipaq",
            "validUntil": product.label_claims.get().valid_until.isoformat(),
        }
    ]


def test_listing_queries_do_not_grow_with_the_page(client):
    for _ in range(3):
        make_pictured_product()
    with CaptureQueriesContext(connection) as small:
        assert "errors" not in _listing(client)
    for _ in range(9):
        make_pictured_product()
    with CaptureQueriesContext(connection) as large:
        result = _listing(client)
    assert len(result["data"]["products"]["edges"]) == 12
    # products, count, variants, images with their thumbnails, product claims, seller claims
    assert len(small.captured_queries) == len(large.captured_queries) == 6


def test_products_not_for_sale_are_not_listed(client):
    make_variant(product=make_product(review_status="draft"))
    make_variant(product=make_product(seller=make_seller(is_selling=False)))

    assert _listing(client)["data"]["products"]["edges"] == []


def test_filters_by_category_tree_sign_producer_and_price(client):
    cheeses = make_category(name="Fromages", slug="fromages")
    goat = make_category(name="Chèvre", slug="chevre", parent=cheeses)
    wine = make_category(name="Vins", slug="vins")
    in_goat = make_pictured_product(category=goat)
    in_wine = make_product(category=wine)
    make_variant(product=in_wine, price="12.00")

    def slugs(**variables) -> list[str]:
        edges = _listing(client, **variables)["data"]["products"]["edges"]
        return sorted(edge["node"]["slug"] for edge in edges)

    assert slugs(filter={"categories": [to_global_id("Category", cheeses.pk)]}) == [in_goat.slug]
    assert slugs(where={"category": {"eq": to_global_id("Category", wine.pk)}}) == [in_wine.slug]
    assert slugs(filter={"signs": ["aop"]}) == [in_goat.slug]
    assert slugs(where={"producer": in_wine.seller.slug}) == [in_wine.slug]
    assert slugs(filter={"price": {"gte": 10}}) == [in_wine.slug]
    assert slugs(filter={"stockAvailability": "IN_STOCK"}) == sorted([in_goat.slug, in_wine.slug])


def test_sorting_by_price_both_ways(client):
    cheap, dear = make_product(slug="cheap"), make_product(slug="dear")
    make_variant(product=cheap, price="2.00")
    make_variant(product=dear, price="20.00")

    def order(direction: str) -> list[str]:
        result = _listing(client, sortBy={"field": "PRICE", "direction": direction})
        return [edge["node"]["slug"] for edge in result["data"]["products"]["edges"]]

    assert order("ASC") == ["cheap", "dear"]
    assert order("DESC") == ["dear", "cheap"]


def test_pages_follow_each_other_with_cursors(client):
    for index in range(3):
        make_variant(product=make_product(slug=f"p{index}"))
    query = """query($after: String) { products(first: 2, after: $after) {
        pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { slug } } } }"""

    first = api_post(client, query)["data"]["products"]
    second = api_post(client, query, {"after": first["pageInfo"]["endCursor"]})["data"]["products"]

    assert first["pageInfo"]["hasNextPage"] is True
    assert second["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": True,
        "endCursor": second["pageInfo"]["endCursor"],
    }
    seen = [edge["node"]["slug"] for edge in first["edges"] + second["edges"]]
    assert sorted(seen) == ["p0", "p1", "p2"]


def test_a_page_of_more_than_100_is_refused_with_a_code(client):
    result = api_post(client, "{ products(first: 101) { edges { node { id } } } }")

    assert result["data"]["products"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PAGE_SIZE_EXCEEDED"


def test_an_unknown_channel_is_an_error(client):
    result = api_post(client, '{ products(first: 1, channel: "other") { totalCount } }')

    assert result["errors"][0]["message"] == "There is no channel “other”."
    assert result["errors"][0]["extensions"]["exception"]["code"] == "NOT_FOUND"


def test_product_by_slug_with_its_english_translation(client):
    product = make_pictured_product(
        name="Noix",
        description="Cerneaux.\n\nRécolte d'automne.",
        translations={"en": {"name": "Walnuts", "description": "Kernels."}},
    )
    query = """query($slug: String) { product(slug: $slug, channel: "default-channel") {
        name description translation(languageCode: EN) { name description language { code } }
        german: translation(languageCode: DE) { name }
        variants { sku pricing { price { gross { amount } } } quantityAvailable }
        media { url(size: 100) type } } }"""

    found = api_post(client, query, {"slug": product.slug})["data"]["product"]

    assert found["name"] == "Noix"
    assert found["description"] == (
        '{"blocks": [{"type": "paragraph", "data": {"text": "Cerneaux."}}, '
        '{"type": "paragraph", "data": {"text": "R\\u00e9colte d&#x27;automne."}}]}'
    )
    assert found["translation"] == {
        "name": "Walnuts",
        "description": '{"blocks": [{"type": "paragraph", "data": {"text": "Kernels."}}]}',
        "language": {"code": "EN"},
    }
    assert found["german"] is None
    assert [variant["quantityAvailable"] for variant in found["variants"]] == [10, 0]
    assert found["variants"][1]["pricing"] == {"price": {"gross": {"amount": 7.5}}}
    assert found["media"][0]["type"] == "IMAGE"
    assert "/media/thumb" in found["media"][0]["url"]


def test_search_counts_its_results_with_the_page(client):
    make_variant(product=make_product(name="Rocamadour fermier", slug="rocamadour-fermier"))
    make_variant(product=make_product(name="Noix du Périgord", slug="noix"))

    with CaptureQueriesContext(connection) as queries:
        result = _listing(client, search="rocamadour")

    found = result["data"]["products"]
    assert found["totalCount"] == 1
    assert [edge["node"]["slug"] for edge in found["edges"]] == ["rocamadour-fermier"]
    assert not any("COUNT(*) AS" in query["sql"] for query in queries.captured_queries)
    # the ranked page's rows with their total, variants, images with their thumbnails,
    # product claims, seller claims
    assert len(queries.captured_queries) == 5


SEARCH_PAGE = """
query Search($first: Int, $last: Int, $sortBy: ProductOrder) {
  products(first: $first, last: $last, channel: "default-channel", sortBy: $sortBy,
           search: "noix") {
    totalCount
    edges { node { slug } }
  }
}
"""


def test_a_search_sorted_otherwise_pages_in_that_order(client):
    for slug, prices in (("noix-a", ["5.00"]), ("noix-b", ["3.00", "9.00"]), ("noix-c", [])):
        product = make_product(name=f"Noix {slug[-1].upper()}", slug=slug)
        for price in prices:
            make_variant(product=product, price=price)

    def slugs(**variables) -> tuple[int, list[str]]:
        found = api_post(client, SEARCH_PAGE, variables)["data"]["products"]
        return found["totalCount"], [edge["node"]["slug"] for edge in found["edges"]]

    by_price = {"field": "PRICE", "direction": "ASC"}
    # the lowest price of each, a product without any last either way
    assert slugs(first=10, sortBy=by_price) == (3, ["noix-b", "noix-a", "noix-c"])
    by_price["direction"] = "DESC"
    assert slugs(first=10, sortBy=by_price) == (3, ["noix-a", "noix-b", "noix-c"])
    by_name = {"field": "NAME", "direction": "DESC"}
    assert slugs(first=2, sortBy=by_name) == (3, ["noix-c", "noix-b"])
    assert slugs(last=2, sortBy=by_name) == (3, ["noix-b", "noix-a"])


def test_a_search_is_planned_for_its_words_every_time_it_runs(client):
    make_variant(product=make_product(name="Rocamadour fermier", slug="rocamadour-fermier"))
    make_variant(product=make_product(name="Noix du Périgord", slug="noix"))

    for _ in range(8):
        found = _listing(client, search="rocamadour")["data"]["products"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]

    assert [edge["node"]["slug"] for edge in found["edges"]] == ["rocamadour-fermier"]
    # the page's other queries run prepared once run a few times; the ranking never is
    assert any("catalogue_productvariant" in statement for statement in prepared)
    assert not any("ts_rank" in statement for statement in prepared)


def test_a_search_within_collections_lists_a_product_in_two_of_them_once(client):
    walnuts = make_product(name="Noix du Périgord", slug="noix")
    oil = make_product(name="Huile de noix", slug="huile-de-noix")
    make_variant(product=make_product(name="Noix de Grenoble", slug="grenoble"))
    for product in (walnuts, oil):
        make_variant(product=product)
    summer = Collection.objects.create(name="Été", slug="ete", is_published=True)
    gifts = Collection.objects.create(name="Cadeaux", slug="cadeaux", is_published=True)
    summer.products.add(walnuts, oil)
    gifts.products.add(walnuts)
    collections = [to_global_id("Collection", item.pk) for item in (summer, gifts)]

    found = _listing(client, search="noix", filter={"collections": collections})

    products = found["data"]["products"]
    assert products["totalCount"] == 2
    assert sorted(edge["node"]["slug"] for edge in products["edges"]) == ["huile-de-noix", "noix"]


def test_search_finds_close_spellings_when_its_words_find_nothing(client):
    require_trigram()
    make_variant(product=make_product(name="Rocamadour fermier", slug="rocamadour-fermier"))
    make_variant(product=make_product(name="Noix du Périgord", slug="noix"))

    typo = _listing(client, search="rocamadur")["data"]["products"]
    nothing = _listing(client, search="zzzzzz")["data"]["products"]

    assert (typo["totalCount"], [edge["node"]["slug"] for edge in typo["edges"]]) == (
        1,
        ["rocamadour-fermier"],
    )
    assert (nothing["totalCount"], nothing["edges"]) == (0, [])


def test_a_listing_reads_the_relations_and_metadata_it_asks_for_without_a_query_each(client):
    query = """{ products(first: 20) { edges { node { metadata { key value }
      productType { name } variants { product { producer { slug } category { slug } } } } } } }"""
    counted = []
    for count in (1, 4):
        while Product.objects.count() < count:
            make_variant(product=make_product(metadata={"origin": "lot"}))
        with CaptureQueriesContext(connection) as queries:
            edges = api_post(client, query)["data"]["products"]["edges"]
        counted.append(len(queries))
        assert [edge["node"]["metadata"] for edge in edges] == [
            [{"key": "origin", "value": "lot"}]
        ] * count

    # products, variants
    assert counted == [2, 2]
