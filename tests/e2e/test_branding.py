"""The brand in Chromium: the summer campaign on the home page, and a farm's stall poster."""

import io
import re

import pytest
import zxingcpp
from django.conf import settings
from PIL import Image

from shop.demo.data import DEMO_PASSWORD
from shop.demo.loader import demo_load


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_summer_campaign_greets_visitors_and_a_farm_prints_its_poster(
    live_server, browser, output_dir
):
    demo_load()
    page = browser.new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/en/")
    banner = page.locator(".campaign-banner")
    assert banner.get_by_role("heading", level=2).inner_text() == "Summer in the Lot, to take home"
    assert banner.get_by_role("img", name=re.compile("summer sun")).is_visible()
    assert banner.get_by_role("link", name=re.compile("Rocamadour")).count() == 1
    page.screenshot(path=output_dir / "home-summer-campaign.png", full_page=True)

    page.goto(f"{live_server.url}/en/marque/posters/chevrerie-du-causse/")
    page.get_by_label("Email").fill("ferme@demo.ohmylot.fr")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Stall posters of")

    response = page.goto(f"{live_server.url}/en/marque/posters/chevrerie-du-causse/ete/a5.png")
    assert response.status == 200
    poster = response.body()
    (output_dir / "poster-a5.png").write_bytes(poster)
    page.screenshot(path=output_dir / "poster-in-browser.png", full_page=True)
    with Image.open(io.BytesIO(poster)) as picture:
        texts = [result.text for result in zxingcpp.read_barcodes(picture.convert("L"))]
    assert texts == [f"{settings.PUBLIC_URL}/producers/chevrerie-du-causse/?c=ete"]
