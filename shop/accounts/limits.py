"""What one account's requests may cost: the emails they send and the passwords they try.

- A password reset, deletion or email change link is emailed at most once per key (the account,
  the reset's address, an email change's new address) within settings.ACCOUNT_EMAIL_WINDOW
  seconds; a further request is refused until the window passes.
- After settings.ACCOUNT_PASSWORD_TRIES wrong current passwords for one account, its further
  tries are refused, the right password too, for settings.ACCOUNT_PASSWORD_TRIES_WINDOW seconds
  from the last wrong one; the right password clears the count.
- Signing in counts the same way per email address, whether an account has it or not, with the
  same limit, and per client address with a higher one (settings.ACCOUNT_SIGN_IN_CLIENT_TRIES:
  many shoppers may share an address); the right password clears the email's count and leaves
  the client's wrong ones counted.

Counts live in Django's cache (Redis in production, shared by every process), under a digest of
their key, so no email address is kept there in clear. A request is counted before anything is
checked or sent, by an atomic increment: requests sent in parallel each see their own count.
When the cache cannot be reached the shop keeps working without the limits, with a warning in
the log.
"""

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from math import ceil
from typing import TypeVar

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext_lazy
from redis.exceptions import RedisError

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import User
from shop.window_counts import window_count

PREFIX = "account-limits"
T = TypeVar("T")
logger = logging.getLogger(__name__)


def limit_cache_key(key: str) -> str:
    """Where the requests counted under `key` ("reset:emma@example.org") are in the cache."""
    return f"{PREFIX}:{hashlib.sha256(key.encode()).hexdigest()}"


def _in_minutes(seconds: int) -> int:
    return ceil(seconds / 60)


def email_send_allow(*, keys: Sequence[str], field: str | None, code: AccountErrorCode) -> None:
    """Count an email about to be sent under each of `keys`; refuse it (ValidationError on
    `field`, with `code`) when one of them had an email within settings.ACCOUNT_EMAIL_WINDOW.
    A refused request leaves the keys it was the first to count free again."""
    window = settings.ACCOUNT_EMAIL_WINDOW
    try:
        counts = {key: window_count(limit_cache_key(key), window) for key in keys}
        if all(count == 1 for count in counts.values()):
            return
        cache.delete_many([limit_cache_key(key) for key, count in counts.items() if count == 1])
    except RedisError:
        logger.warning("The cache cannot be reached: emails are sent without limit", exc_info=True)
        return
    message = ngettext_lazy(
        "An email was sent a moment ago: look for it in the inbox (and its spam folder), or ask "
        "again in %(minutes)s minute.",
        "An email was sent a moment ago: look for it in the inbox (and its spam folder), or ask "
        "again in %(minutes)s minutes.",
        "minutes",
    )
    refusal = ValidationError(message, code=code.value, params={"minutes": _in_minutes(window)})
    raise ValidationError({field: refusal} if field else refusal)


_TOO_MANY_PASSWORDS = ngettext_lazy(
    "Too many wrong passwords were typed. Please try again in %(minutes)s minute.",
    "Too many wrong passwords were typed. Please try again in %(minutes)s minutes.",
    "minutes",
)
# At sign-in, anyone may have typed the wrong passwords: the owner gets in at once by choosing a
# new password, which clears the count (password_reset_complete).
_TOO_MANY_SIGN_INS = ngettext_lazy(
    "Too many wrong passwords were typed for this address. Please try again in %(minutes)s "
    "minute, or choose a new password (Forgotten your password?) to sign in now.",
    "Too many wrong passwords were typed for this address. Please try again in %(minutes)s "
    "minutes, or choose a new password (Forgotten your password?) to sign in now.",
    "minutes",
)


def _refusal(field: str | None, message=_TOO_MANY_PASSWORDS) -> ValidationError:
    refusal = ValidationError(
        message,
        code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED.value,
        params={"minutes": _in_minutes(settings.ACCOUNT_PASSWORD_TRIES_WINDOW)},
    )
    return ValidationError({field: refusal}) if field else refusal


def _try_give_back(cache_key: str) -> None:
    with suppress(ValueError):  # the window closed meanwhile: nothing to give back
        if cache.decr(cache_key) <= 0:
            # Nothing left to count (or a key Redis made anew, without expiry, as the window
            # closed): the next try opens a window of its own.
            cache.delete(cache_key)


def _password_tried(
    *,
    limits: Mapping[str, int],
    cleared: str,
    check: Callable[[], T],
    field: str | None,
    message=_TOO_MANY_PASSWORDS,
) -> T:
    """Count a password try under each key of `limits` (key -> tries allowed within
    settings.ACCOUNT_PASSWORD_TRIES_WINDOW) and return `check()`, falsy for a wrong password;
    refuse the try without checking it (ValidationError on `field`, LOGIN_ATTEMPT_DELAYED) when
    one of the keys had more. Only wrong passwords stay counted: a refused try is given back to
    every key, a right one clears the count of `cleared` and is given back to the others'. A
    wrong one reaching a key's limit opens its window anew, so the refusals last a whole window
    from the last wrong try."""
    window = settings.ACCOUNT_PASSWORD_TRIES_WINDOW
    cache_keys = {limit_cache_key(key): limit for key, limit in limits.items()}
    try:
        counts = {cache_key: window_count(cache_key, window) for cache_key in cache_keys}
    except RedisError:
        logger.warning(
            "The cache cannot be reached: passwords are checked without the limit of tries",
            exc_info=True,
        )
        counts = {}  # nothing counted: nothing to give back, clear or prolong below
    refused = any(count > cache_keys[cache_key] for cache_key, count in counts.items())
    result = None if refused else check()
    try:
        for cache_key, count in counts.items():
            if result and cache_key == limit_cache_key(cleared):
                cache.delete(cache_key)
            elif result or refused:
                _try_give_back(cache_key)
            elif count == cache_keys[cache_key]:
                cache.touch(cache_key, timeout=window)
    except RedisError:
        logger.warning("The cache cannot be reached: a password try stays counted", exc_info=True)
    if refused:
        raise _refusal(field, message)
    return result


def password_check(
    *, user: User, password: str, field: str, message: str, code: AccountErrorCode
) -> None:
    """Check `password` as `user`'s current one: refuse it (ValidationError on `field`) when it
    is wrong (`message`, `code`), or, without checking it, when the account had
    settings.ACCOUNT_PASSWORD_TRIES wrong ones (LOGIN_ATTEMPT_DELAYED)."""
    key = f"password:{user.pk}"
    right = _password_tried(
        limits={key: settings.ACCOUNT_PASSWORD_TRIES},
        cleared=key,
        check=lambda: user.check_password(password or ""),
        field=field,
    )
    if not right:
        raise ValidationError({field: ValidationError(message, code=code.value)})


def user_authenticate(*, email: str, password: str, client_address: str) -> User | None:
    """The active account that `email` and `password` sign in to, None when they match none;
    refused without checking them (ValidationError, LOGIN_ATTEMPT_DELAYED) once the email
    address had settings.ACCOUNT_PASSWORD_TRIES wrong passwords within the window, or the
    client's address settings.ACCOUNT_SIGN_IN_CLIENT_TRIES. Both count whether an account has
    the address or not, so the answer never tells; the right password clears the email's
    count."""
    email = email.strip()
    counted = f"sign-in:{limit_address(email)}"
    limits = {counted: settings.ACCOUNT_PASSWORD_TRIES}
    if client_address:
        limits[f"sign-in-from:{client_address}"] = settings.ACCOUNT_SIGN_IN_CLIENT_TRIES
    return _password_tried(
        limits=limits,
        cleared=counted,
        check=lambda: authenticate(None, email=email, password=password),
        field=None,
        message=_TOO_MANY_SIGN_INS,
    )


def limit_address(email: str) -> str:
    """The address the limits count `email` under: the account's own when the database finds
    one for it (comparing cases as PostgreSQL does, where a long s is an "s"), so no other
    spelling of an account's address starts a count of its own; else `email`, in lower case."""
    email = email.strip()
    stored = User.objects.filter(email__iexact=email).values_list("email", flat=True).first()
    return (stored or email).lower()


def sign_in_tries_forget(*, user: User) -> None:
    """Clear the wrong sign-ins counted for `user`'s address (its owner just proved they hold
    the mailbox): the owner of an account someone else locked gets in again."""
    with suppress(RedisError):
        cache.delete(limit_cache_key(f"sign-in:{user.email.lower()}"))
