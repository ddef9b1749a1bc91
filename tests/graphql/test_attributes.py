"""Attributes through the API: our variant axes as Saleor's dropdown attributes, their choices,
the `attributes` query's filters, and a variant's assigned attributes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import (
    Attribute,
    AttributeValue,
    Collection,
    CollectionProduct,
    VariantAttributeValue,
)
from shop.graphql.core.ids import to_global_id
from tests.factories import make_category, make_product, make_product_type, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db


def _attribute(slug: str, name: str, values: list[str], english: str = "") -> Attribute:
    attribute = Attribute.objects.create(
        slug=slug, name=name, translations={"en": {"name": english}} if english else {}
    )
    for position, value in enumerate(values):
        AttributeValue.objects.create(
            attribute=attribute,
            name=value,
            slug=value.lower(),
            position=position,
            translations={"en": {"name": f"{value} (en)"}},
        )
    return attribute


def _typed(*attributes: Attribute):
    product_type = make_product_type(has_variants=True)
    product_type.variant_attributes.set(attributes)
    return product_type


def _slugs(client, **variables) -> list[str]:
    query = """query($where: AttributeWhereInput, $filter: AttributeFilterInput, $search: String,
                     $sortBy: AttributeSortingInput) {
      attributes(first: 20, where: $where, filter: $filter, search: $search, sortBy: $sortBy) {
        totalCount edges { node { slug } } } }"""
    found = api_post(client, query, variables)["data"]["attributes"]
    assert found["totalCount"] == len(found["edges"])
    return [edge["node"]["slug"] for edge in found["edges"]]


def test_a_variant_shows_its_attribute_as_a_single_choice(client):
    size = _attribute("taille", "Taille", ["S", "M", "L"], english="Size")
    product = make_product(product_type=_typed(size))
    variant = make_variant(product=product, weight_grams=250)
    make_variant(product=product, weight_grams=250)
    medium = size.values.get(slug="m")
    VariantAttributeValue.objects.create(variant=variant, attribute=size, value=medium)
    query = """query($id: ID) { productVariant(id: $id) {
      quantityLimitPerCustomer
      assignedAttributes {
        __typename
        attribute { id slug name inputType entityType type unit valueRequired
                    visibleInStorefront withChoices
                    translation(languageCode: EN) { id name }
                    choices(first: 2) { totalCount edges { node {
                      slug name value inputType reference richText plainText date
                      translation(languageCode: EN) { id name richText } } } } }
        ... on AssignedSingleChoiceAttribute {
          value { name slug translation(languageCode: EN) } } }
      product { weight { unit value } productType { isShippingRequired kind }
                media { oembedData } } } }"""

    found = api_post(client, query, {"id": to_global_id("ProductVariant", variant.pk)})

    data = found["data"]["productVariant"]
    assert data["quantityLimitPerCustomer"] == 50
    assert data["product"] == {
        "weight": {"unit": "G", "value": 250.0},
        "productType": {"isShippingRequired": True, "kind": "NORMAL"},
        "media": [],
    }
    small = size.values.get(slug="s")
    assert data["assignedAttributes"] == [
        {
            "__typename": "AssignedSingleChoiceAttribute",
            "attribute": {
                "id": to_global_id("Attribute", size.pk),
                "slug": "taille",
                "name": "Taille",
                "inputType": "DROPDOWN",
                "entityType": None,
                "type": "PRODUCT_TYPE",
                "unit": None,
                "valueRequired": False,
                "visibleInStorefront": True,
                "withChoices": True,
                "translation": {
                    "id": to_global_id("AttributeTranslation", f"{size.pk}:en"),
                    "name": "Size",
                },
                "choices": {
                    "totalCount": 3,
                    "edges": [
                        {
                            "node": {
                                "slug": slug,
                                "name": name,
                                "value": slug,
                                "inputType": "DROPDOWN",
                                "reference": None,
                                "richText": None,
                                "plainText": None,
                                "date": None,
                                "translation": {
                                    "id": to_global_id("AttributeValueTranslation", f"{pk}:en"),
                                    "name": f"{name} (en)",
                                    "richText": None,
                                },
                            }
                        }
                        for pk, slug, name in ((small.pk, "s", "S"), (medium.pk, "m", "M"))
                    ],
                },
            },
            "value": {"name": "M", "slug": "m", "translation": "M (en)"},
        }
    ]


def test_a_product_whose_variants_weigh_differently_has_no_weight_of_its_own(client):
    product = make_product()
    make_variant(product=product, weight_grams=250)
    make_variant(product=product, weight_grams=500)

    found = api_post(
        client,
        "query($id: ID) { product(id: $id) { weight { value } } }",
        {"id": to_global_id("Product", product.pk)},
    )

    assert found["data"]["product"] == {"weight": None}


def test_attributes_are_filtered_searched_and_sorted(client):
    size = _attribute("taille", "Taille", ["S", "M"])
    colour = _attribute("couleur", "Couleur", ["Rouge"])
    _attribute("contenance", "Contenance", ["75 cl"])
    cheeses = make_category()
    goat = make_category(parent=cheeses)
    in_goat = make_product(category=goat, product_type=_typed(size))
    make_variant(product=in_goat)
    summer = Collection.objects.create(name="Été", slug="ete", is_published=True)
    in_summer = make_product(product_type=_typed(colour))
    make_variant(product=in_summer)
    CollectionProduct.objects.create(collection=summer, product=in_summer)

    assert _slugs(client) == ["contenance", "couleur", "taille"]
    assert _slugs(client, sortBy={"field": "SLUG", "direction": "DESC"}) == [
        "taille",
        "couleur",
        "contenance",
    ]
    assert _slugs(client, search="coul") == ["couleur"]
    assert _slugs(client, where={"slug": {"oneOf": ["taille", "couleur"]}}) == [
        "couleur",
        "taille",
    ]
    assert _slugs(client, where={"inCategory": to_global_id("Category", cheeses.pk)}) == ["taille"]
    assert _slugs(client, filter={"inCollection": to_global_id("Collection", summer.pk)}) == [
        "couleur"
    ]
    assert _slugs(client, where={"OR": [{"name": {"eq": "Taille"}}, {"slug": {"eq": "x"}}]}) == [
        "taille"
    ]
    assert _slugs(client, where={"inputType": {"eq": "DROPDOWN"}, "withChoices": True}) == [
        "contenance",
        "couleur",
        "taille",
    ]
    assert _slugs(client, where={"inputType": {"oneOf": ["NUMERIC", "SWATCH"]}}) == []
    assert _slugs(client, where={"unit": {"eq": "G"}}) == []
    assert _slugs(client, filter={"type": "PAGE_TYPE"}) == []
    assert _slugs(client, filter={"valueRequired": True}) == []
    assert _slugs(client, where={"ids": [to_global_id("Attribute", colour.pk)]}) == ["couleur"]


def test_choices_are_filtered_searched_and_sorted(client):
    _attribute("taille", "Taille", ["S", "M", "L", "XL"])
    query = """query($where: AttributeValueWhereInput, $search: String,
                     $sortBy: AttributeChoicesSortingInput) {
      attributes(first: 1) { edges { node {
        choices(first: 10, where: $where, search: $search, sortBy: $sortBy) {
          edges { node { slug } } } } } } }"""

    def slugs(**variables) -> list[str]:
        node = api_post(client, query, variables)["data"]["attributes"]["edges"][0]["node"]
        return [edge["node"]["slug"] for edge in node["choices"]["edges"]]

    assert slugs() == ["s", "m", "l", "xl"]
    assert slugs(sortBy={"field": "NAME", "direction": "ASC"}) == ["l", "m", "s", "xl"]
    assert slugs(search="l") == ["l", "xl"]
    assert slugs(where={"name": {"oneOf": ["M", "XL"]}}) == ["m", "xl"]
    assert slugs(where={"AND": [{"slug": {"eq": "s"}}, {"name": {"eq": "M"}}]}) == []


def test_choices_of_a_page_of_attributes_cost_the_same_queries_however_many(client):
    query = """{ attributes(first: 20) { edges { node { slug
      choices(first: 5) { edges { node { name } } } } } } }"""
    for index in range(2):
        _attribute(f"a{index}", f"A{index}", ["x", "y"])
    with CaptureQueriesContext(connection) as few:
        api_post(client, query)
    for index in range(2, 6):
        _attribute(f"a{index}", f"A{index}", ["x", "y"])
    with CaptureQueriesContext(connection) as more:
        found = api_post(client, query)

    assert len(found["data"]["attributes"]["edges"]) == 6
    # the attributes, then their values
    assert len(few.captured_queries) == len(more.captured_queries) == 2


def test_a_product_list_reads_its_variants_attributes_with_the_variants(client):
    size = _attribute("taille", "Taille", ["S", "M"])
    colour = _attribute("couleur", "Couleur", ["Rouge", "Bleu"])
    shirt = make_product(product_type=_typed(size, colour), slug="tee-shirt")
    red_small = make_variant(product=shirt, position=0)
    make_variant(product=shirt, position=1)
    for attribute, value in ((size, "s"), (colour, "rouge")):
        VariantAttributeValue.objects.create(
            variant=red_small, attribute=attribute, value=attribute.values.get(slug=value)
        )
    make_variant(product=make_product(slug="mug"))
    query = """{ products(first: 10, sortBy: {field: NAME, direction: ASC}) { edges { node {
      slug productVariants(first: 50) { edges { node {
        attributes { attribute { slug } values { slug } } } } } } } } }"""

    with CaptureQueriesContext(connection) as queries:
        found = api_post(client, query)

    variants = {
        edge["node"]["slug"]: [
            variant["node"]["attributes"] for variant in edge["node"]["productVariants"]["edges"]
        ]
        for edge in found["data"]["products"]["edges"]
    }
    assert variants["tee-shirt"] == [
        [
            {"attribute": {"slug": "couleur"}, "values": [{"slug": "rouge"}]},
            {"attribute": {"slug": "taille"}, "values": [{"slug": "s"}]},
        ],
        [],
    ]
    assert variants["mug"] == [[]]
    # the products, then their variants with their attributes and values
    assert len(queries.captured_queries) == 2
