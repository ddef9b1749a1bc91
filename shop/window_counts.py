"""Counting requests within a time window in Django's cache (Redis in production, shared by every
process): the limits on promo code tries, account emails and password tries count this way."""

from django.core.cache import cache


def window_count(cache_key: str, window: int) -> int:
    """Count one more request at `cache_key` and return the count; the first opens a window
    of `window` seconds, at whose end the count goes. Raises RedisError when the cache is
    down."""
    if cache.add(cache_key, 1, timeout=window):
        return 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window closed between the two calls: this request opens another
        return 1 if cache.add(cache_key, 1, timeout=window) else cache.incr(cache_key)
    if count == 1:
        # Redis makes a key that expired between the backend's existence check and its
        # increment anew, without expiry: this gives it the window.
        cache.touch(cache_key, timeout=window)
    return count
