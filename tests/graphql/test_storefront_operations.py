"""The storefront's own operations, as it sends them, answer without errors on our data."""

import json

import pytest

from shop.checkout.complete import checkout_complete
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_category, make_ready_checkout, make_user
from tests.graphql.catalogue_data import make_pictured_product
from tests.graphql.client import api_post
from tests.graphql.contract import operation_source

pytestmark = pytest.mark.django_db

STOREFRONT = "operations-storefront.graphql"
BROWSING = {"channel": "default-channel", "languageCode": "EN"}


def _run(client, name: str, variables: dict) -> dict:
    result = api_post(client, operation_source(STOREFRONT, name), variables)
    assert "errors" not in result, result["errors"]
    return result["data"]


@pytest.mark.parametrize(
    ("name", "variables"),
    [
        ("ProductListPaginated", {"first": 20}),
        ("ProductList", {"first": 9}),
        (
            "SearchProducts",
            {"search": "roca", "sortBy": "RANK", "sortDirection": "ASC", "first": 10},
        ),
        ("ProductDetails", {"slug": "rocamadour"}),
    ],
)
def test_browsing_operations(client, name, variables):
    make_pictured_product(name="Rocamadour AOP", slug="rocamadour")

    data = _run(client, name, {**BROWSING, **variables})

    assert data


def test_listing_by_category_and_collection(client):
    product = make_pictured_product()

    by_category = _run(
        client, "ProductListByCategory", {**BROWSING, "slug": product.category.slug, "first": 20}
    )

    assert [edge["node"]["id"] for edge in by_category["category"]["products"]["edges"]] == [
        to_global_id("Product", product.pk)
    ]


def test_checkout_operations(client):
    product = make_pictured_product()
    checkout = make_ready_checkout((product.variants.order_by("position").first(), 1))
    checkout_id = to_global_id("Checkout", checkout.token)

    found = _run(client, "checkout", {"id": checkout_id, "languageCode": "EN"})
    completed = _run(client, "checkoutComplete", {"checkoutId": checkout_id})

    assert found["checkout"]["id"] == checkout_id
    assert completed["checkoutComplete"]["errors"] == []


def test_the_navbar_menu_is_the_category_tree(client):
    cheeses = make_category(
        name="Fromages", slug="fromages", translations={"en": {"name": "Cheese"}}
    )
    make_category(name="Chèvre", slug="chevre", parent=cheeses)

    data = _run(client, "MenuGetBySlug", {**BROWSING, "slug": "navbar"})

    [item] = data["menu"]["items"]
    assert (item["name"], item["level"], item["translation"]) == ("Fromages", 0, {"name": "Cheese"})
    assert item["category"]["slug"] == "fromages"
    assert [(child["name"], child["level"]) for child in item["children"]] == [("Chèvre", 1)]


def test_content_pages_are_the_legal_texts(client):
    page = _run(client, "PageGetBySlug", {"slug": "legal-notice", "languageCode": "FR"})["page"]
    listed = _run(
        client,
        "StorefrontContentPages",
        {**BROWSING, "slugs": ["terms-of-sale", "privacy", "unknown"]},
    )

    assert page["title"] == "Legal notice"
    assert page["translation"]["title"] == "Mentions légales"
    text = json.loads(page["content"])["blocks"][0]["data"]["text"]
    assert text.startswith("<h1>Legal notice</h1>")
    assert "Département du Lot" in text
    french = json.loads(page["translation"]["content"])["blocks"][0]["data"]["text"]
    assert french.startswith("<h1>Mentions légales</h1>")
    assert [edge["node"]["slug"] for edge in listed["pages"]["edges"]] == [
        "terms-of-sale",
        "privacy",
    ]


def test_address_rules_for_a_country_we_deliver_to_and_one_we_do_not(client):
    france = _run(client, "addressValidationRules", {"countryCode": "FR"})
    usa = _run(client, "addressValidationRules", {"countryCode": "US"})

    assert france["addressValidationRules"]["requiredFields"] == [
        "firstName",
        "lastName",
        "streetAddress1",
        "postalCode",
        "city",
        "country",
    ]
    assert usa["addressValidationRules"] is None


def test_account_and_order_operations(client):
    product = make_pictured_product()
    user = make_user()
    checkout = make_ready_checkout((product.variants.order_by("position").first(), 1))
    order = checkout_complete(checkout=checkout, user=user)
    token = token_for(user=user, token_type=ACCESS)

    def run(name: str, variables: dict) -> dict:
        result = api_post(client, operation_source(STOREFRONT, name), variables, token=token)
        assert "errors" not in result, result["errors"]
        return result["data"]

    listed = run("CurrentUserOrderList", {"languageCode": "EN"})
    detailed = run("OrderByNumber", {"first": 5, "languageCode": "EN"})
    single = run("order", {"id": to_global_id("Order", order.token), "languageCode": "EN"})
    me = run("user", {})

    assert [edge["node"]["number"] for edge in listed["me"]["orders"]["edges"]] == [order.number]
    assert len(detailed["me"]["orders"]["edges"]) == 1
    assert single["order"]["number"] == order.number
    assert me["user"]["email"] == user.email
