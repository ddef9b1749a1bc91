"""Content pages, menus and categories: the fields of the contract beyond the storefront's
operations."""

import pytest

from shop.graphql.core.ids import to_global_id
from tests.factories import make_category
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db


def test_a_legal_page_has_its_date_type_and_translation_ids(client):
    query = """{ page(slug: "terms-of-sale") { created pageType { id slug }
      translation(languageCode: FR) { id title } german: translation(languageCode: DE) { id } } }"""

    found = api_post(client, query)["data"]["page"]

    assert found == {
        "created": "2026-11-24T14:21:04+00:00",
        "pageType": {"id": to_global_id("PageType", "legal"), "slug": "legal"},
        "translation": {
            "id": to_global_id("PageTranslation", "terms-of-sale:fr"),
            "title": "Conditions générales de vente",
        },
        "german": None,
    }


def test_a_menu_item_translation_has_an_id(client):
    category = make_category(translations={"en": {"name": "Cheese"}})
    query = '{ menu(slug: "navbar") { items { translation(languageCode: EN) { id name } } } }'

    found = api_post(client, query)["data"]["menu"]

    assert found["items"] == [
        {
            "translation": {
                "id": to_global_id("MenuItemTranslation", f"category-{category.pk}:en"),
                "name": "Cheese",
            }
        }
    ]


def test_a_category_tells_when_it_last_changed(client):
    category = make_category()

    found = api_post(
        client,
        "query($id: ID) { category(id: $id) { updatedAt } }",
        {"id": to_global_id("Category", category.pk)},
    )

    assert found["data"]["category"] == {"updatedAt": category.updated_at.isoformat()}
