"""Pages keep what every visitor sees the same (shop/storefront/shared_parts.py): a change made
through any service shows on the next page view, and nothing of one visitor reaches another."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from branding.services.share_images import share_image_refresh
from catalogue.models import ClaimStatus, ReviewStatus
from catalogue.selectors import catalogue_versions
from producers.models import ChamberCode
from producers.services.listing_parts import VariantData, variant_save
from producers.services.review import claim_decide, product_decide, revision_decide
from producers.services.stock_csv import stock_csv_apply
from producers.services.submission import product_revision_propose
from tests.caches import cache_unreachable
from tests.factories import (
    make_campaign,
    make_claim,
    make_listed_product,
    make_reviewer,
    make_user,
    make_variant,
)
from tests.shop.pictures import add_image
from tests.shop.shared_pages import card_of, listed_cheese, pages_of, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cheese():
    """An approved product of a selling producer, on every listing: €3.90, ten in stock."""
    return listed_cheese()


def test_a_price_changed_by_the_producer_shows_on_the_next_view_of_every_page(client, cheese):
    _producer, owner, product = cheese
    variant = product.variants.get()
    urls = pages_of(product)
    assert all("€3.90" in card_of(product, text(client, url)) for url in urls.values())

    variant_save(
        user=owner,
        product=product,
        variant_id=variant.pk,
        data=VariantData(sku="CAB-1", price=Decimal("4.20"), weight_grams=35, stock_quantity=10),
    )

    for kind, url in urls.items():
        assert "€4.20" in card_of(product, text(client, url)), kind
    assert '<p class="price">€4.20 <span class="tax">' in text(client, f"/en/p/{product.slug}/")


def test_a_price_sent_in_a_stock_file_shows_on_the_next_view(client, cheese):
    producer, owner, product = cheese
    category = pages_of(product)["category"]
    assert "€3.90" in card_of(product, text(client, category))

    stock_csv_apply(user=owner, producer=producer, content=b"sku,price,stock\nCAB-1,5.10,8\n")

    assert "€5.10" in card_of(product, text(client, category))


def test_a_product_withdrawn_by_its_chamber_leaves_every_page(client, cheese):
    _producer, _owner, product = cheese
    claim = make_claim(product=product, status=ClaimStatus.PENDING, is_essential=True)
    urls = pages_of(product)
    for url in urls.values():
        assert f'href="/en/p/{product.slug}/"' in text(client, url)
    text(client, f"/en/p/{product.slug}/")

    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    claim_decide(user=reviewer, claim=claim, verified=False, reason="Illisible")

    for kind, url in urls.items():
        assert f'href="/en/p/{product.slug}/"' not in text(client, url), kind
    text(client, f"/en/p/{product.slug}/", status=404)


def test_a_product_approved_by_its_chamber_arrives_with_the_brand_mark(client, cheese):
    producer, _owner, _product = cheese
    waiting = make_listed_product(product_status=ReviewStatus.SUBMITTED)[2]
    waiting.seller = producer.seller
    waiting.save(update_fields=["seller"])
    make_variant(product=waiting)
    url = f"/en/producers/{producer.seller.slug}/"
    assert f'href="/en/p/{waiting.slug}/"' not in text(client, url)
    text(client, f"/en/p/{waiting.slug}/", status=404)

    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    product_decide(user=reviewer, product=waiting, decision=ReviewStatus.APPROVED)

    assert '<div class="brand-approval">' in card_of(waiting, text(client, url))
    assert '<div class="brand-approval">' in text(client, f"/en/p/{waiting.slug}/")


def test_a_sign_verified_by_the_chamber_shows_on_the_card_and_in_the_filter(client, cheese):
    _producer, _owner, product = cheese
    claim = make_claim(product=product, status=ClaimStatus.PENDING, is_essential=False)
    url = pages_of(product)["category"]
    page = text(client, url)
    assert '<ul class="signs"' not in card_of(product, page)
    assert 'name="sign" value="aop"' not in page

    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    claim_decide(user=reviewer, claim=claim, verified=True)

    page = text(client, url)
    assert "<li>PDO</li>" in card_of(product, page)
    assert 'name="sign" value="aop"' in page


def test_a_name_changed_through_the_chamber_shows_on_the_next_view(client, cheese):
    _producer, owner, product = cheese
    urls = [*pages_of(product).values(), f"/en/p/{product.slug}/"]
    for url in urls:
        assert "Cabécou du Causse" in text(client, url)

    revision = product_revision_propose(
        user=owner, product=product, changes={"name": "Cabécou fermier"}
    )
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    revision_decide(user=reviewer, revision=revision, approved=True)

    urls[3] = "/en/search/?q=fermier"
    for url in urls:
        page = text(client, url)
        assert "Cabécou fermier" in page and "Cabécou du Causse" not in page, url


def test_a_photo_shows_on_the_card_once_its_thumbnails_are_made(client, cheese):
    _producer, _owner, product = cheese
    url = pages_of(product)["category"]
    assert "<img" not in card_of(product, text(client, url))

    add_image(product, name="cabecou")

    assert '<img src="/media/thumbnails/2026/01/cabecou-256.webp"' in card_of(
        product, text(client, url)
    )


def test_a_price_changed_in_the_admin_shows_on_the_next_view(client, cheese):
    _producer, _owner, product = cheese
    variant = product.variants.get()
    url = pages_of(product)["category"]
    assert "€3.90" in card_of(product, text(client, url))

    admin = Client()
    admin.force_login(make_user(is_staff=True, is_superuser=True))
    sent = {
        "product": product.pk,
        "sku": "CAB-1",
        "price": "6.00",
        "weight_grams": "35",
        "stock_quantity": "10",
        "position": "0",
        "variantattributevalue_set-TOTAL_FORMS": "0",
        "variantattributevalue_set-INITIAL_FORMS": "0",
    }
    change = reverse("admin:catalogue_productvariant_change", args=[variant.pk])
    assert admin.post(change, sent).status_code == 302

    assert "€6.00" in card_of(product, text(client, url))


def test_a_share_picture_made_after_the_first_view_shows_on_the_next(client, cheese):
    _producer, _owner, product = cheese
    url = f"/en/p/{product.slug}/"
    version = catalogue_versions()
    assert 'property="og:image"' not in text(client, url)

    stored = share_image_refresh(product_id=product.pk)

    # Made after the page that asked for it, it changes nothing else a page keeps.
    assert catalogue_versions() == version
    image = f'<meta property="og:image" content="http://testserver{stored.file.url}">'
    assert image in text(client, url)


def test_a_category_renamed_in_the_admin_shows_in_every_page_s_menu(client, cheese):
    _producer, _owner, product = cheese
    category = product.category
    menu = f'<li><a href="/en/c/{category.slug}/">{category.name}</a></li>'
    urls = ["/en/", "/en/legal/notice/", "/en/cart/", f"/en/p/{product.slug}/"]
    assert all(menu in text(client, url) for url in urls)

    admin = Client()
    admin.force_login(make_user(is_staff=True, is_superuser=True))
    change = reverse("admin:catalogue_category_change", args=[category.pk])
    sent = {
        "name": "Fromages du Causse",
        "slug": category.slug,
        "position": "0",
        "name_en": "Cheeses",
    }
    assert admin.post(change, sent).status_code == 302

    renamed = f'<li><a href="/en/c/{category.slug}/">Cheeses</a></li>'
    for url in urls:
        page = text(client, url)
        assert renamed in page and menu not in page, url


def test_a_campaign_shows_on_the_home_page_from_the_next_view(client, cheese):
    assert 'class="campaign-banner"' not in text(client, "/en/")

    make_campaign()

    assert '<h2 id="campaign-title">Summer in the Lot</h2>' in text(client, "/en/")


def test_each_language_and_query_gets_its_own_page(client, cheese):
    _producer, _owner, product = cheese
    category = pages_of(product)["category"]
    english = text(client, category)
    french = text(client, category.replace("/en/", "/fr/"))
    assert "€3.90" in english and "3,90\u00a0€" in french
    assert f'href="/fr/p/{product.slug}/"' in french and "/en/p/" not in french

    assert '<option value="price_asc" selected>' in text(client, category + "?sort=price_asc")
    assert '<option value="price_asc" selected>' not in text(client, category)


def test_each_visitor_sees_their_own_cart_account_messages_and_form(cheese):
    _producer, _owner, product = cheese
    variant = product.variants.get()
    url = f"/en/p/{product.slug}/"
    shopper, other, member = Client(), Client(), Client()
    member.force_login(make_user())

    shopper.post("/en/cart/add/", {"variant": variant.pk, "quantity": 2})
    # A refused quantity: an error message for this visitor on the page they come back to.
    shopper.post("/en/cart/add/", {"variant": variant.pk, "quantity": 50, "next": url})

    mine, theirs, members = text(shopper, url), text(other, url), text(member, url)
    assert '<span class="cart-count">(2' in mine
    assert "cart-count" not in theirs and "cart-count" not in members
    assert '<div class="messages" role="status">' in mine
    assert '<div class="messages"' not in theirs
    assert "Sign in</a>" in theirs and "My orders</a>" in members and "My orders" not in theirs
    tokens = [
        page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        for page in (mine, theirs, members)
    ]
    assert len(set(tokens)) == 3


def test_a_page_with_other_parameters_is_made_for_its_visitor_alone(
    client, cheese, django_assert_num_queries
):
    _producer, _owner, product = cheese
    category = pages_of(product)["category"]
    text(client, category)
    # the catalogue's version, signs offered, producers offered, count, products, variants,
    # images, claims (the categories are kept)
    for _ in range(2):
        with django_assert_num_queries(8):
            assert "€3.90" in card_of(product, text(client, category + "?utm_source=poster"))


def test_the_header_counts_the_cart_the_page_read(client, cheese, django_assert_num_queries):
    _producer, _owner, product = cheese
    client.post("/en/cart/add/", {"variant": product.variants.get().pk, "quantity": 2})
    text(client, "/en/cart/")
    # session, checkout with its addresses, lines with their products, producers and whether
    # they are for sale, deliveries chosen, shipping rates, the catalogue's version; the
    # header's count comes from the lines read
    with django_assert_num_queries(6):
        assert '<span class="cart-count">(2' in text(client, "/en/cart/")


def test_the_details_form_is_empty_for_a_new_visitor_and_filled_for_one_who_came_back(cheese):
    _producer, _owner, product = cheese
    variant = product.variants.get()
    back, new = Client(), Client()
    for visitor in (back, new):
        visitor.post("/en/cart/add/", {"variant": variant.pk, "quantity": 1})
    empty = text(new, "/en/checkout/details/")
    address = {
        "email": "emma@example.org",
        "shipping_first_name": "Emma",
        "shipping_last_name": "Clarke",
        "shipping_street_address_1": "3 Mill Lane",
        "shipping_postal_code": "46000",
        "shipping_city": "Cahors",
        "shipping_country": "FR",
        "billing_same": "on",
    }
    assert back.post("/en/checkout/details/", address).status_code == 302

    filled, again = text(back, "/en/checkout/details/"), text(new, "/en/checkout/details/")
    assert 'value="emma@example.org"' in filled and 'value="3 Mill Lane"' in filled
    assert "emma@example.org" not in again and "Mill Lane" not in again

    def fields(page: str) -> str:
        return page[page.index("<fieldset>") : page.index('<button type="submit">')]

    assert fields(again) == fields(empty)


def test_a_visitor_with_a_cart_shops_on_while_the_cache_is_down(client, cheese):
    """Redis down: pages are made for each visitor, and the session (in the database) holds."""
    _producer, _owner, product = cheese
    client.post("/en/cart/add/", {"variant": product.variants.get().pk, "quantity": 2})
    with cache_unreachable():
        for url in (f"/en/p/{product.slug}/", "/en/cart/", "/en/checkout/details/"):
            assert '<span class="cart-count">(2' in text(client, url)
