"""Signing in through the API's tokenCreate cannot be brute-forced: wrong passwords count per
email address, whether an account has it or not, and per client address with a higher limit;
past either, even the right password is refused with LOGIN_ATTEMPT_DELAYED until the window
passes (here by expiring the count's cache key, as the cache does when its time is up)."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError

from shop.accounts.limits import user_authenticate
from shop.accounts.services import password_reset_complete, password_reset_request
from tests.caches import cache_unreachable
from tests.concurrency import at_once
from tests.factories import make_user
from tests.graphql.client import api_post
from tests.graphql.test_account_limits import PASSWORD, window_passes
from tests.graphql.test_accounts import TOKEN_CREATE

pytestmark = pytest.mark.django_db

WRONG = {
    "field": "email",
    "message": "The email address or the password is wrong.",
    "code": "INVALID_CREDENTIALS",
}
SIGN_IN_BLOCKED = (
    "Too many wrong passwords were typed for this address. Please try again in 15 minutes, or "
    "choose a new password (Forgotten your password?) to sign in now."
)
DELAYED = {"field": "email", "message": SIGN_IN_BLOCKED, "code": "LOGIN_ATTEMPT_DELAYED"}
STRANGER = {"REMOTE_ADDR": "203.0.113.66"}
OWNER = {"REMOTE_ADDR": "198.51.100.7"}


def sign_in(client, email: str, password: str, **meta: str) -> list[dict]:
    """The errors of a tokenCreate; none when it gave a token."""
    created = api_post(client, TOKEN_CREATE, {"email": email, "password": password}, **meta)
    created = created["data"]["tokenCreate"]
    assert (created["token"] is None) == bool(created["errors"])
    return created["errors"]


def test_five_wrong_passwords_refuse_the_right_one_alike_for_an_account_or_none(client):
    make_user(email="emma@example.org")

    known = [
        sign_in(client, f"{email}@example.org", f"guess-{n}")
        for n, email in enumerate(["emma", "Emma", " EMMA", "emma", "emma"])
    ]
    unknown = [sign_in(client, "nobody@example.org", f"guess-{n}") for n in range(5)]
    blocked = sign_in(client, "emma@example.org", PASSWORD)
    nobody_blocked = sign_in(client, "nobody@example.org", PASSWORD)
    window_passes("sign-in:emma@example.org")
    after = sign_in(client, "emma@example.org", PASSWORD)

    assert known == unknown == [[WRONG]] * 5
    assert blocked == nobody_blocked == [DELAYED]
    assert after == []


def test_the_right_password_clears_the_emails_count_and_leaves_other_emails_counted(client):
    make_user(email="emma@example.org")
    make_user(email="louis@example.org")

    for n in range(4):
        sign_in(client, "emma@example.org", f"guess-{n}")
        sign_in(client, "louis@example.org", f"guess-{n}")
    right = sign_in(client, "emma@example.org", PASSWORD)
    again = [sign_in(client, "emma@example.org", f"again-{n}") for n in range(5)]
    louis = [
        sign_in(client, "louis@example.org", "guess-5"),
        sign_in(client, "louis@example.org", PASSWORD),
    ]

    assert right == []
    assert again == [[WRONG]] * 5
    assert louis == [[WRONG], [DELAYED]]


def test_one_client_address_past_its_limit_is_refused_whatever_the_email(client, settings):
    settings.ACCOUNT_SIGN_IN_CLIENT_TRIES = 3
    make_user(email="emma@example.org")
    office = {"REMOTE_ADDR": "203.0.113.9"}

    signed_in = [sign_in(client, "emma@example.org", PASSWORD, **office) for _ in range(4)]
    wrong = [sign_in(client, f"user{n}@example.org", "guess", **office) for n in range(3)]
    blocked = sign_in(client, "emma@example.org", PASSWORD, **office)
    elsewhere = sign_in(client, "emma@example.org", PASSWORD, REMOTE_ADDR="198.51.100.7")
    window_passes("sign-in-from:203.0.113.9")
    after = sign_in(client, "emma@example.org", PASSWORD, **office)

    assert signed_in == [[]] * 4  # right passwords do not count against the address
    assert wrong == [[WRONG]] * 3
    assert blocked == [DELAYED]
    assert elsewhere == after == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_guesses_sent_at_once_get_no_more_than_five_checked():
    make_user(email="emma@example.org")

    def guess(number: int) -> str:
        try:
            user = user_authenticate(
                email="emma@example.org", password=f"guess-{number}", client_address="203.0.113.9"
            )
        except ValidationError as refused:
            return refused.code
        return "wrong" if user is None else "signed in"

    outcomes = at_once(guess, range(20))

    assert sorted(outcomes) == ["LOGIN_ATTEMPT_DELAYED"] * 15 + ["wrong"] * 5


def test_without_the_cache_sign_in_works_without_limit_and_says_so_in_the_log(client, caplog):
    make_user(email="emma@example.org")

    with cache_unreachable():
        wrong = [sign_in(client, "emma@example.org", f"guess-{n}") for n in range(7)]
        right = sign_in(client, "emma@example.org", PASSWORD)

    warnings = [
        record.getMessage() for record in caplog.records if record.name == "shop.accounts.limits"
    ]
    assert wrong == [[WRONG]] * 7
    assert right == []
    assert (
        warnings
        == ["The cache cannot be reached: passwords are checked without the limit of tries"] * 8
    )


def test_the_owner_a_stranger_locked_out_gets_in_by_choosing_a_new_password(client):
    user = make_user(email="emma@example.org")
    for number in range(5):
        sign_in(client, "emma@example.org", f"guess-{number}", **STRANGER)
    assert sign_in(client, "emma@example.org", PASSWORD, **OWNER) == [DELAYED]

    token = default_token_generator.make_token(user)
    password_reset_complete(email="emma@example.org", token=token, password="a-new-long-pass-42")

    assert sign_in(client, "emma@example.org", "a-new-long-pass-42", **OWNER) == []


def test_another_spelling_of_the_address_counts_with_the_account(client):
    """PostgreSQL finds "sam@" for a long s ("\u017f") where Python's lower() keeps it: every
    spelling that reaches the account counts under the account's address."""
    make_user(email="sam@example.org")
    for number in range(5):
        sign_in(client, "sam@example.org", f"guess-{number}", **STRANGER)

    assert sign_in(client, "\u017fam@example.org", PASSWORD, **STRANGER) == [DELAYED]


def test_another_spelling_of_the_address_gets_no_second_reset_email(outbox):
    make_user(email="sam.smith@example.org")

    def link(user, token):
        return f"https://shop.example.org/reset/{token}/"

    password_reset_request(email="sam.smith@example.org", link=link)
    for spelling in ("\u017fam.smith@example.org", "sam.sm\u0131th@example.org"):
        with pytest.raises(ValidationError):
            password_reset_request(email=spelling, link=link)

    assert len(outbox) == 1
