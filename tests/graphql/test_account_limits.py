"""What an account's requests may cost through the API: one reset, deletion or email change
email per window, and 5 wrong current passwords before the next tries are refused for a while.
The window passes here by expiring the count's cache key, as the cache does when its time is
up."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.limits import email_send_allow, limit_cache_key, password_check
from shop.accounts.models import User
from shop.graphql.auth import ACCESS, token_for
from tests.caches import cache_unreachable
from tests.factories import make_user
from tests.graphql.client import api_post
from tests.graphql.test_account_deletion import REQUEST as DELETION
from tests.graphql.test_account_deletion import URL as DELETION_URL
from tests.graphql.test_account_email_change import REQUEST as EMAIL_CHANGE
from tests.graphql.test_account_email_change import URL as EMAIL_CHANGE_URL
from tests.graphql.test_account_profile import CHANGE, RESET
from tests.workers import REDIS_URL, redis_require

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # the factories' password
RESET_URL = "https://shop.example.org/reset/"
SENT = (
    "An email was sent a moment ago: look for it in the inbox (and its spam folder), or ask "
    "again in 5 minutes."
)
BLOCKED = "Too many wrong passwords were typed. Please try again in 15 minutes."


def window_passes(*keys: str) -> None:
    for key in keys:
        assert cache.touch(limit_cache_key(key), 0)


def _reset(client, email: str) -> list[dict]:
    answer = api_post(client, RESET, {"email": email, "url": RESET_URL})
    return answer["data"]["requestPasswordReset"]["errors"]


def _deletion(client, user: User) -> list[dict]:
    token = token_for(user=user, token_type=ACCESS)
    answer = api_post(client, DELETION, {"url": DELETION_URL}, token=token)
    return answer["data"]["accountRequestDeletion"]["errors"]


def _email_change(client, user: User, email: str, password: str = PASSWORD) -> list[dict]:
    variables = {"email": email, "password": password, "url": EMAIL_CHANGE_URL}
    answer = api_post(
        client, EMAIL_CHANGE, variables, token=token_for(user=user, token_type=ACCESS)
    )
    return answer["data"]["requestEmailChange"]["errors"]


def _password_change(client, user: User, old: str, new: str = "causse-sunrise-42") -> list[dict]:
    token = token_for(user=user, token_type=ACCESS)
    answer = api_post(client, CHANGE, {"old": old, "new": new}, token=token)
    return answer["data"]["passwordChange"]["errors"]


def test_a_second_reset_in_the_window_is_refused_for_an_account_and_for_no_account_alike(
    client, outbox
):
    make_user(email="emma@example.org")

    known = [_reset(client, "emma@example.org"), _reset(client, "EMMA@example.org ")]
    unknown = [_reset(client, "nobody@example.org"), _reset(client, "nobody@example.org")]
    sent = len(outbox)
    window_passes("reset:emma@example.org")
    again = _reset(client, "emma@example.org")

    refusal = [{"field": "email", "message": SENT, "code": "PASSWORD_RESET_ALREADY_REQUESTED"}]
    assert known == unknown == [[], refusal]
    assert sent == 1 and outbox[0].to == ["emma@example.org"]
    assert again == [] and len(outbox) == 2


def test_a_second_deletion_link_in_the_window_is_refused(client, outbox):
    shopper, other = make_user(), make_user()

    answers = [_deletion(client, shopper), _deletion(client, shopper), _deletion(client, other)]
    window_passes(f"deletion:{shopper.pk}")
    again = _deletion(client, shopper)

    assert answers == [[], [{"field": None, "message": SENT, "code": "LOGIN_ATTEMPT_DELAYED"}], []]
    assert again == []
    assert [message.to for message in outbox] == [[shopper.email], [other.email], [shopper.email]]


def test_an_email_change_sends_one_link_per_account_and_per_new_address_in_the_window(
    client, outbox
):
    emma, louis = make_user(), make_user()

    answers = [
        _email_change(client, emma, "emma@new.example.org"),
        _email_change(client, emma, "other@new.example.org"),  # the account's window
        _email_change(client, louis, "emma@new.example.org"),  # the new address's window
        _email_change(client, louis, "louis@new.example.org"),
    ]
    window_passes(f"email-change:{emma.pk}", "email-change-to:emma@new.example.org")
    again = _email_change(client, emma, "EMMA@new.example.org")

    refusal = [{"field": "newEmail", "message": SENT, "code": "LOGIN_ATTEMPT_DELAYED"}]
    assert answers == [[], refusal, refusal, []]
    assert again == []
    assert [message.to for message in outbox] == [
        ["emma@new.example.org"],
        ["louis@new.example.org"],
        ["emma@new.example.org"],
    ]


def test_five_wrong_passwords_refuse_even_the_right_one_until_the_window_passes(client, outbox):
    shopper = make_user()

    wrong = [_password_change(client, shopper, f"guess-{number}") for number in range(5)]
    blocked = _password_change(client, shopper, PASSWORD)
    email_blocked = _email_change(client, shopper, "emma@new.example.org")
    window_passes(f"password:{shopper.pk}")
    changed = _password_change(client, shopper, PASSWORD)

    assert [errors[0]["code"] for errors in wrong] == ["INVALID_PASSWORD"] * 5
    assert blocked == [
        {"field": "oldPassword", "message": BLOCKED, "code": "LOGIN_ATTEMPT_DELAYED"}
    ]
    assert email_blocked == [
        {"field": "password", "message": BLOCKED, "code": "LOGIN_ATTEMPT_DELAYED"}
    ]
    assert changed == []
    shopper.refresh_from_db()
    assert shopper.check_password("causse-sunrise-42")


def test_wrong_passwords_count_across_both_mutations_and_the_right_one_clears_the_count(
    client, outbox
):
    shopper, other = make_user(), make_user()
    wrong = [
        *(_email_change(client, shopper, "a@new.example.org", f"guess-{n}") for n in range(2)),
        *(_password_change(client, shopper, f"guess-{n}") for n in range(2)),
    ]
    right = _email_change(client, shopper, "a@new.example.org")
    after = [_password_change(client, shopper, f"again-{n}") for n in range(4)]
    for number in range(5):
        _password_change(client, other, f"guess-{number}")

    assert [errors[0]["code"] for errors in wrong] == ["INVALID_CREDENTIALS"] * 2 + [
        "INVALID_PASSWORD"
    ] * 2
    assert right == []
    assert [errors[0]["code"] for errors in after] == ["INVALID_PASSWORD"] * 4
    assert _password_change(client, shopper, PASSWORD) == []
    assert _password_change(client, other, PASSWORD)[0]["code"] == "LOGIN_ATTEMPT_DELAYED"


def test_without_the_cache_emails_leave_and_passwords_are_checked_without_limit(
    client, outbox, caplog
):
    shopper = make_user(email="emma@example.org")
    with cache_unreachable():
        resets = [_reset(client, "emma@example.org") for _ in range(2)]
        wrong = [_password_change(client, shopper, f"guess-{n}") for n in range(6)]
        changed = _password_change(client, shopper, PASSWORD)

    warnings = [
        record.getMessage() for record in caplog.records if record.name == "shop.accounts.limits"
    ]
    assert resets == [[], []] and len(outbox) == 2
    assert [errors[0]["code"] for errors in wrong] == ["INVALID_PASSWORD"] * 6
    assert changed == []
    assert warnings == [
        *["The cache cannot be reached: emails are sent without limit"] * 2,
        *["The cache cannot be reached: passwords are checked without the limit of tries"] * 7,
    ]


def redis_cache() -> override_settings:
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": "account-limits-test",
            }
        }
    )


def seconds_left(key: str) -> int:
    return cache._cache.get_client(write=True).ttl(cache.make_key(limit_cache_key(key)))


def test_on_redis_a_count_made_anew_without_expiry_gets_the_window():
    """Redis's increment makes a key that expired after the backend checked it exists, and
    without expiry: a count that would never reset. The first request gives it the window."""
    redis_require()
    shopper = make_user()
    key = f"deletion:{shopper.pk}"
    with redis_cache():
        cache.set(limit_cache_key(key), 0, timeout=None)  # what the race leaves

        email_send_allow(keys=[key], field=None, code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED)

        window = seconds_left(key)
        cache.delete(limit_cache_key(key))
    assert 0 < window <= 300


def test_on_redis_the_refusals_last_a_whole_window_from_the_last_wrong_password(settings):
    redis_require()
    settings.ACCOUNT_PASSWORD_TRIES, settings.ACCOUNT_PASSWORD_TRIES_WINDOW = 2, 60
    shopper = make_user()
    key = f"password:{shopper.pk}"

    def attempt(password: str) -> str:
        with pytest.raises(ValidationError) as refused:
            password_check(
                user=shopper,
                password=password,
                field="password",
                message="Wrong",
                code=AccountErrorCode.INVALID_PASSWORD,
            )
        [error] = refused.value.error_dict["password"]
        return error.code

    with redis_cache():
        first = attempt("guess-1")
        cache.touch(limit_cache_key(key), 2)  # the window nearly over at the last wrong try
        last = attempt("guess-2")
        window = seconds_left(key)
        blocked = attempt(PASSWORD)
        cache.delete(limit_cache_key(key))

    assert (first, last, blocked) == (
        "INVALID_PASSWORD",
        "INVALID_PASSWORD",
        "LOGIN_ATTEMPT_DELAYED",
    )
    assert 50 < window <= 60
