"""Promo codes tried by one visitor: after settings.PROMO_CODE_ATTEMPTS refused codes within
settings.PROMO_CODE_ATTEMPTS_WINDOW seconds, every further try is refused, a right code too,
until the window passes, so codes cannot be found by trying many.

A visitor is named by several keys (its checkout, the client's address, and on the shop's pages
its session); each key counts apart and one over the limit is enough, so a new cart, a new
session or a dropped cookie does not start the count again. Counts live in Django's cache (Redis
in production, shared by every process). A try is counted before its code is checked, by an
atomic increment, and given back when the code is accepted or the try refused for the limit:
tries sent in parallel each see their own count, so no more than the limit are ever checked.
A key's window opens at its first try and closes when the cache lets it expire.

When the cache cannot be reached the shop keeps selling: codes are checked without the limit
and nothing is counted, with one warning in the log for the try.
"""

import logging
from collections.abc import Sequence
from contextlib import suppress
from math import ceil

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext_lazy
from redis.exceptions import RedisError

from shop.discounts.error_codes import VoucherErrorCode
from shop.discounts.selectors import voucher_error
from shop.window_counts import window_count

PREFIX = "promo-code-attempts"
logger = logging.getLogger(__name__)


def attempts_cache_key(key: str) -> str:
    """Where the refused tries of the visitor's `key` are counted in the cache."""
    return f"{PREFIX}:{key}"


def attempt_begin(*, visitor: Sequence[str]) -> bool:
    """Count a try for each of the visitor's keys before its code is checked; refuse it
    (ValidationError on `promo_code`, code TOO_MANY_ATTEMPTS, and nothing counted) when one of
    the keys had the limit of codes refused in the window. A code then refused keeps its count.

    Whether the try is counted: False when the cache cannot be reached (logged), the code then
    being checked without the limit; give the try back (attempt_accepted) only after True."""
    try:
        counts = [
            window_count(attempts_cache_key(key), settings.PROMO_CODE_ATTEMPTS_WINDOW)
            for key in visitor
        ]
    except RedisError:
        logger.warning(
            "The cache cannot be reached: promo codes are checked without the limit of tries",
            exc_info=True,
        )
        return False
    if any(count > settings.PROMO_CODE_ATTEMPTS for count in counts):
        attempt_accepted(visitor=visitor)
        raise voucher_error(
            ngettext_lazy(
                "Too many wrong promo codes were tried. Please try again in %(minutes)s minute.",
                "Too many wrong promo codes were tried. Please try again in %(minutes)s minutes.",
                "minutes",
            ),
            VoucherErrorCode.TOO_MANY_ATTEMPTS,
            minutes=ceil(settings.PROMO_CODE_ATTEMPTS_WINDOW / 60),
        )
    return True


def attempt_accepted(*, visitor: Sequence[str]) -> None:
    """Give back the try attempt_begin() counted for each of the visitor's keys: only refused
    codes count against the limit. A cache lost since then keeps the try counted (logged)."""
    try:
        for key in visitor:
            with suppress(ValueError):  # the window closed meanwhile: nothing to give back
                if cache.decr(attempts_cache_key(key)) <= 0:
                    # Nothing left to count (or a key Redis made anew, without expiry, as the
                    # window closed): the next try opens a window of its own.
                    cache.delete(attempts_cache_key(key))
    except RedisError:
        logger.warning(
            "The cache cannot be reached: an accepted promo code stays counted", exc_info=True
        )
