"""The "My profile" page: names, language and password; the password reset through the
accounts' service."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "walnut-harvest-1987"
NEW = "causse-sunrise-42"


def test_the_profile_page_asks_a_visitor_to_sign_in(client):
    response = client.get("/en/account/profile/")
    assert response["Location"] == "/en/account/login/?next=/en/account/profile/"


def test_the_profile_page_labels_its_fields_and_is_linked_from_the_account_pages(client):
    client.force_login(make_user(email="emma@example.org", first_name="Emma"))

    html = client.get("/en/account/profile/").content.decode()
    orders = client.get("/en/account/orders/").content.decode()

    assert "<h1>My profile</h1>" in html and "You sign in with emma@example.org." in html
    assert '<label for="id_first_name">First name:</label>' in html
    assert 'value="Emma"' in html
    assert '<option value="nl">Nederlands</option>' in html
    assert 'autocomplete="current-password"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert '<a href="/en/account/profile/">My profile</a>' in orders


def test_a_shopper_changes_names_and_language_and_the_page_follows_the_language(client):
    shopper = make_user()
    client.force_login(shopper)

    response = client.post(
        "/en/account/profile/",
        {"first_name": " Emma ", "last_name": "Clarke", "language_code": "fr"},
    )

    assert response["Location"] == "/fr/account/profile/"
    shopper.refresh_from_db()
    assert (shopper.first_name, shopper.last_name, shopper.language_code) == (
        "Emma",
        "Clarke",
        "fr",
    )
    assert "Votre profil est enregistré." in client.get(response["Location"]).content.decode()


def test_a_refused_profile_shows_why_and_saves_nothing(client):
    shopper = make_user(first_name="Emma")
    client.force_login(shopper)

    response = client.post(
        "/en/account/profile/", {"first_name": "Emma", "last_name": "", "language_code": "xx"}
    )

    assert response.status_code == 400
    assert "<title>Error: My profile" in response.content.decode()
    shopper.refresh_from_db()
    assert shopper.language_code == "fr"


def test_a_password_change_keeps_this_session_and_ends_the_others(client):
    shopper = make_user(password=PASSWORD)
    other_device = Client()
    client.force_login(shopper)
    other_device.force_login(shopper)

    response = client.post(
        "/en/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )

    assert response["Location"] == "/en/account/profile/"
    assert "Your new password is saved." in client.get("/en/account/profile/").content.decode()
    assert other_device.get("/en/account/profile/").status_code == 302
    assert SESSION_KEY not in other_device.session
    shopper.refresh_from_db()
    assert shopper.check_password(NEW)


@pytest.mark.parametrize(
    ("old", "new1", "new2", "message"),
    [
        ("not-it", NEW, NEW, "Current password: The current password is wrong."),
        (PASSWORD, "12345678", "12345678", "New password: This password is too common."),
        (PASSWORD, NEW, NEW + "x", "The two passwords differ. Type the same one twice."),
    ],
)
def test_a_refused_password_change_says_why_and_keeps_the_password(
    client, old, new1, new2, message
):
    shopper = make_user(password=PASSWORD)
    client.force_login(shopper)

    response = client.post(
        "/en/account/password/", {"old_password": old, "new_password1": new1, "new_password2": new2}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    shopper.refresh_from_db()
    assert shopper.check_password(PASSWORD)


def test_the_password_change_takes_posts_only(client):
    client.force_login(make_user())
    assert client.get("/en/account/password/").status_code == 405


def test_the_reset_email_links_to_the_public_address_in_the_pages_language(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PUBLIC_URL = "https://shop.example.org"
    make_user(email="emma@example.org")

    client.post("/de/account/password/reset/", {"email": "emma@example.org"})

    assert "https://shop.example.org/de/account/password/reset/" in mail.outbox[0].body
