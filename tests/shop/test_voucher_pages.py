"""The promo code on the shop's pages: the cart's form, the summary, the order and its email."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from shop.checkout.models import Checkout
from shop.discounts.models import VoucherKind
from shop.orders.models import Order
from tests.factories import make_product, make_user, make_variant, make_voucher
from tests.shop.test_checkout_pages import ADDRESS, page

pytestmark = pytest.mark.django_db


def cheese_in_cart(client, quantity: int = 2, language: str = "en"):
    cheese = make_variant(
        product=make_product(name="Rocamadour", translations={"en": {"name": "Rocamadour cheese"}}),
        price=Decimal("3.90"),
    )
    client.post(f"/{language}/cart/add/", {"variant": cheese.pk, "quantity": quantity})
    return cheese


def field_errors(html: str) -> list[str]:
    """The errors Django renders next to the promo code's field (its error list)."""
    match = re.search(r'<ul class="errorlist" id="id_code_error">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1)) if match else []


def test_the_cart_offers_a_labelled_promo_code_field_in_french_by_default(client):
    cheese_in_cart(client, language="fr")

    html = page(client.get("/fr/cart/"))

    assert '<html lang="fr"' in html
    assert '<label for="id_code">' in html
    assert 'name="code"' in html and 'autocomplete="off"' in html
    assert 'action="/fr/cart/promo/"' in html


def test_a_shopper_applies_a_code_and_sees_the_discount(client):
    cheese_in_cart(client)
    make_voucher(code="ETE", value=10, translations={"en": {"name": "Summer welcome"}})

    response = client.post("/en/cart/promo/", {"code": "ete"}, follow=True)

    html = page(response)
    assert "The promo code ETE is applied." in html
    assert "Code ETE — Summer welcome" in html
    assert "Discount: <strong>\u2212€0.78</strong>" in html
    assert "Products after the discount: <strong>€7.02</strong>" in html
    assert "Remove the promo code" in html
    assert 'name="code"' not in html  # one code per cart


def test_a_refused_code_is_explained_next_to_its_field(client):
    cheese_in_cart(client)
    make_voucher(code="TRENTE", minimum_subtotal=3000)

    unknown = client.post("/en/cart/promo/", {"code": "nope"})
    too_small = client.post("/en/cart/promo/", {"code": "trente"})
    empty = client.post("/en/cart/promo/", {"code": "  "})

    assert unknown.status_code == too_small.status_code == empty.status_code == 400
    assert field_errors(page(unknown)) == ["The promo code NOPE does not exist."]
    assert field_errors(page(too_small)) == [
        "The promo code TRENTE applies from 30.00 € of products."
    ]
    assert field_errors(page(empty)) == ["This field is required."]
    assert 'aria-describedby="id_code_error"' in page(unknown)
    assert 'aria-invalid="true"' in page(unknown)
    assert Checkout.objects.get().voucher is None


def test_a_missing_code_is_refused_in_french_by_default(client):
    cheese_in_cart(client, language="fr")

    response = client.post("/fr/cart/promo/", {"code": ""})

    assert response.status_code == 400
    assert field_errors(page(response)) == ["Ce champ est obligatoire."]


def test_removing_the_code_brings_the_form_back(client):
    cheese_in_cart(client)
    make_voucher(code="ETE")
    client.post("/en/cart/promo/", {"code": "ete"})

    html = page(client.post("/en/cart/promo/remove/", follow=True))

    assert "The promo code is removed." in html
    assert 'name="code"' in html
    assert "Discount" not in html
    assert Checkout.objects.get().voucher is None


def test_the_order_summary_page_and_email_show_the_code(client, django_capture_on_commit_callbacks):
    cheese = cheese_in_cart(client, quantity=3)
    make_voucher(
        code="BIENVENUE",
        kind=VoucherKind.FIXED,
        value=500,
        translations={"en": {"name": "Summer welcome"}},
    )
    client.post("/en/cart/promo/", {"code": "bienvenue"})
    client.post("/en/checkout/details/", ADDRESS)

    review = page(client.get("/en/checkout/review/"))
    response = client.post(
        "/en/checkout/review/", {f"delivery-{cheese.product.seller_id}": "standard"}
    )
    order = Order.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        confirmation = page(
            client.post(
                f"/en/checkout/pay/{order.token}/submit/", {"outcome": "approve"}, follow=True
            )
        )

    assert response["Location"] == f"/en/checkout/pay/{order.token}/"
    row = "Promo code BIENVENUE (Summer welcome)</th><td>\u2212€5.00</td>"
    assert row in review
    assert "Total incl. VAT</th><td>€6.70</td>" in review  # 11.70 - 5.00, no delivery chosen yet
    assert row in confirmation
    assert "Total incl. VAT</th><td>€13.60</td>" in confirmation  # 11.70 + 6.90 - 5.00
    assert "including VAT at 5.5 %</th><td>€0.71</td>" in confirmation
    [email] = mail.outbox
    assert (
        "Promo code BIENVENUE (Summer welcome): \u2212€5.00\nTotal incl. VAT: €13.60" in email.body
    )
    assert "Promo code BIENVENUE (Summer welcome): \u2212€5.00" in email.alternatives[0][0]


def test_a_code_that_stopped_applying_stops_the_order_with_its_reason(client):
    cheese_in_cart(client, quantity=3)
    make_voucher(code="DOUZE", minimum_subtotal=1000)
    client.post("/en/cart/promo/", {"code": "douze"})
    client.post("/en/checkout/details/", ADDRESS)
    Checkout.objects.get().lines.update(quantity=2)

    review = client.get("/en/checkout/review/")
    placed = client.post("/en/checkout/review/", {"action": "place"})

    message = "The promo code DOUZE applies from 10.00 € of products."
    assert message in page(review)
    assert 'Remove or change the promo code in <a href="/en/cart/">your cart</a>.' in page(review)
    assert placed.status_code == 400
    assert message in page(placed)
    assert not Order.objects.exists()


def test_a_guest_s_code_follows_the_cart_into_the_account(client):
    cheese_in_cart(client)
    voucher = make_voucher(code="ETE")
    client.post("/en/cart/promo/", {"code": "ete"})
    user = make_user(password="a-long-test-password")

    client.post("/en/account/login/", {"username": user.email, "password": "a-long-test-password"})

    assert Checkout.objects.get(user=user).voucher == voucher
