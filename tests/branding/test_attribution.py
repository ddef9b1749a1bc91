"""Campaign tags: a visit is counted once, and the order it places counts for the campaign."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from branding.models import CampaignVisit, MarketingConsent, OrderAttribution
from branding.selectors import campaign_report
from shop.orders.models import Order
from tests.factories import make_campaign, make_producer, make_product, make_seller, make_variant

pytestmark = pytest.mark.django_db

ADDRESS = {
    "email": "Emma@Example.org",
    "shipping_first_name": "Emma",
    "shipping_last_name": "Clarke",
    "shipping_street_address_1": "3 Mill Lane",
    "shipping_postal_code": "46000",
    "shipping_city": "Cahors",
    "shipping_country": "FR",
    "billing_same": "on",
}


def cheese_of_farm():
    seller = make_seller(slug="ferme-du-causse", name="Ferme du Causse", is_selling=True)
    producer = make_producer(seller=seller)
    variant = make_variant(product=make_product(seller=seller), price=Decimal("3.90"))
    return producer, variant


def buy(client, variant, quantity=2, **review_fields):
    client.post("/en/cart/add/", {"variant": variant.pk, "quantity": quantity})
    client.post("/en/checkout/details/", ADDRESS)
    fields = {f"delivery-{variant.product.seller_id}": "standard", **review_fields}
    response = client.post("/en/checkout/review/", fields)
    order = Order.objects.get()
    assert response["Location"] == f"/en/checkout/pay/{order.token}/"
    return order


def test_a_visit_through_a_tag_is_counted_once_and_its_order_is_attributed(client):
    producer, variant = cheese_of_farm()
    campaign = make_campaign(tag="ete-2026")
    client.get("/en/producers/ferme-du-causse/?c=ete-2026")
    client.get("/en/?c=ete-2026")
    order = buy(client, variant)
    visit = CampaignVisit.objects.get()
    assert (visit.campaign, visit.producer, visit.landing_path) == (
        campaign,
        producer,
        "/en/producers/ferme-du-causse/",
    )
    attribution = OrderAttribution.objects.get()
    assert (attribution.order, attribution.campaign, attribution.visit_id) == (
        order,
        campaign,
        visit.visit_id,
    )


def test_the_report_counts_paid_orders_and_revenue_per_campaign_and_producer(client):
    _, variant = cheese_of_farm()
    campaign = make_campaign(name="Été 2026", tag="ete-2026")
    quiet = make_campaign(name="Printemps", tag="printemps")
    client.get("/en/?c=ete-2026")
    order = buy(client, variant, quantity=3)
    before_payment = campaign_report()
    client.post(f"/en/checkout/pay/{order.token}/submit/", {"outcome": "approve"})
    per_campaign, per_seller = campaign_report()
    figures = {row.campaign: (row.visits, row.orders, row.revenue) for row in per_campaign}
    assert figures == {campaign: (1, 1, Decimal("11.70")), quiet: (0, 0, Decimal("0.00"))}
    assert [
        (row.campaign_name, row.seller_name, row.orders, row.revenue) for row in per_seller
    ] == [("Été 2026", "Ferme du Causse", 1, Decimal("11.70"))]
    assert before_payment[1] == []


def test_the_last_tag_of_the_visit_decides_the_campaign(client):
    _, variant = cheese_of_farm()
    make_campaign(tag="ete-2026")
    later = make_campaign(tag="rentree-2026")
    client.get("/en/?c=ete-2026")
    client.get("/en/?c=rentree-2026")
    buy(client, variant)
    assert OrderAttribution.objects.get().campaign == later
    assert CampaignVisit.objects.count() == 2


def test_an_order_without_a_tag_or_with_an_unknown_one_is_not_attributed(client):
    _, variant = cheese_of_farm()
    make_campaign(tag="ete-2026")
    client.get("/en/?c=no-such-tag")
    buy(client, variant)
    assert OrderAttribution.objects.count() == 0
    assert CampaignVisit.objects.count() == 0


@pytest.mark.parametrize("header", [{"HTTP_SEC_GPC": "1"}, {"HTTP_DNT": "1"}])
def test_a_visitor_who_opts_out_is_counted_but_not_remembered(client, header, settings):
    _, variant = cheese_of_farm()
    make_campaign(tag="ete-2026")

    response = client.get("/en/producers/ferme-du-causse/?c=ete-2026", **header)

    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert CampaignVisit.objects.count() == 1
    buy(client, variant)
    assert OrderAttribution.objects.count() == 0


def test_a_campaign_not_started_yet_counts_nothing(client):
    make_campaign(tag="noel", starts_on=date.today() + timedelta(days=3))
    client.get("/en/?c=noel")
    assert CampaignVisit.objects.count() == 0


def test_the_consent_box_starts_unticked_and_an_unticked_box_records_no_consent(client):
    _, variant = cheese_of_farm()
    client.post("/en/cart/add/", {"variant": variant.pk, "quantity": 1})
    client.post("/en/checkout/details/", ADDRESS)
    page = client.get("/en/checkout/review/").content.decode()
    assert '<input type="checkbox" id="marketing_consent" name="marketing_consent">' in page
    buy(client, variant)
    assert MarketingConsent.objects.count() == 0


def test_a_ticked_box_records_the_consent_with_the_scanned_producer(client):
    producer, variant = cheese_of_farm()
    make_campaign(tag="ete-2026")
    client.get("/en/producers/ferme-du-causse/?c=ete-2026")
    buy(client, variant, marketing_consent="on")
    consent = MarketingConsent.objects.get()
    assert (consent.email, consent.source, consent.language_code) == (
        "emma@example.org",
        "checkout",
        "en",
    )
    assert [visit.producer for visit in consent.visits.all()] == [producer]
