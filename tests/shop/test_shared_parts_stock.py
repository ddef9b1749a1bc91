"""Pages keep what every visitor sees the same under two counts of the catalogue's changes
(shop/storefront/shared_parts.py): a variant selling out, or a declined payment giving its last
unit back, changes only what shows stock (a listing filtered on it), and the parts that never
show stock stay kept, the product page's among them (its stock is read at each view)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.selectors import CatalogueVersions, catalogue_versions
from producers.services.listing_parts import VariantData, variant_save
from shop.orders.services import order_stock_release
from tests.factories import make_order
from tests.shop.shared_pages import listed_cheese, pages_of, text

pytestmark = pytest.mark.django_db


def test_the_product_page_shows_the_stock_left_after_each_sale(client):
    _producer, _owner, product = listed_cheese()
    variant = product.variants.get()
    url = f"/en/p/{product.slug}/"
    assert '<span class="stock">In stock</span>' in text(client, url)
    version = catalogue_versions()

    make_order((variant, 6))
    # A sale that leaves some stock changes nothing that pages keep...
    assert catalogue_versions() == version
    # ...and the form shows the stock now.
    assert '<span class="stock low">Only 4 left</span>' in text(client, url)

    order = make_order((variant, 4))
    page = text(client, url)
    assert '<span class="stock out">Out of stock</span>' in page
    assert '<p class="sold-out">This product is out of stock for now.</p>' in page
    assert catalogue_versions() == CatalogueVersions(full=version.full + 1, content=version.content)

    order_stock_release(order=order)
    assert '<span class="stock low">Only 4 left</span>' in text(client, url)


def test_the_in_stock_filter_follows_the_last_unit_sold_and_given_back(client):
    _producer, _owner, product = listed_cheese()
    in_stock = pages_of(product)["category"] + "?in_stock=on"
    assert f'href="/en/p/{product.slug}/"' in text(client, in_stock)

    order = make_order((product.variants.get(), 10))
    assert f'href="/en/p/{product.slug}/"' not in text(client, in_stock)

    order_stock_release(order=order)
    assert f'href="/en/p/{product.slug}/"' in text(client, in_stock)


def test_a_sell_out_keeps_the_product_page_and_leaves_the_in_stock_listing_at_once(
    client, django_assert_num_queries
):
    _producer, _owner, product = listed_cheese()
    product_url, category = f"/en/p/{product.slug}/", pages_of(product)["category"]
    in_stock, card = category + "?in_stock=on", f'href="/en/p/{product.slug}/"'
    for url in (product_url, category, in_stock):
        text(client, url)
    before = catalogue_versions()

    order = make_order((product.variants.get(), 10))  # the last units sold

    assert catalogue_versions() == CatalogueVersions(full=before.full + 1, content=before.content)
    # Kept, menus included: the catalogue's versions, the variants with their stock, the share
    # picture.
    with django_assert_num_queries(3):
        assert '<p class="sold-out">This product is out of stock for now.</p>' in text(
            client, product_url
        )
    # The listing shows no stock without its filter: kept, the product still on it...
    with django_assert_num_queries(1):
        assert card in text(client, category)
    # ...and the filter drops it at once.
    assert card not in text(client, in_stock)

    order_stock_release(order=order)  # a declined payment gives the units back

    assert catalogue_versions() == CatalogueVersions(full=before.full + 2, content=before.content)
    with django_assert_num_queries(3):
        assert '<span class="stock">In stock</span>' in text(client, product_url)
    assert card in text(client, in_stock)


def test_the_pages_of_cards_stay_kept_through_a_sell_out(client, django_assert_num_queries):
    _producer, _owner, product = listed_cheese()
    urls = pages_of(product)
    del urls["category"]  # its in-stock filter reads the stock
    for url in urls.values():
        text(client, url)

    make_order((product.variants.get(), 10))

    # Their cards show no stock: the catalogue's versions (and a producer's share picture).
    for kind, url in urls.items():
        with django_assert_num_queries(2 if kind == "producer" else 1):
            assert f'href="/en/p/{product.slug}/"' in text(client, url), kind


def test_a_price_change_makes_the_product_page_anew(client):
    _producer, owner, product = listed_cheese()
    variant = product.variants.get()
    url = f"/en/p/{product.slug}/"
    text(client, url)
    before = catalogue_versions()

    variant_save(
        user=owner,
        product=product,
        variant_id=variant.pk,
        data=VariantData(sku="CAB-1", price=Decimal("4.20"), weight_grams=35, stock_quantity=0),
    )

    # Sold out and repriced in one save: one more in each count.
    assert catalogue_versions() == CatalogueVersions(
        full=before.full + 1, content=before.content + 1
    )
    assert '<p class="price">€4.20 <span class="tax">' in text(client, url)


def test_one_query_reads_both_counts_for_every_part_of_a_page(client):
    _producer, _owner, product = listed_cheese()
    # The categories, the menus and the listing with the in-stock filter: both counts read.
    url = pages_of(product)["category"] + "?in_stock=on"
    for _ in range(2):  # made, then kept
        with CaptureQueriesContext(connection) as queries:
            text(client, url)
        reads = [query["sql"] for query in queries if "catalogue_version" in query["sql"]]
        assert reads == ["SELECT number, content_number FROM catalogue_versions_now()"]
