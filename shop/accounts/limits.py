"""What one account's requests may cost: the emails they send and the passwords they try.

- A password reset, deletion or email change link is emailed at most once per key (the account,
  the reset's address, an email change's new address) within settings.ACCOUNT_EMAIL_WINDOW
  seconds; a further request is refused until the window passes.
- After settings.ACCOUNT_PASSWORD_TRIES wrong current passwords for one account, its further
  tries are refused, the right password too, for settings.ACCOUNT_PASSWORD_TRIES_WINDOW seconds
  from the last wrong one; the right password clears the count.

Counts live in Django's cache (Redis in production, shared by every process), under a digest of
their key, so no email address is kept there in clear. A request is counted before anything is
checked or sent, by an atomic increment: requests sent in parallel each see their own count.
When the cache cannot be reached the shop keeps working without the limits, with a warning in
the log.
"""

import hashlib
import logging
from collections.abc import Sequence
from math import ceil

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext_lazy
from redis.exceptions import RedisError

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import User
from shop.window_counts import window_count

PREFIX = "account-limits"
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


def password_check(
    *, user: User, password: str, field: str, message: str, code: AccountErrorCode
) -> None:
    """Check `password` as `user`'s current one: refuse it (ValidationError on `field`) when it
    is wrong (`message`, `code`), or, without checking it, when the account had
    settings.ACCOUNT_PASSWORD_TRIES wrong ones (LOGIN_ATTEMPT_DELAYED)."""
    window, limit = settings.ACCOUNT_PASSWORD_TRIES_WINDOW, settings.ACCOUNT_PASSWORD_TRIES
    cache_key = limit_cache_key(f"password:{user.pk}")
    try:
        count = window_count(cache_key, window)
    except RedisError:
        logger.warning(
            "The cache cannot be reached: passwords are checked without the limit of tries",
            exc_info=True,
        )
        count = 0  # nothing counted: nothing to clear or prolong below
    if count > limit:
        refusal = ValidationError(
            ngettext_lazy(
                "Too many wrong passwords were typed. Please try again in %(minutes)s minute.",
                "Too many wrong passwords were typed. Please try again in %(minutes)s minutes.",
                "minutes",
            ),
            code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED.value,
            params={"minutes": _in_minutes(window)},
        )
        raise ValidationError({field: refusal})
    right = user.check_password(password or "")
    try:
        if right and count:
            cache.delete(cache_key)
        elif count == limit:
            cache.touch(cache_key, timeout=window)  # the refusals last from the last wrong try
    except RedisError:
        logger.warning("The cache cannot be reached: a password try stays counted", exc_info=True)
    if not right:
        raise ValidationError({field: ValidationError(message, code=code.value)})
