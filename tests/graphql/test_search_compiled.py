"""A search with no other condition runs a ranking compiled once per shape, its words and day
bound at each request (shop.graphql.core.ranked.RankedRead)."""

from datetime import timedelta

import pytest

from catalogue.models import ClaimStatus
from catalogue.search import products_search_source
from catalogue.selectors import today
from shop.compiled_reads import Placeholder
from shop.graphql.core import ranked
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.ranked import RankedRead, ranked_rows
from tests.factories import make_claim, make_product, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

SEARCH = """
query Search($search: String, $filter: ProductFilterInput, $sortBy: ProductOrder) {
  products(first: 10, channel: "default-channel", search: $search, filter: $filter,
           sortBy: $sortBy) {
    totalCount
    edges { node { slug } }
  }
}
"""


def _slugs(client, **variables) -> tuple[int, list[str]]:
    found = api_post(client, SEARCH, variables)["data"]["products"]
    return found["totalCount"], [edge["node"]["slug"] for edge in found["edges"]]


def test_each_search_finds_its_own_words_through_the_same_compiled_ranking(client):
    for name, slug in (
        ("Rocamadour fermier", "rocamadour"),
        ("Noix du Périgord", "noix"),
        ("Huile de noix", "huile-de-noix"),
    ):
        make_variant(product=make_product(name=name, slug=slug))
    by_name = {"field": "NAME", "direction": "ASC"}

    assert _slugs(client, search="rocamadour") == (1, ["rocamadour"])
    assert _slugs(client, search="noix", sortBy=by_name) == (2, ["huile-de-noix", "noix"])
    assert _slugs(client, search="noix", sortBy={**by_name, "direction": "DESC"}) == (
        2,
        ["noix", "huile-de-noix"],
    )
    assert _slugs(client, search="huile noix", sortBy=by_name) == (1, ["huile-de-noix"])
    assert _slugs(client, search="rocamadour") == (1, ["rocamadour"])
    # the searches went through compiled rankings (one per sort, made once per process)
    assert any(
        isinstance(shape, tuple) and shape[0] == "products holding the words"
        for shape in ranked._rankings
    )


def test_a_search_narrowed_to_no_product_finds_none(client):
    walnuts = make_product(name="Noix du Périgord", slug="noix")
    make_variant(product=walnuts)

    assert _slugs(client, search="noix") == (1, ["noix"])
    assert _slugs(client, search="noix", filter={"collections": []}) == (0, [])
    assert _slugs(client, search="noix", filter={"ids": [to_global_id("Product", walnuts.pk)]}) == (
        1,
        ["noix"],
    )


def test_the_day_is_bound_at_each_run_of_a_compiled_ranking():
    walnuts = make_product(name="Noix du Périgord", slug="noix")
    make_variant(product=walnuts)
    make_claim(
        product=walnuts,
        is_essential=True,
        status=ClaimStatus.APPROVED,
        valid_until=today() + timedelta(days=3),
    )

    def found_on(day) -> list[str]:
        read = RankedRead(
            shape="test: walnuts on a day",
            build=lambda source, day: products_search_source(source=source, on=day),
            values={"source": "noix:*", "day": day},
            placeholders={"source": Placeholder.text, "day": Placeholder.day},
        )
        rows, _total = ranked_rows(read, 0, 10)
        return [product.slug for product in rows]

    assert found_on(today()) == ["noix"]
    # the claim's proof has expired by then: the listing is withdrawn
    assert found_on(today() + timedelta(days=4)) == []
    assert found_on(today()) == ["noix"]
