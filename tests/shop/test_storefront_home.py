from decimal import Decimal

import pytest

from catalogue.models import ClaimStatus, ReviewStatus
from tests.factories import make_claim, make_product, make_variant

pytestmark = pytest.mark.django_db


def test_the_root_redirects_to_the_shoppers_language(client):
    assert client.get("/")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Location"] == "/en/"


def test_an_empty_shop_says_so(client):
    page = client.get("/en/").content.decode()
    assert "No product is on sale yet" in page


def test_products_for_sale_are_listed_in_the_shoppers_language(client):
    product = make_product(
        name="Rocamadour AOP",
        translations={"en": {"name": "Rocamadour PDO goat cheese"}},
    )
    make_variant(product=product, price=Decimal("3.90"))
    make_claim(product=product, status=ClaimStatus.APPROVED)
    make_variant(product=make_product(name="Brouillon", review_status=ReviewStatus.DRAFT))

    english = client.get("/en/").content.decode()
    assert "Rocamadour PDO goat cheese" in english
    assert "€3.90" in english
    assert "<li>PDO</li>" in english
    assert "Brouillon" not in english

    french = client.get("/fr/").content.decode()
    assert "Rocamadour AOP" in french
    assert "3,90\u00a0€" in french
    assert "<li>AOP</li>" in french
    assert 'lang="fr"' in french


def test_from_is_shown_only_when_variants_differ_in_price(client):
    cap = make_product(name="Casquette")
    make_variant(product=cap, price=Decimal("18.00"))
    make_variant(product=cap, price=Decimal("18.00"))
    walnuts = make_product(name="Cerneaux")
    make_variant(product=walnuts, price=Decimal("19.00"))
    make_variant(product=walnuts, price=Decimal("9.50"))
    page = client.get("/en/").content.decode()
    assert '<p class="price">€18.00</p>' in page
    assert '<p class="price">from €9.50</p>' in page


def test_the_home_shows_the_24_newest_products_newest_first(client):
    products = [make_product(name=f"Noix {index:02d}") for index in range(25)]
    for product in products:
        make_variant(product=product)
    page = client.get("/en/").content.decode()
    grid = page[page.index('class="product-grid"') :]
    assert grid.count('class="product-card"') == 24
    assert grid.index("Noix 24") < grid.index("Noix 23")
    assert "Noix 00" not in grid


def test_a_bad_page_number_shows_a_page_not_an_error(client):
    assert client.get("/en/?page=abc").status_code == 200
    assert client.get("/en/?page=999").status_code == 200


def test_every_page_leads_producers_to_their_portal_and_reviewers_to_their_console(client):
    page = client.get("/fr/").content.decode()

    assert '<a href="/fr/producteur/">' in page
    assert '<a href="/fr/chambre/">' in page
