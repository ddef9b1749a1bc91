"""A shopper's profile and password through the API: accountUpdate, passwordChange,
requestPasswordReset and setPassword."""

from datetime import timedelta

import pytest

from shop.accounts.models import User
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.emails import emailed_query
from tests.factories import make_user
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

PASSWORD = "walnut-harvest-1987"
UPDATE = """mutation($input: AccountInput!) { accountUpdate(input: $input) {
  user { firstName lastName languageCode
    defaultShippingAddress { city } defaultBillingAddress { city } }
  errors { field message code } } }"""
CHANGE = """mutation($old: String, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) {
    user { email } errors { field message code } } }"""
RESET = """mutation($email: String!, $url: String!) {
  requestPasswordReset(email: $email, redirectUrl: $url) { errors { field message code } } }"""
SET = """mutation($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field message code } } }"""
ME = "{ me { email } }"


def _token(user: User) -> str:
    return token_for(user=user, token_type=ACCESS)


def test_a_shopper_changes_names_language_and_default_addresses(client):
    shopper = make_user(first_name="Emma")
    address = {
        "firstName": "Emma",
        "lastName": "Clarke",
        "streetAddress1": "3 Place Champollion",
        "postalCode": "46100",
        "city": "Figeac",
        "country": "FR",
    }

    answer = api_post(
        client,
        UPDATE,
        {
            "input": {
                "lastName": " Clarke ",
                "languageCode": "NL",
                "defaultShippingAddress": address,
                "defaultBillingAddress": {**address, "city": "Cahors", "postalCode": "46000"},
            }
        },
        token=_token(shopper),
    )

    assert answer["data"]["accountUpdate"] == {
        "user": {
            "firstName": "Emma",
            "lastName": "Clarke",
            "languageCode": "NL",
            "defaultShippingAddress": {"city": "Figeac"},
            "defaultBillingAddress": {"city": "Cahors"},
        },
        "errors": [],
    }
    shopper.refresh_from_db()
    assert (shopper.first_name, shopper.last_name, shopper.language_code) == (
        "Emma",
        "Clarke",
        "nl",
    )
    assert shopper.addresses.count() == 2


def test_a_refused_profile_change_saves_nothing(client):
    shopper = make_user(first_name="Emma")
    bad_address = {"firstName": "Emma", "city": "Figeac", "country": "FR"}

    answer = api_post(
        client,
        UPDATE,
        {"input": {"firstName": "x" * 151, "defaultShippingAddress": bad_address}},
        token=_token(shopper),
    )
    address_only = api_post(
        client,
        UPDATE,
        {"input": {"lastName": "Clarke", "defaultShippingAddress": bad_address}},
        token=_token(shopper),
    )
    language = api_post(client, UPDATE, {"input": {"languageCode": "ES"}}, token=_token(shopper))

    assert answer["data"]["accountUpdate"]["errors"] == [
        {"field": "firstName", "message": "Write at most 150 characters.", "code": "INVALID"}
    ]
    assert [e["field"] for e in address_only["data"]["accountUpdate"]["errors"]] == [
        "lastName",
        "streetAddress1",
        "postalCode",
    ]
    assert language["data"]["accountUpdate"]["errors"] == [
        {"field": "languageCode", "message": "This language is not offered.", "code": "INVALID"}
    ]
    shopper.refresh_from_db()
    assert (shopper.first_name, shopper.last_name, shopper.language_code) == ("Emma", "", "fr")
    assert shopper.addresses.count() == 0


def test_a_name_with_a_nul_character_is_refused_with_a_code_at_sign_up_and_update(client):
    shopper = make_user(first_name="Emma")
    register = """mutation($input: AccountRegisterInput!) {
      accountRegister(input: $input) { errors { field message code } } }"""
    new = {"email": "new@example.org", "password": PASSWORD, "lastName": "Cl\x00arke"}

    updated = api_post(client, UPDATE, {"input": {"firstName": "E\x00ma"}}, token=_token(shopper))
    registered = api_post(client, register, {"input": new})

    nul = "Null characters are not allowed."
    assert updated["data"]["accountUpdate"]["errors"] == [
        {"field": "firstName", "message": nul, "code": "INVALID"}
    ]
    assert registered["data"]["accountRegister"]["errors"] == [
        {"field": "lastName", "message": nul, "code": "INVALID"}
    ]
    shopper.refresh_from_db()
    assert shopper.first_name == "Emma"
    assert not User.objects.filter(email="new@example.org").exists()


def test_a_guest_or_another_customer_id_may_not_update_an_account(client):
    shopper, other = make_user(), make_user()
    query = """mutation($id: ID) { accountUpdate(customerId: $id, input: {firstName: "Eve"}) {
      errors { code } } }"""

    by_guest = api_post(client, query)
    for_other = api_post(
        client, query, {"id": to_global_id("User", other.pk)}, token=_token(shopper)
    )

    for answer in (by_guest, for_other):
        assert answer["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert User.objects.filter(first_name="Eve").count() == 0


def test_a_password_change_needs_the_old_password_and_ends_the_old_tokens(client):
    shopper = make_user(password=PASSWORD)
    old_token = _token(shopper)

    wrong = api_post(client, CHANGE, {"old": "not-it", "new": "causse-sunrise-42"}, token=old_token)
    weak = api_post(client, CHANGE, {"old": PASSWORD, "new": "12345678"}, token=old_token)
    changed = api_post(
        client, CHANGE, {"old": PASSWORD, "new": "causse-sunrise-42"}, token=old_token
    )
    after = api_post(client, ME, token=old_token)

    assert wrong["data"]["passwordChange"] == {
        "user": None,
        "errors": [
            {
                "field": "oldPassword",
                "message": "The current password is wrong.",
                "code": "INVALID_PASSWORD",
            }
        ],
    }
    assert weak["data"]["passwordChange"]["errors"] == [
        {
            "field": "newPassword",
            "message": "This password is too common.",
            "code": "PASSWORD_TOO_COMMON",
        },
        {
            "field": "newPassword",
            "message": "This password is entirely numeric.",
            "code": "PASSWORD_ENTIRELY_NUMERIC",
        },
    ]
    assert changed["data"]["passwordChange"] == {"user": {"email": shopper.email}, "errors": []}
    assert after["errors"][0]["extensions"]["exception"]["code"] == "JWT_INVALID_TOKEN"
    shopper.refresh_from_db()
    assert shopper.check_password("causse-sunrise-42")


def test_a_reset_link_to_our_site_sets_a_new_password_once_and_signs_in(client, outbox):
    shopper = make_user(email="emma@example.org", password=PASSWORD, language_code="en")
    url = "https://shop.example.org/reset-password/"

    asked = api_post(client, RESET, {"email": "Emma@Example.org", "url": url})
    link, query = emailed_query(outbox[0])
    variables = {
        "email": query["email"],
        "token": query["token"],
        "password": "causse-sunrise-42",
    }
    done = api_post(client, SET, variables)
    again = api_post(client, SET, {**variables, "password": "another-long-one-7"})

    assert asked["data"]["requestPasswordReset"] == {"errors": []}
    assert outbox[0].to == ["emma@example.org"]
    assert outbox[0].subject == "Choose a new password for Oh my Lot !"
    assert link == url and query["email"] == "emma@example.org"
    result = done["data"]["setPassword"]
    assert result["errors"] == [] and result["user"] == {"email": "emma@example.org"}
    assert api_post(client, ME, token=result["token"])["data"]["me"] == {
        "email": "emma@example.org"
    }
    assert again["data"]["setPassword"]["errors"] == [
        {
            "field": "token",
            "message": "This link does not work any more: ask for a new one.",
            "code": "INVALID",
        }
    ]
    shopper.refresh_from_db()
    assert shopper.check_password("causse-sunrise-42")


def test_an_unknown_email_gets_the_same_answer_and_no_email(client, outbox):
    url = "https://shop.example.org/reset-password/"

    answer = api_post(client, RESET, {"email": "nobody@example.org", "url": url})
    forged = api_post(
        client,
        SET,
        {"email": "nobody@example.org", "token": "abc-def", "password": "causse-sunrise-42"},
    )

    assert answer["data"]["requestPasswordReset"] == {"errors": []}
    assert outbox == []
    assert forged["data"]["setPassword"]["errors"][0]["code"] == "INVALID"


def test_a_link_to_another_site_or_in_clear_text_is_refused_and_no_email_leaves(client, outbox):
    make_user(email="emma@example.org")

    for url in (
        "https://evil.example.com/reset/",
        "https://shop.example.org.evil.example.com/",
        "http://shop.example.org/reset/",
        "javascript:alert(1)",
        "//evil.example.com/",
    ):
        answer = api_post(client, RESET, {"email": "emma@example.org", "url": url})
        assert answer["data"]["requestPasswordReset"] == {
            "errors": [
                {
                    "field": "redirectUrl",
                    "message": "The link must lead to a page of https://shop.example.org.",
                    "code": "INVALID",
                }
            ]
        }
    assert outbox == []


def test_a_forged_expired_or_other_accounts_token_is_refused_and_nothing_changes(
    client, outbox, settings
):
    emma = make_user(email="emma@example.org", password=PASSWORD)
    make_user(email="tom@example.org", password=PASSWORD)
    api_post(client, RESET, {"email": "emma@example.org", "url": "https://shop.example.org/r/"})
    token = emailed_query(outbox[0])[1]["token"]

    forged = api_post(
        client,
        SET,
        {"email": "emma@example.org", "token": token + "x", "password": "causse-sunrise-42"},
    )
    other = api_post(
        client, SET, {"email": "tom@example.org", "token": token, "password": "causse-sunrise-42"}
    )
    weak = api_post(client, SET, {"email": "emma@example.org", "token": token, "password": "1234"})
    settings.PASSWORD_RESET_TIMEOUT = -int(timedelta(days=1).total_seconds())
    expired = api_post(
        client, SET, {"email": "emma@example.org", "token": token, "password": "causse-sunrise-42"}
    )

    for answer in (forged, other, expired):
        assert answer["data"]["setPassword"]["errors"][0]["field"] == "token"
        assert answer["data"]["setPassword"]["token"] is None
    assert [e["code"] for e in weak["data"]["setPassword"]["errors"]] == [
        "PASSWORD_TOO_SHORT",
        "PASSWORD_TOO_COMMON",
        "PASSWORD_ENTIRELY_NUMERIC",
    ]
    emma.refresh_from_db()
    assert emma.check_password(PASSWORD)


def test_account_update_writes_public_metadata_and_refuses_a_bad_key_with_the_rest(client):
    shopper = make_user(first_name="Emma")
    query = """mutation($input: AccountInput!) { accountUpdate(input: $input) {
      user { firstName metadata { key value } } errors { field code } } }"""

    written = api_post(
        client,
        query,
        {"input": {"firstName": "Em", "metadata": [{"key": "newsletter", "value": "no"}]}},
        token=_token(shopper),
    )
    refused = api_post(
        client,
        query,
        {"input": {"firstName": "Eve", "metadata": [{"key": "", "value": "x"}]}},
        token=_token(shopper),
    )

    assert written["data"]["accountUpdate"] == {
        "user": {"firstName": "Em", "metadata": [{"key": "newsletter", "value": "no"}]},
        "errors": [],
    }
    assert refused["data"]["accountUpdate"]["errors"][0]["field"] == "metadata"
    shopper.refresh_from_db()
    assert (shopper.first_name, shopper.metadata) == ("Em", {"newsletter": "no"})
