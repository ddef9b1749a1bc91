"""The brand on the storefront: theme tokens and logo, the campaign banner, the brand mark apart
from the official signs, the listing filter "approved"."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from branding.models import CampaignVisit
from branding.theme import COLOURS
from catalogue.models import ClaimStatus, QualitySign
from catalogue.selectors import products_filter, products_for_sale
from tests.factories import (
    make_campaign,
    make_category,
    make_claim,
    make_product,
    make_user,
    make_variant,
)
from tests.shop.pictures import add_image

pytestmark = pytest.mark.django_db


def test_every_page_carries_the_theme_tokens_and_the_logo(client):
    page = client.get("/en/").content.decode()
    assert f"--lot-blue: {COLOURS['lot-blue']};" in page
    assert f"--accent: {COLOURS['accent']};" in page
    assert '<svg class="logo" role="img" aria-label="Oh my Lot ! home page"' in page
    assert '<a href="/en/marque/newsletter/">News from the Lot</a>' in page


def test_the_home_page_shows_the_running_campaign_with_its_featured_products(client):
    campaign = make_campaign(
        text="Des marchés aux caves",
        translations={"en": {"headline": "Summer in the Lot", "text": "From markets to cellars"}},
    )
    featured = make_product(name="Rocamadour", translations={"en": {"name": "Rocamadour cheese"}})
    make_variant(product=featured)
    campaign.featured_products.add(featured)
    make_campaign(
        tag="printemps-passe",
        headline="Printemps",
        translations={"en": {"headline": "Spring"}},
        starts_on=date.today() - timedelta(days=90),
        ends_on=date.today() - timedelta(days=10),
    )
    page = client.get("/en/").content.decode()
    assert '<h2 id="campaign-title">Summer in the Lot</h2>' in page
    assert "<p>From markets to cellars</p>" in page
    banner = page.split('class="campaign-banner"')[1].split("</section>")[0]
    assert "Rocamadour cheese" in banner
    assert "Spring" not in page


def test_no_banner_when_no_campaign_runs(client):
    make_campaign(
        starts_on=date.today() + timedelta(days=1), ends_on=date.today() + timedelta(days=9)
    )
    assert "campaign-banner" not in client.get("/en/").content.decode()


def test_the_admin_previews_the_banner_of_any_day(client):
    make_campaign(
        headline="La rentrée",
        translations={"en": {"headline": "Back to school"}},
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 10, 15),
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get("/admin/branding/campaign/preview/?on=2026-09-20").content.decode()
    assert "La rentrée" in page
    page = client.get(
        "/admin/branding/campaign/preview/?on=2026-11-20", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "No campaign runs on this day" in page
    assert client.get("/admin/branding/campaign/preview/?on=garbage").status_code == 200


def test_only_the_brand_team_sees_the_campaign_report(client):
    client.force_login(make_user())
    assert client.get("/admin/branding/campaign/report/").status_code == 302
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get("/admin/branding/campaign/report/", HTTP_ACCEPT_LANGUAGE="en")
    page = page.content.decode()
    assert "Per campaign and producer" in page


def test_the_product_page_shows_the_brand_mark_apart_from_the_official_signs(client):
    product = make_product(name="Rocamadour", brand_approved_at=timezone.now())
    make_variant(product=product)
    make_claim(product=product, status=ClaimStatus.APPROVED)
    page = client.get(f"/en/p/{product.slug}/").content.decode()
    signs = page.split('<ul class="signs"')[1].split("</ul>")[0]
    assert "<li>PDO</li>" in signs and "brand-mark" not in signs
    assert '<div class="brand-approval"><svg class="brand-mark" role="img"' in page
    assert "not an official quality sign" in page
    assert '<svg class="sign-badge" role="img" aria-label="PDO"' in page


def test_a_product_without_the_approval_shows_no_brand_mark(client):
    product = make_product(name="Rocamadour")
    make_variant(product=product)
    assert "brand-mark" not in client.get(f"/en/p/{product.slug}/").content.decode()


def test_the_listing_filters_the_approved_products(client):
    category = make_category(slug="fromages")
    approved = make_product(category=category, name="Approuvé", brand_approved_at=timezone.now())
    plain = make_product(category=category, name="Pas encore")
    for product in (approved, plain):
        make_variant(product=product)
    page = client.get("/en/c/fromages/?approved=on").content.decode()
    assert 'name="approved" id="id_approved" checked' in page
    assert "Approuvé" in page and "Pas encore" not in page
    assert "Pas encore" in client.get("/en/c/fromages/").content.decode()
    assert list(products_filter(products=products_for_sale(), approved=True)) == [approved]


def test_the_approved_filter_is_not_one_of_the_quality_signs(client):
    category = make_category(slug="vins")
    product = make_product(category=category, brand_approved_at=timezone.now())
    make_variant(product=product)
    make_claim(product=product, status=ClaimStatus.APPROVED)
    page = client.get("/en/c/vins/").content.decode()
    signs = page.split("<legend>Quality sign</legend>")[1].split("</fieldset>")[0]
    assert "Oh my Lot" not in signs
    assert QualitySign.objects.filter(name__icontains="Oh my Lot").count() == 0


def test_the_home_page_with_a_campaign_takes_a_fixed_number_of_queries(
    client, django_assert_num_queries
):
    campaign = make_campaign()
    for index in range(4):
        product = make_product(name=f"Produit {index}")
        make_variant(product=product)
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"produit-{index}")
        campaign.featured_products.add(product)
    # the catalogue's version, categories, products, merchandise, campaign, featured products,
    # variants, images, thumbnails, claims, producers
    with django_assert_num_queries(11):
        assert client.get("/en/").status_code == 200


def test_a_tag_on_a_form_post_or_too_long_counts_nothing(client):
    make_campaign(tag="ete")
    client.post("/en/marque/newsletter/?c=ete", {"email": "x@example.org"})
    client.get(f"/en/?c={'e' * 41}")
    assert CampaignVisit.objects.count() == 0
