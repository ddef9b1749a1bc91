"""Stall posters: the QR code read back from the rendered picture, the paper sizes, who may
download them."""

import io
import re
from datetime import date, timedelta

import pytest
import zxingcpp
from PIL import Image

from branding.selectors import poster_links, poster_viewer_allowed
from catalogue.models import ReviewStatus
from tests.factories import make_campaign, make_member, make_producer, make_seller, make_user

pytestmark = pytest.mark.django_db


def approved_producer(slug: str = "ferme-du-causse"):
    seller = make_seller(slug=slug, name="Ferme du Causse", is_selling=True)
    return make_producer(seller=seller, status=ReviewStatus.APPROVED, town="Gramat")


def decoded(content: bytes) -> list[str]:
    with Image.open(io.BytesIO(content)) as picture:
        return [result.text for result in zxingcpp.read_barcodes(picture.convert("L"))]


@pytest.mark.parametrize(("size", "pixels"), [("a5", (874, 1240)), ("a4", (1240, 1754))])
def test_the_png_poster_is_its_paper_size_and_its_qr_opens_the_page_with_the_tag(
    client, settings, size, pixels
):
    settings.PUBLIC_URL = "https://boutique.ohmylot.fr"
    producer = approved_producer()
    campaign = make_campaign(tag="ete-2026")
    client.force_login(make_member(producer=producer))
    response = client.get(f"/fr/marque/posters/ferme-du-causse/ete-2026/{size}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == pixels
    assert decoded(response.content) == [
        "https://boutique.ohmylot.fr/producers/ferme-du-causse/?c=ete-2026"
    ]
    assert campaign.visits.count() == 0


@pytest.mark.parametrize(
    ("size", "points"), [("a5", ("419.52", "595.2")), ("a4", ("595.2", "841.92"))]
)
def test_the_pdf_poster_is_one_page_of_its_paper_size(client, size, points):
    producer = approved_producer()
    make_campaign(tag="ete-2026")
    client.force_login(make_member(producer=producer))
    response = client.get(f"/fr/marque/posters/ferme-du-causse/ete-2026/{size}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    media_box = re.search(rb"/MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\]", response.content)
    assert (media_box.group(1).decode(), media_box.group(2).decode()) == points
    assert response.content.count(b"/Type /Page\n") + response.content.count(b"/Type /Page ") == 1


def test_the_qr_link_lands_in_the_visitors_language_with_the_tag_kept(client):
    approved_producer()
    campaign = make_campaign(tag="ete-2026")
    response = client.get("/producers/ferme-du-causse/?c=ete-2026", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/producers/ferme-du-causse/?c=ete-2026"
    assert client.get(response["Location"]).status_code == 200
    visit = campaign.visits.get()
    assert (visit.landing_path, visit.producer.seller.slug) == (
        "/en/producers/ferme-du-causse/",
        "ferme-du-causse",
    )


def test_the_brand_team_may_download_any_approved_producers_poster(client):
    approved_producer()
    make_campaign(tag="ete-2026")
    client.force_login(make_user(is_staff=True))
    assert client.get("/en/marque/posters/ferme-du-causse/ete-2026/a5.png").status_code == 200


def test_another_producers_member_is_refused(client):
    producer = approved_producer()
    other = make_producer(status=ReviewStatus.APPROVED)
    make_campaign(tag="ete-2026")
    stranger = make_member(producer=other)
    client.force_login(stranger)
    assert client.get("/en/marque/posters/ferme-du-causse/ete-2026/a5.png").status_code == 403
    assert client.get("/en/marque/posters/ferme-du-causse/").status_code == 403
    assert poster_viewer_allowed(user=stranger, producer=producer) is False


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    approved_producer()
    make_campaign(tag="ete-2026")
    response = client.get("/en/marque/posters/ferme-du-causse/ete-2026/a5.png")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")


def test_no_poster_for_a_producer_not_approved_an_unknown_campaign_or_format(client):
    seller = make_seller(slug="ferme-en-attente", is_selling=False)
    waiting = make_producer(seller=seller, status=ReviewStatus.SUBMITTED)
    producer = approved_producer()
    make_campaign(tag="ete-2026")
    client.force_login(make_user(is_staff=True))
    assert client.get("/en/marque/posters/ferme-en-attente/ete-2026/a5.png").status_code == 404
    assert client.get("/en/marque/posters/ferme-du-causse/noel/a5.png").status_code == 404
    assert client.get("/en/marque/posters/ferme-du-causse/ete-2026/a3.png").status_code == 404
    assert client.get("/en/marque/posters/ferme-du-causse/ete-2026/a5.gif").status_code == 404
    assert waiting.pk != producer.pk


def test_the_posters_page_lists_every_download_of_running_and_coming_campaigns(client):
    producer = approved_producer()
    today = date.today()
    make_campaign(tag="ete", starts_on=today - timedelta(days=3))
    make_campaign(
        tag="rentree", starts_on=today + timedelta(days=40), ends_on=today + timedelta(days=80)
    )
    make_campaign(
        tag="printemps-passe",
        starts_on=today - timedelta(days=90),
        ends_on=today - timedelta(days=1),
    )
    client.force_login(make_member(producer=producer))
    page = client.get("/en/marque/posters/ferme-du-causse/").content.decode()
    assert "Stall posters of Ferme du Causse" in page
    assert [link.url for link in poster_links(producer=producer)][:4] == [
        "/en/marque/posters/ferme-du-causse/ete/a5.pdf",
        "/en/marque/posters/ferme-du-causse/ete/a5.png",
        "/en/marque/posters/ferme-du-causse/ete/a4.pdf",
        "/en/marque/posters/ferme-du-causse/ete/a4.png",
    ]
    assert len(poster_links(producer=producer)) == 8
    assert "/en/marque/posters/ferme-du-causse/rentree/a4.png" in page
    assert "printemps-passe" not in page
