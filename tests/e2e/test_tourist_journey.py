"""An English-speaking tourist, back home, orders the Rocamadour met in the summer."""

import re

import pytest
from django.core import mail

from shop.demo.loader import demo_load
from shop.orders.models import Order, PaymentStatus


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_english_tourist_searches_buys_and_is_confirmed(live_server, browser, output_dir):
    demo_load()
    page = browser.new_page(locale="en-GB", viewport={"width": 412, "height": 915})
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/en/"
    page.get_by_role("searchbox").fill("rocamadour")
    page.get_by_role("searchbox").press("Enter")
    page.get_by_role("main").get_by_role("link", name=re.compile("Rocamadour", re.I)).first.click()
    assert page.get_by_role("heading", level=1).inner_text().lower().startswith("rocamadour")
    page.screenshot(path=output_dir / "product.png", full_page=True)

    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Add to cart").click()
    assert page.get_by_text("is in your cart").is_visible()
    page.get_by_role("link", name="Check out").click()

    page.get_by_label("Email").fill("emma.clarke@example.co.uk")
    for field, value in {
        "first_name": "Emma",
        "last_name": "Clarke",
        "street_address_1": "Lieu-dit Les Landes",
        "postal_code": "46500",
        "city": "Rocamadour",
    }.items():
        page.locator(f"#id_shipping_{field}").fill(value)
    page.locator("#id_shipping_country").select_option("FR")
    page.get_by_role("button", name="Continue to delivery").click()

    # The farm also offers pickup; from home, the tourist has it sent chilled.
    assert page.get_by_label(re.compile("Pickup at the producer")).is_visible()
    page.get_by_label(re.compile("Chilled express")).check()
    assert page.get_by_text("not covered by the 14-day right of withdrawal").is_visible()
    page.get_by_role("button", name="Place order").click()

    assert page.get_by_text("Test payment").first.is_visible()
    page.get_by_role("button", name=re.compile(r"^Pay ")).click()

    order = Order.objects.get()
    confirmation = page.get_by_role("heading", level=1).inner_text()
    assert confirmation == f"Thank you! Your order {order.number} is confirmed."
    page.screenshot(path=output_dir / "confirmation.png", full_page=True)

    assert order.payment_status == PaymentStatus.PAID
    assert [line.quantity for line in order.lines.all()] == [2]
    assert [group.delivery_method for group in order.groups.all()] == ["chilled"]
    assert [message.to for message in mail.outbox] == [["emma.clarke@example.co.uk"]]
    assert order.number in mail.outbox[0].subject
    assert f"/en/orders/{order.token}/" in mail.outbox[0].body
