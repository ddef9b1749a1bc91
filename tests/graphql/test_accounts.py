"""Signing in with tokens, registering, and `me`."""

from datetime import timedelta

import jwt
import pytest
from django.utils import timezone

from shop.accounts.models import User
from shop.graphql.auth import ACCESS, REFRESH, issuer, private_key, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_user
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

TOKEN_CREATE = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken user { email } errors { field message code } } }"""
ME = "{ me { id email firstName } }"


def test_a_shopper_signs_in_and_reads_their_account(client):
    user = make_user(email="emma@example.org", first_name="Emma")

    created = api_post(
        client, TOKEN_CREATE, {"email": "Emma@example.org", "password": "a-long-test-password"}
    )["data"]["tokenCreate"]
    me = api_post(client, ME, token=created["token"])
    sdk_header = client.post(
        "/graphql/",
        {"query": ME},
        content_type="application/json",
        HTTP_AUTHORIZATION_BEARER=created["token"],
    ).json()

    assert created["errors"] == []
    assert created["user"] == {"email": "emma@example.org"}
    claims = jwt.decode(created["token"], options={"verify_signature": False})
    assert claims["iss"] == "http://127.0.0.1:8000/graphql/"
    assert claims["exp"] - claims["iat"] == 300
    expected = {"id": to_global_id("User", user.pk), "email": user.email, "firstName": "Emma"}
    assert me["data"]["me"] == expected
    assert sdk_header["data"]["me"] == expected


def test_a_wrong_password_gives_no_token(client):
    make_user(email="emma@example.org")

    created = api_post(client, TOKEN_CREATE, {"email": "emma@example.org", "password": "nope"})

    assert created["data"]["tokenCreate"] == {
        "token": None,
        "refreshToken": None,
        "user": None,
        "errors": [
            {
                "field": "email",
                "message": "The email address or the password is wrong.",
                "code": "INVALID_CREDENTIALS",
            }
        ],
    }


def test_anonymous_me_is_null(client):
    assert api_post(client, ME)["data"]["me"] is None


def test_a_refresh_token_gives_a_new_access_token_and_verify_checks_it(client):
    user = make_user()
    refreshed = api_post(
        client,
        "mutation($t: String) { tokenRefresh(refreshToken: $t) { token errors { code } } }",
        {"t": token_for(user=user, token_type=REFRESH)},
    )["data"]["tokenRefresh"]
    verified = api_post(
        client,
        """mutation($t: String!) {
          tokenVerify(token: $t) { isValid user { email } errors { code } } }""",
        {"t": refreshed["token"]},
    )["data"]["tokenVerify"]

    assert refreshed["errors"] == []
    assert verified == {"isValid": True, "user": {"email": user.email}, "errors": []}


def test_an_access_token_cannot_refresh(client):
    access = token_for(user=make_user(), token_type=ACCESS)

    refreshed = api_post(
        client,
        "mutation($t: String) { tokenRefresh(refreshToken: $t) { token errors { code } } }",
        {"t": access},
    )["data"]["tokenRefresh"]

    assert refreshed == {"token": None, "errors": [{"code": "JWT_INVALID_TOKEN"}]}


def test_an_expired_token_is_a_request_error(client):
    user = make_user()
    past = timezone.now() - timedelta(hours=1)
    claims = {
        "iss": issuer(),
        "iat": int(past.timestamp()),
        "exp": int((past + timedelta(minutes=5)).timestamp()),
        "type": ACCESS,
        "user_id": to_global_id("User", user.pk),
    }
    expired = jwt.encode(claims, private_key(), algorithm="RS256")

    result = api_post(client, ME, token=expired)

    assert result.get("data") is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "JWT_SIGNATURE_EXPIRED"


def test_a_new_password_ends_the_old_tokens(client):
    user = make_user()
    token = token_for(user=user, token_type=ACCESS)
    user.set_password("another-long-password")
    user.save()

    result = api_post(client, ME, token=token)

    assert result["errors"][0]["extensions"]["exception"]["code"] == "JWT_INVALID_TOKEN"


def test_registering_opens_an_account(client):
    query = """mutation($input: AccountRegisterInput!) {
      accountRegister(input: $input) { requiresConfirmation errors { field code } } }"""
    fields = {"email": "new@example.org", "password": "a-long-test-password", "firstName": "Ana"}

    first = api_post(client, query, {"input": fields})["data"]["accountRegister"]
    again = api_post(client, query, {"input": fields})["data"]["accountRegister"]

    assert first == {"requiresConfirmation": False, "errors": []}
    assert again == {"requiresConfirmation": None, "errors": [{"field": "email", "code": "UNIQUE"}]}
    assert User.objects.filter(email="new@example.org").count() == 1


def test_a_short_password_is_refused_with_its_code(client):
    query = """mutation($input: AccountRegisterInput!) {
      accountRegister(input: $input) { errors { field code } } }"""

    result = api_post(client, query, {"input": {"email": "x@example.org", "password": "short"}})

    assert {"field": "password", "code": "PASSWORD_TOO_SHORT"} in (
        result["data"]["accountRegister"]["errors"]
    )
    assert not User.objects.filter(email="x@example.org").exists()
