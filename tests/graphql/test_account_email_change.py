"""Changing one's sign-in email through the API: requestEmailChange, then confirmEmailChange
with the token emailed to the new address."""

from datetime import timedelta

import pytest

from shop.accounts.models import AccountEvent, User
from shop.graphql.auth import ACCESS, token_for
from tests.emails import emailed_query
from tests.factories import make_user
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
URL = "https://shop.example.org/account/email/"
REQUEST = """mutation($email: String!, $password: String!, $url: String!) {
  requestEmailChange(newEmail: $email, password: $password, redirectUrl: $url) {
    user { email } errors { field message code } } }"""
CONFIRM = """mutation($token: String!) {
  confirmEmailChange(token: $token) { user { email } errors { field message code } } }"""


def _token(user: User) -> str:
    return token_for(user=user, token_type=ACCESS)


def _request(client, user: User, email: str, password: str = PASSWORD, url: str = URL) -> dict:
    variables = {"email": email, "password": password, "url": url}
    return api_post(client, REQUEST, variables, token=_token(user))["data"]["requestEmailChange"]


def test_a_shopper_changes_their_email_once_with_the_link_sent_to_the_new_address(
    client, outbox, django_capture_on_commit_callbacks
):
    shopper = make_user(email="emma@example.org")

    asked = _request(client, shopper, " Emma.Clarke@Example.NL ")
    token = emailed_query(outbox[0])[1]["token"]
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = api_post(client, CONFIRM, {"token": token}, token=_token(shopper))
        again = api_post(client, CONFIRM, {"token": token}, token=_token(shopper))

    assert asked == {"user": {"email": "emma@example.org"}, "errors": []}
    assert outbox[0].to == ["emma.clarke@example.nl"]
    assert outbox[0].subject == "Confirm your new email address for Oh my Lot !"
    assert confirmed["data"]["confirmEmailChange"] == {
        "user": {"email": "emma.clarke@example.nl"},
        "errors": [],
    }
    assert again["data"]["confirmEmailChange"]["errors"][0]["field"] == "token"
    assert [(email.to, email.subject) for email in outbox[1:]] == [
        (["emma@example.org"], "Your Oh my Lot ! account has a new email address")
    ]
    shopper.refresh_from_db()
    assert shopper.email == "emma.clarke@example.nl"
    assert list(AccountEvent.objects.values_list("action", "data")) == [
        ("accounts.user.email_changed", {})
    ]


def test_a_wrong_password_a_taken_or_bad_email_or_a_foreign_link_sends_nothing(client, outbox):
    shopper = make_user(email="emma@example.org")
    make_user(email="tom@example.org")

    wrong = _request(client, shopper, "new@example.org", password="not-it")
    taken = _request(client, shopper, "TOM@example.org")
    bad = _request(client, shopper, "not-an-email")
    foreign = _request(client, shopper, "new@example.org", url="https://evil.example.com/")

    assert wrong["errors"] == [
        {"field": "password", "message": "The password is wrong.", "code": "INVALID_CREDENTIALS"}
    ]
    assert taken["errors"] == [
        {
            "field": "newEmail",
            "message": "An account already uses this email address. Sign in, or reset your "
            "password.",
            "code": "UNIQUE",
        }
    ]
    assert bad["errors"] == [
        {"field": "newEmail", "message": "Enter a valid email address.", "code": "INVALID"}
    ]
    assert foreign["errors"][0]["field"] == "redirectUrl"
    assert outbox == []


def test_a_forged_expired_or_other_accounts_token_changes_nothing(client, outbox, settings):
    shopper, other = make_user(email="emma@example.org"), make_user(email="tom@example.org")
    _request(client, other, "tom@example.nl")
    others_token = emailed_query(outbox[0])[1]["token"]
    _request(client, shopper, "emma@example.nl")
    own_token = emailed_query(outbox[1])[1]["token"]

    answers = [
        api_post(client, CONFIRM, {"token": others_token}, token=_token(shopper)),
        api_post(client, CONFIRM, {"token": own_token[:-1]}, token=_token(shopper)),
    ]
    settings.PASSWORD_RESET_TIMEOUT = -int(timedelta(days=1).total_seconds())
    answers.append(api_post(client, CONFIRM, {"token": own_token}, token=_token(shopper)))

    for answer in answers:
        assert answer["data"]["confirmEmailChange"] == {
            "user": None,
            "errors": [
                {
                    "field": "token",
                    "message": "This link does not work any more: ask for a new one.",
                    "code": "INVALID",
                }
            ],
        }
    assert set(User.objects.values_list("email", flat=True)) == {
        "emma@example.org",
        "tom@example.org",
    }


def test_an_address_taken_meanwhile_is_refused_at_confirmation(client, outbox):
    shopper = make_user(email="emma@example.org")
    _request(client, shopper, "emma@example.nl")
    make_user(email="emma@example.nl")

    answer = api_post(
        client, CONFIRM, {"token": emailed_query(outbox[0])[1]["token"]}, token=_token(shopper)
    )

    assert answer["data"]["confirmEmailChange"]["errors"][0]["code"] == "UNIQUE"
    shopper.refresh_from_db()
    assert shopper.email == "emma@example.org"


def test_a_guest_may_not_change_an_email_and_confirm_account_is_not_offered(client):
    guest_request = api_post(
        client, REQUEST, {"email": "a@example.org", "password": PASSWORD, "url": URL}
    )
    guest_confirm = api_post(client, CONFIRM, {"token": "x"})
    confirm_account = api_post(
        client,
        """mutation { confirmAccount(email: "a@example.org", token: "x") {
          user { id } errors { code } } }""",
    )

    for answer in (guest_request, guest_confirm):
        assert answer["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert confirm_account["data"]["confirmAccount"] == {
        "user": None,
        "errors": [{"code": "INVALID"}],
    }
