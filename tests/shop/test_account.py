from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import User
from shop.accounts.services import user_register
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout, CheckoutLine
from shop.checkout.services import checkout_create, checkout_line_add
from shop.orders.models import Order
from shop.storefront.session import CHECKOUT_SESSION_KEY
from tests.factories import make_ready_checkout, make_user, make_variant

pytestmark = pytest.mark.django_db

PASSWORD = "walnut-harvest-1987"
SIGNUP = {
    "email": "Emma.Clarke@Example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "first_name": "Emma",
    "last_name": "Clarke",
}


def page(response) -> str:
    return response.content.decode()


def signed_in_user_id(client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


def guest_cart(client, *variants_and_quantities) -> Checkout:
    """A guest cart in the client's session, as the cart pages leave it."""
    checkout = checkout_create()
    for variant, quantity in variants_and_quantities:
        checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=quantity)
    session = client.session
    session[CHECKOUT_SESSION_KEY] = str(checkout.token)
    session.save()
    return checkout


def place_order(user: User | None, email: str = "emma@example.org") -> Order:
    checkout = make_ready_checkout((make_variant(price=Decimal("3.90")), 2), email=email)
    return checkout_complete(checkout=checkout, user=user)


# Sign-up: the service


def test_user_register_stores_the_email_in_lower_case_and_a_usable_password():
    user = user_register(
        email=" Emma.Clarke@Example.ORG ", password=PASSWORD, first_name="Emma", language_code="en"
    )
    user.refresh_from_db()
    assert user.email == "emma.clarke@example.org"
    assert user.first_name == "Emma"
    assert user.last_name == ""
    assert user.language_code == "en"
    assert user.check_password(PASSWORD) is True
    assert user.is_staff is False


def test_user_register_refuses_an_email_taken_in_another_case_and_saves_nothing():
    make_user(email="emma@example.org")
    with pytest.raises(ValidationError) as error:
        user_register(email="EMMA@example.org", password=PASSWORD)
    assert error.value.error_dict["email"][0].code == AccountErrorCode.UNIQUE.value
    assert User.objects.count() == 1


def test_user_register_names_the_weak_password_errors_with_saleor_codes():
    with pytest.raises(ValidationError) as error:
        user_register(email="emma@example.org", password="12345678")
    codes = [item.code for item in error.value.error_dict["password"]]
    assert codes == ["PASSWORD_TOO_COMMON", "PASSWORD_ENTIRELY_NUMERIC"]
    assert User.objects.count() == 0


def test_user_register_refuses_an_unknown_language():
    with pytest.raises(ValidationError) as error:
        user_register(email="emma@example.org", password=PASSWORD, language_code="xx")
    assert error.value.error_dict["language_code"][0].code == AccountErrorCode.INVALID.value
    assert User.objects.count() == 0


# Sign-up: the page


def test_the_signup_page_labels_its_fields_with_autocomplete_hints(client):
    html = page(client.get("/en/account/signup/"))
    assert "<h1>Create an account</h1>" in html
    assert '<label for="id_email">Email:</label>' in html
    assert 'autocomplete="email"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert 'autocomplete="given-name"' in html
    assert 'autocomplete="family-name"' in html


def test_signing_up_creates_the_account_signs_in_and_redirects_home(client):
    response = client.post("/en/account/signup/", SIGNUP)
    user = User.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert user.email == "emma.clarke@example.org"
    assert user.language_code == "en"
    assert signed_in_user_id(client) == user.pk
    assert "Welcome! Your account is ready and you are signed in." in page(client.get("/en/"))


def test_signing_up_follows_a_safe_next_and_ignores_an_unsafe_one(client):
    response = client.post("/en/account/signup/?next=/en/cart/", SIGNUP)
    assert response["Location"] == "/en/cart/"
    client.logout()
    data = {**SIGNUP, "email": "other@example.org", "next": "https://evil.example.com/"}
    response = client.post("/en/account/signup/", data)
    assert response["Location"] == "/en/"


def test_signing_up_with_a_taken_email_in_another_case_shows_the_error_and_creates_nothing(
    client,
):
    make_user(email="emma.clarke@example.org")
    response = client.post("/en/account/signup/", SIGNUP)
    html = page(response)
    assert response.status_code == 400
    message = "An account already uses this email address. Sign in, or reset your password."
    assert html.count(message) == 2  # in the summary and next to the field
    assert '<a href="#id_email">Email: ' + message + "</a>" in html
    assert '<ul class="errorlist" id="id_email_error">' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Error: Create an account — Oh my Lot !</title>" in html
    assert User.objects.count() == 1
    assert signed_in_user_id(client) is None


def test_signing_up_with_a_weak_password_is_refused(client):
    data = {**SIGNUP, "password1": "12345678", "password2": "12345678"}
    response = client.post("/en/account/signup/", data)
    html = page(response)
    assert response.status_code == 400
    assert "This password is too common." in html
    assert "This password is entirely numeric." in html
    assert User.objects.count() == 0


def test_signing_up_with_two_different_passwords_is_refused(client):
    response = client.post("/en/account/signup/", {**SIGNUP, "password2": "another-password-2"})
    assert response.status_code == 400
    assert "The two passwords differ. Type the same one twice." in page(response)
    assert User.objects.count() == 0


def test_signing_up_adopts_the_guest_cart(client):
    cheese = make_variant(stock_quantity=10)
    guest = guest_cart(client, (cheese, 2))
    client.post("/en/account/signup/", SIGNUP)
    user = User.objects.get()
    checkout = Checkout.objects.get(user=user)
    assert [(line.variant_id, line.quantity) for line in checkout.lines.all()] == [(cheese.pk, 2)]
    assert Checkout.objects.filter(pk=guest.pk).exists() is False
    assert CHECKOUT_SESSION_KEY not in client.session


def test_the_signup_page_is_in_french_on_the_french_shop(client):
    html = page(client.get("/fr/account/signup/"))
    assert "<h1>Créer un compte</h1>" in html
    assert "Mot de passe" in html


# Sign-in and sign-out


def test_the_login_page_asks_for_an_email_and_the_current_password(client):
    html = page(client.get("/en/account/login/"))
    assert "<h1>Sign in</h1>" in html
    assert 'type="email" name="username"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in html
    assert 'href="/en/account/password/reset/"' in html
    assert 'href="/en/account/signup/"' in html


def test_signing_in_with_the_right_password_whatever_the_email_case(client):
    user = make_user(email="emma@example.org", password=PASSWORD)
    response = client.post(
        "/en/account/login/", {"username": "Emma@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert signed_in_user_id(client) == user.pk


def test_signing_in_with_a_wrong_password_is_refused_with_a_message(client):
    make_user(email="emma@example.org", password=PASSWORD)
    response = client.post(
        "/en/account/login/", {"username": "emma@example.org", "password": "wrong-password"}
    )
    assert response.status_code == 400
    assert (
        "This email and password do not match an account. Check them, or reset your password."
        in page(response)
    )
    assert signed_in_user_id(client) is None


def test_signing_in_follows_a_safe_next(client):
    make_user(email="emma@example.org", password=PASSWORD)
    response = client.post(
        "/en/account/login/?next=/en/account/orders/",
        {"username": "emma@example.org", "password": PASSWORD},
    )
    assert response["Location"] == "/en/account/orders/"


def test_signing_in_ignores_an_unsafe_next(client):
    make_user(email="emma@example.org", password=PASSWORD)
    for target in ("https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"):
        client.logout()
        response = client.post(
            "/en/account/login/",
            {"username": "emma@example.org", "password": PASSWORD, "next": target},
        )
        assert response.status_code == 302
        assert response["Location"] == "/en/"


def test_the_login_page_does_not_echo_an_unsafe_next(client):
    html = page(client.get("/en/account/login/?next=https://evil.example.com/"))
    assert "evil.example.com" not in html


def test_signing_in_merges_the_guest_cart_into_the_accounts_cart(client):
    user = make_user(email="emma@example.org", password=PASSWORD)
    cheese, walnuts, wine = (make_variant(stock_quantity=10) for _ in range(3))
    account_cart = checkout_create(user=user)
    checkout_line_add(checkout=account_cart, variant_id=cheese.pk, quantity=1)
    checkout_line_add(checkout=account_cart, variant_id=wine.pk, quantity=1)
    guest = guest_cart(client, (cheese, 2), (walnuts, 3))

    client.post("/en/account/login/", {"username": "emma@example.org", "password": PASSWORD})

    lines = CheckoutLine.objects.filter(checkout=account_cart).order_by("variant_id")
    assert [(line.variant_id, line.quantity) for line in lines] == [
        (cheese.pk, 3),
        (walnuts.pk, 3),
        (wine.pk, 1),
    ]
    assert Checkout.objects.filter(pk=guest.pk).exists() is False
    assert Checkout.objects.filter(user=user).count() == 1
    assert CHECKOUT_SESSION_KEY not in client.session
    assert "(7<span" in page(client.get("/en/"))


def test_the_header_offers_sign_in_to_visitors_and_orders_and_sign_out_to_shoppers(client):
    html = page(client.get("/en/"))
    assert '<a href="/en/account/login/">Sign in</a>' in html
    assert "Sign out" not in html
    client.force_login(make_user())
    html = page(client.get("/en/"))
    assert '<a href="/en/account/orders/">My orders</a>' in html
    assert '<form method="post" action="/en/account/logout/">' in html
    assert ">Sign out</button>" in html
    assert ">Sign in</a>" not in html


def test_signing_out_by_post_signs_out(client):
    client.force_login(make_user())
    response = client.post("/en/account/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert signed_in_user_id(client) is None
    assert "You are signed out." in page(client.get("/en/"))


def test_signing_out_by_get_is_refused(client):
    user = make_user()
    client.force_login(user)
    response = client.get("/en/account/logout/")
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"
    assert signed_in_user_id(client) == user.pk


# Order history


def test_the_order_history_requires_signing_in(client):
    response = client.get("/en/account/orders/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/account/orders/"
    response = client.get("/fr/account/orders/")
    assert response["Location"] == "/fr/account/login/?next=/fr/account/orders/"


def test_the_order_history_lists_only_the_shoppers_orders_newest_first(client):
    emma, other = make_user(), make_user()
    older, newer = place_order(emma), place_order(emma)
    Order.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))
    someone_elses = place_order(other)
    guests = place_order(None)
    client.force_login(emma)

    html = page(client.get("/en/account/orders/"))

    assert "<h1>My orders</h1>" in html
    assert "2 orders" in html
    assert html.index(newer.number) < html.index(older.number)
    for order in (older, newer):
        assert f'<a href="/en/orders/{order.token}/">Order {order.number}</a>' in html
    assert someone_elses.number not in html
    assert guests.number not in html
    assert html.count("Awaiting payment") == 2
    assert html.count(f"€{newer.total}") == 2
    assert "You have not ordered anything" not in html


def test_the_order_history_in_french_writes_prices_in_french(client):
    emma = make_user()
    order = place_order(emma)
    client.force_login(emma)
    html = page(client.get("/fr/account/orders/"))
    assert "<h1>Mes commandes</h1>" in html
    assert f"Commande {order.number}" in html
    assert order.total == Decimal("14.70")  # 2 x 3.90 + the standard parcel, 6.90
    assert "<dt>Total</dt><dd>14,70\u00a0€</dd>" in html
    assert "<dt>État</dt>" in html


def test_the_order_history_is_paginated_by_twenty(client):
    emma = make_user()
    orders = [place_order(emma) for _ in range(21)]
    client.force_login(emma)
    first = page(client.get("/en/account/orders/"))
    second = page(client.get("/en/account/orders/?page=2"))
    assert "21 orders" in first
    assert "Page 1 of 2" in first
    assert first.count('<li class="order-card">') == 20
    assert second.count('<li class="order-card">') == 1
    assert f"Order {orders[0].number}" in second


def test_the_order_history_has_an_empty_state(client):
    client.force_login(make_user())
    html = page(client.get("/en/account/orders/"))
    assert "You have not ordered anything with this account yet." in html
    assert '<a class="button" href="/en/">Discover the products of the Lot</a>' in html


# Password reset


def test_a_password_reset_emails_a_link_that_sets_a_new_password(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PUBLIC_URL = "https://shop.example.org"
    user = make_user(email="emma@example.org", password=PASSWORD)

    response = client.post("/en/account/password/reset/", {"email": "Emma@Example.org"})

    assert response["Location"] == "/en/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["emma@example.org"]
    assert message.subject == "Choose a new password for Oh my Lot !"
    link = next(line for line in message.body.splitlines() if line.startswith("https://"))
    assert link.startswith("https://shop.example.org/en/account/password/reset/")

    response = client.get(link.removeprefix("https://shop.example.org"))
    form_url = response["Location"]
    assert form_url.endswith("/set-password/")
    html = page(client.get(form_url))
    assert html.count('autocomplete="new-password"') == 2
    response = client.post(
        form_url, {"new_password1": "causse-sunrise-42", "new_password2": "causse-sunrise-42"}
    )
    assert response["Location"] == "/en/account/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password("causse-sunrise-42") is True
    assert "Your new password is saved." in page(client.get(response["Location"]))


def test_a_password_reset_for_an_unknown_email_says_the_same_and_sends_nothing(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post("/en/account/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/account/password/reset/sent/"
    assert mail.outbox == []


def test_a_used_or_wrong_reset_link_is_refused(client):
    html = page(client.get("/en/account/password/reset/MQ/wrong-token/"))
    assert "This link does not work any more" in html
    assert "new_password1" not in html


def test_the_password_reset_email_is_written_in_the_shoppers_language(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_user(email="emma@example.org")
    client.post("/fr/account/password/reset/", {"email": "emma@example.org"})
    assert mail.outbox[0].subject == "Choisissez un nouveau mot de passe pour Oh my Lot !"
    assert "/fr/account/password/reset/" in mail.outbox[0].body
