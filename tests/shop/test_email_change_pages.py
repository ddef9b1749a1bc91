"""Changing the sign-in email on the shop: the profile page's form, then the emailed link."""

import pytest

from shop.accounts.models import User
from tests.emails import emailed_path
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def test_a_shopper_changes_their_email_through_the_link_sent_to_the_new_address(client, outbox):
    shopper = make_user(email="emma@example.org")
    client.force_login(shopper)

    profile = client.get("/en/account/profile/").content.decode()
    asked = client.post(
        "/en/account/email/", {"new_email": "emma@example.nl", "password": PASSWORD}
    )
    path = emailed_path(outbox[0])
    page = client.get(path).content.decode()
    confirmed = client.post(path)

    assert '<label for="id_new_email">New email:</label>' in profile
    assert asked["Location"] == "/en/account/profile/"
    assert outbox[0].to == ["emma@example.nl"]
    assert path.startswith("/en/account/email/")
    assert "From now on, you will sign in with emma@example.nl." in page
    assert confirmed["Location"] == "/en/account/profile/"
    assert (
        "You now sign in with emma@example.nl."
        in client.get("/en/account/profile/").content.decode()
    )
    shopper.refresh_from_db()
    assert shopper.email == "emma@example.nl"
    assert client.get(path).status_code == 400  # used


def test_a_wrong_password_or_taken_email_is_shown_on_the_profile_and_sends_nothing(client, outbox):
    shopper = make_user(email="emma@example.org")
    make_user(email="tom@example.org")
    client.force_login(shopper)

    wrong = client.post("/en/account/email/", {"new_email": "new@example.org", "password": "x"})
    taken = client.post(
        "/en/account/email/", {"new_email": "Tom@example.org", "password": PASSWORD}
    )

    assert wrong.status_code == taken.status_code == 400
    assert '<a href="#id_password">Password: The password is wrong.</a>' in wrong.content.decode()
    assert "An account already uses this email address." in taken.content.decode()
    assert outbox == []


def test_another_accounts_or_a_forged_link_changes_nothing(client, outbox):
    shopper, other = make_user(email="emma@example.org"), make_user(email="tom@example.org")
    client.force_login(other)
    client.post("/en/account/email/", {"new_email": "tom@example.nl", "password": PASSWORD})
    others_path = emailed_path(outbox[0])
    client.force_login(shopper)

    answers = [
        client.get(others_path),
        client.post(others_path),
        client.post("/en/account/email/x/"),
    ]

    assert [answer.status_code for answer in answers] == [400, 400, 400]
    assert "This link does not work any more" in answers[1].content.decode()
    assert set(User.objects.values_list("email", flat=True)) == {
        "emma@example.org",
        "tom@example.org",
    }


def test_the_old_address_is_told_of_the_change_once_it_is_confirmed(
    client, outbox, django_capture_on_commit_callbacks
):
    shopper = make_user(email="emma@example.org")
    client.force_login(shopper)
    client.post("/en/account/email/", {"new_email": "emma@example.nl", "password": PASSWORD})
    path = emailed_path(outbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/account/email/x/")
    refused = len(outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)

    assert refused == 1
    [notice] = outbox[1:]
    assert notice.to == ["emma@example.org"]
    assert notice.subject == "Your Oh my Lot ! account has a new email address"
    assert (
        "The account emma@example.org at the Oh my Lot ! shop now signs in with emma@example.nl."
        in " ".join(notice.body.split())
    )
    assert "write to us at once at boutique@ohmylot.fr" in notice.body
    assert "http" not in notice.body
