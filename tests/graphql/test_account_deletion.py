"""Deleting one's account through the API: accountRequestDeletion, then accountDelete with
the emailed token."""

from datetime import timedelta

import pytest

from producers.models import ChamberCode
from shop.accounts.emails import deletion_token_generator
from shop.accounts.models import AccountEvent, User
from shop.graphql.auth import ACCESS, REFRESH, token_for
from tests.emails import emailed_query
from tests.factories import (
    make_booked_address,
    make_member,
    make_producer,
    make_reviewer,
    make_user,
)
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

REQUEST = """mutation($url: String!) {
  accountRequestDeletion(redirectUrl: $url) { errors { field message code } } }"""
DELETE = """mutation($token: String!) {
  accountDelete(token: $token) { user { email isActive } errors { field message code } } }"""
URL = "https://shop.example.org/account/delete/"


def test_a_shopper_deletes_their_account_with_the_emailed_token(client, outbox):
    shopper = make_user(email="emma@example.org", first_name="Emma", language_code="en")
    make_booked_address(shopper)
    access = token_for(user=shopper, token_type=ACCESS)
    refresh = token_for(user=shopper, token_type=REFRESH)

    asked = api_post(client, REQUEST, {"url": URL}, token=access)
    deleted = api_post(
        client, DELETE, {"token": emailed_query(outbox[0])[1]["token"]}, token=access
    )
    me = api_post(client, "{ me { email } }", token=access)
    refreshed = api_post(
        client, "mutation($t: String) { tokenRefresh(refreshToken: $t) { token } }", {"t": refresh}
    )
    signin = api_post(
        client,
        """mutation { tokenCreate(email: "emma@example.org", password: "a-long-test-password") {
          token errors { code } } }""",
    )

    assert asked["data"]["accountRequestDeletion"] == {"errors": []}
    assert outbox[0].subject == "Confirm the deletion of your Oh my Lot ! account"
    assert deleted["data"]["accountDelete"] == {
        "user": {"email": f"erased-{shopper.pk}@erased.invalid", "isActive": False},
        "errors": [],
    }
    assert me["errors"][0]["extensions"]["exception"]["code"] == "JWT_INVALID_TOKEN"
    assert refreshed["data"]["tokenRefresh"]["token"] is None
    assert signin["data"]["tokenCreate"] == {
        "token": None,
        "errors": [{"code": "INVALID_CREDENTIALS"}],
    }
    assert not User.objects.filter(email="emma@example.org").exists()
    assert list(AccountEvent.objects.values("user_id", "action", "data")) == [
        {
            "user_id": shopper.pk,
            "action": "accounts.user.erased",
            "data": {"addresses": 1, "checkouts": 0},
        }
    ]


def test_a_forged_expired_reset_or_other_accounts_token_is_refused_and_nothing_changes(
    client, outbox, settings
):
    shopper, other = make_user(first_name="Emma"), make_user()
    access = token_for(user=shopper, token_type=ACCESS)
    api_post(client, REQUEST, {"url": URL}, token=token_for(user=other, token_type=ACCESS))
    others_token = emailed_query(outbox[0])[1]["token"]
    api_post(client, REQUEST, {"url": URL}, token=access)
    own_token = emailed_query(outbox[1])[1]["token"]

    answers = [
        api_post(client, DELETE, {"token": own_token + "x"}, token=access),
        api_post(client, DELETE, {"token": others_token}, token=access),
        api_post(client, DELETE, {"token": "forged-token"}, token=access),
    ]
    settings.PASSWORD_RESET_TIMEOUT = -int(timedelta(days=1).total_seconds())
    answers.append(api_post(client, DELETE, {"token": own_token}, token=access))

    for answer in answers:
        assert answer["data"]["accountDelete"] == {
            "user": None,
            "errors": [
                {
                    "field": "token",
                    "message": "This link does not work any more: ask for a new one.",
                    "code": "INVALID",
                }
            ],
        }
    shopper.refresh_from_db()
    assert (shopper.is_active, shopper.first_name) == (True, "Emma")
    assert not AccountEvent.objects.exists()


def test_a_password_reset_token_does_not_delete_an_account(client, outbox):
    shopper = make_user(email="emma@example.org")
    api_post(
        client,
        """mutation { requestPasswordReset(email: "emma@example.org",
          redirectUrl: "https://shop.example.org/account/delete/") { errors { code } } }""",
    )
    reset_token = emailed_query(outbox[0])[1]["token"]

    answer = api_post(
        client, DELETE, {"token": reset_token}, token=token_for(user=shopper, token_type=ACCESS)
    )

    assert answer["data"]["accountDelete"]["errors"][0]["field"] == "token"
    assert User.objects.get(pk=shopper.pk).is_active


def test_a_foreign_link_or_a_guest_is_refused_and_no_email_leaves(client, outbox):
    shopper = make_user()

    foreign = api_post(
        client,
        REQUEST,
        {"url": "https://evil.example.com/delete/"},
        token=token_for(user=shopper, token_type=ACCESS),
    )
    guest_request = api_post(client, REQUEST, {"url": URL})
    guest_delete = api_post(client, DELETE, {"token": "anything"})

    assert foreign["data"]["accountRequestDeletion"]["errors"] == [
        {
            "field": "redirectUrl",
            "message": "The link must lead to a page of https://shop.example.org.",
            "code": "INVALID",
        }
    ]
    for answer in (guest_request, guest_delete):
        assert answer["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert outbox == []


MEMBER = (
    "You are a member of a producer: hand the producer over to another member, or ask the brand "
    "team to take you off it, before deleting your account."
)
REVIEWER = (
    "You review for a chamber: ask the brand team to take you off its reviewers before deleting "
    "your account."
)
STAFF = "Brand team accounts are closed by the brand team: please ask a colleague to close yours."


@pytest.mark.parametrize(
    ("account", "message"),
    [
        (lambda: make_member(producer=make_producer()), MEMBER),
        (lambda: make_reviewer(chamber_code=ChamberCode.CMA), REVIEWER),
        (lambda: make_user(is_staff=True), STAFF),
    ],
)
def test_an_account_working_for_the_shop_is_not_erased_by_its_holder(
    client, outbox, account, message
):
    user = account()
    access = token_for(user=user, token_type=ACCESS)
    emailed_before = deletion_token_generator.make_token(user)

    asked = api_post(client, REQUEST, {"url": URL}, token=access)
    deleted = api_post(client, DELETE, {"token": emailed_before}, token=access)

    refusal = [{"field": None, "message": message, "code": "DELETE_STAFF_ACCOUNT"}]
    assert asked["data"]["accountRequestDeletion"] == {"errors": refusal}
    assert deleted["data"]["accountDelete"] == {"user": None, "errors": refusal}
    assert outbox == []
    user.refresh_from_db()
    assert user.is_active and not user.email.endswith(".invalid")
    assert not AccountEvent.objects.exists()
