"""Promo codes tried by one visitor: after settings.PROMO_CODE_ATTEMPTS refused codes within
settings.PROMO_CODE_ATTEMPTS_WINDOW seconds, every further try is refused, a right code too,
until the window passes, so codes cannot be found by trying many.

A visitor is named by several keys (its checkout, the client's address, and on the shop's pages
its session); each key counts apart and one over the limit is enough, so a new cart, a new
session or a dropped cookie does not start the count again. Counts live in
Django's cache (Redis in production, shared by every process) and grow by atomic increments;
a key's window opens at its first refused code and closes when the cache lets it expire.

When the cache cannot be reached the shop keeps selling: codes are checked without the limit
and nothing is counted, with one warning in the log for the try.
"""

import logging
from collections.abc import Sequence
from math import ceil

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext_lazy
from redis.exceptions import RedisError

from shop.discounts.error_codes import VoucherErrorCode
from shop.discounts.selectors import voucher_error

PREFIX = "promo-code-attempts"
logger = logging.getLogger(__name__)


def attempts_cache_key(key: str) -> str:
    """Where the refused tries of the visitor's `key` are counted in the cache."""
    return f"{PREFIX}:{key}"


def attempts_check(*, visitor: Sequence[str]) -> bool:
    """Refuse a try (ValidationError on `promo_code`, code TOO_MANY_ATTEMPTS) when one of the
    visitor's keys had too many codes refused in the window. Whether the tries are counted:
    False when the cache cannot be reached (logged), the code then being checked without the
    limit; count a refusal (attempt_refused) only after True."""
    try:
        counts = cache.get_many([attempts_cache_key(key) for key in visitor])
    except RedisError:
        logger.warning(
            "The cache cannot be reached: promo codes are checked without the limit of tries",
            exc_info=True,
        )
        return False
    if any(count >= settings.PROMO_CODE_ATTEMPTS for count in counts.values()):
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


def attempt_refused(*, visitor: Sequence[str]) -> None:
    """Count one refused code for each of the visitor's keys; the first opens the window. A
    cache lost since attempts_check leaves the try uncounted (logged)."""
    window = settings.PROMO_CODE_ATTEMPTS_WINDOW
    try:
        for key in visitor:
            cache_key = attempts_cache_key(key)
            cache.add(cache_key, 0, timeout=window)
            try:
                cache.incr(cache_key)
            except ValueError:  # the window closed between the two calls: this try opens another
                cache.add(cache_key, 1, timeout=window)
    except RedisError:
        logger.warning(
            "The cache cannot be reached: a refused promo code was not counted", exc_info=True
        )
