"""Lists filtered by metadata (Saleor's `metadata: [MetadataFilter!]`): a key alone keeps the
objects holding it, a key with a value those holding that value; every filter holds. Products
are filtered by the database through the GIN index of their metadata, without a query more;
a key or value the shop never stores is a request error with its code, never a failure."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalogue.metadata.selectors import metadata_filter
from catalogue.models import Collection, Product
from shop.graphql.core.ids import to_global_id
from tests.factories import make_category, make_product, make_variant
from tests.graphql.catalogue_data import make_pictured_product
from tests.graphql.client import api_post
from tests.graphql.test_products import LISTING

pytestmark = pytest.mark.django_db

PRODUCTS = """query($filter: ProductFilterInput, $where: ProductWhereInput) {
  products(first: 50, filter: $filter, where: $where) { edges { node { slug } } } }"""
CATEGORIES = """query($filter: CategoryFilterInput, $where: CategoryWhereInput) {
  categories(first: 50, filter: $filter, where: $where) { edges { node { slug } } } }"""
COLLECTIONS = """query($filter: CollectionFilterInput, $where: CollectionWhereInput) {
  collections(first: 50, filter: $filter, where: $where) { edges { node { slug } } } }"""
VARIANTS = """query($id: ID!, $where: ProductVariantWhereInput) { product(id: $id) {
  productVariants(first: 10, where: $where) { edges { node { sku } } } } }"""


def _slugs(result: dict, field: str) -> list[str]:
    return sorted(edge["node"]["slug"] for edge in result["data"][field]["edges"])


def _for_sale(slug: str, metadata: dict) -> Product:
    product = make_product(slug=slug, metadata=metadata)
    make_variant(product=product)
    return product


def test_products_are_filtered_by_a_key_or_a_keys_value_and_every_filter_holds(client):
    _for_sale("organic-red", {"farming": "organic", "colour": "red"})
    _for_sale("organic", {"farming": "organic"})
    _for_sale("conventional", {"farming": "conventional"})
    _for_sale("bare", {})

    def slugs(*, filter=None, where=None) -> list[str]:
        return _slugs(api_post(client, PRODUCTS, {"filter": filter, "where": where}), "products")

    assert slugs(filter={"metadata": [{"key": "farming"}]}) == [
        "conventional",
        "organic",
        "organic-red",
    ]
    assert slugs(filter={"metadata": [{"key": "farming", "value": "organic"}]}) == [
        "organic",
        "organic-red",
    ]
    assert slugs(
        where={"metadata": [{"key": "farming", "value": "organic"}, {"key": "colour"}]}
    ) == ["organic-red"]
    assert (
        slugs(
            filter={"metadata": [{"key": "colour"}]},
            where={"metadata": [{"key": "farming", "value": "conventional"}]},
        )
        == []
    )
    assert slugs(filter={"metadata": [{"key": "farming", "value": "Organic"}]}) == []
    assert slugs(filter={"metadata": []}) == ["bare", "conventional", "organic", "organic-red"]


def test_keys_with_quotes_backslashes_dots_and_accents_are_matched_as_written(client):
    key = 'cuvée "2024".lot\\b'
    _for_sale("odd", {key: "oui"})
    _for_sale("near", {"cuvée": "oui"})

    found = api_post(client, PRODUCTS, {"filter": {"metadata": [{"key": key}]}})
    valued = api_post(client, PRODUCTS, {"where": {"metadata": [{"key": key, "value": "oui"}]}})

    assert _slugs(found, "products") == _slugs(valued, "products") == ["odd"]


def test_a_metadata_filter_costs_no_query_more_on_a_listing(client):
    for number in range(4):
        make_pictured_product(metadata={"farming": "organic"} if number % 2 else {})
    with CaptureQueriesContext(connection) as unfiltered:
        everything = api_post(client, LISTING, {"first": 100})
    with CaptureQueriesContext(connection) as filtered:
        result = api_post(
            client,
            LISTING,
            {"first": 100, "filter": {"metadata": [{"key": "farming", "value": "organic"}]}},
        )

    assert len(everything["data"]["products"]["edges"]) == 4
    assert len(result["data"]["products"]["edges"]) == 2
    # products, count, variants, images with their thumbnails, product claims, seller claims
    assert len(unfiltered.captured_queries) == len(filtered.captured_queries) == 6


@pytest.mark.parametrize("value", [None, "organic"])
def test_the_products_metadata_filters_can_use_its_gin_index(value):
    products = metadata_filter(Product.objects.all(), conditions=[("farming", value)])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = products.explain()

    assert "catalogue_product_metadata" in plan


def test_categories_and_collections_are_filtered_by_metadata(client):
    make_category(slug="fromages", metadata={"menu": "top"})
    make_category(slug="vins", metadata={"menu": "footer"})
    make_category(slug="noix")
    Collection.objects.create(name="Été", slug="ete", is_published=True, metadata={"season": "y"})
    Collection.objects.create(name="Noël", slug="noel", is_published=True)
    top = [{"key": "menu", "value": "top"}]

    categories = api_post(client, CATEGORIES, {"filter": {"metadata": [{"key": "menu"}]}})
    top_categories = api_post(client, CATEGORIES, {"where": {"metadata": top}})
    collections = api_post(client, COLLECTIONS, {"where": {"metadata": [{"key": "season"}]}})
    none = api_post(
        client, COLLECTIONS, {"filter": {"metadata": [{"key": "season", "value": "n"}]}}
    )

    assert _slugs(categories, "categories") == ["fromages", "vins"]
    assert _slugs(top_categories, "categories") == ["fromages"]
    assert _slugs(collections, "collections") == ["ete"]
    assert _slugs(none, "collections") == []


def test_a_products_variants_are_filtered_by_metadata(client):
    product = make_product()
    make_variant(product=product, sku="DISC-35", metadata={"size": "35 g"})
    make_variant(product=product, sku="BOX-6")

    result = api_post(
        client,
        VARIANTS,
        {"id": to_global_id("Product", product.pk), "where": {"metadata": [{"key": "size"}]}},
    )

    edges = result["data"]["product"]["productVariants"]["edges"]
    assert [edge["node"]["sku"] for edge in edges] == ["DISC-35"]


@pytest.mark.parametrize(
    "query, field",
    [(PRODUCTS, "products"), (CATEGORIES, "categories"), (COLLECTIONS, "collections")],
)
@pytest.mark.parametrize(
    "condition, code",
    [
        ({"key": "k" * 300}, "INVALID"),
        ({"key": "lot\x00"}, "INVALID"),
        ({"key": "farming", "value": "bio\x00"}, "INVALID"),
        ({"key": " "}, "REQUIRED"),
    ],
)
def test_a_key_or_value_the_shop_never_stores_is_a_coded_error(
    client, query, field, condition, code
):
    _for_sale("kept", {"farming": "organic"})

    result = api_post(client, query, {"filter": {"metadata": [condition]}})

    assert result["data"] == {field: None}
    assert [error["extensions"]["exception"]["code"] for error in result["errors"]] == [code]


def test_a_metadata_filter_that_is_not_a_list_of_filters_is_refused_by_the_schema(client):
    result = api_post(
        client, '{ products(first: 5, filter: {metadata: "farming"}) { totalCount } }'
    )
    single = api_post(client, PRODUCTS, {"filter": {"metadata": {"key": "farming"}}})

    assert "data" not in result or result["data"] is None
    assert result["errors"][0]["message"].startswith("Expected value of type '[MetadataFilter!]'")
    # A single filter where a list is expected is a list of one, as GraphQL coerces inputs.
    assert single["data"]["products"]["edges"] == []


def test_a_variants_metadata_filter_reads_their_metadata_with_them_wherever_it_is_written(
    client,
):
    product = make_product()
    make_variant(product=product, sku="DISC-35", metadata={"size": "35 g"})
    make_variant(product=product, sku="BOX-6")
    product_id = to_global_id("Product", product.pk)
    written = """query($id: ID!) { product(id: $id) {
      productVariants(first: 10, where: {metadata: [{key: "size"}]}) {
        edges { node { sku } } } } }"""

    counted, found = [], []
    for query, variables in (
        (VARIANTS, {"id": product_id, "where": {"metadata": [{"key": "size"}]}}),
        (written, {"id": product_id}),
        (VARIANTS, {"id": product_id}),
    ):
        with CaptureQueriesContext(connection) as queries:
            edges = api_post(client, query, variables)["data"]["product"]["productVariants"]
        counted.append(len(queries))
        found.append([edge["node"]["sku"] for edge in edges["edges"]])

    assert found == [["DISC-35"], ["DISC-35"], ["DISC-35", "BOX-6"]]
    # the product, its variants
    assert counted == [2, 2, 2]
