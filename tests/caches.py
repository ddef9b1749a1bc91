"""Django's cache as it fails in production."""

from django.test import override_settings


def cache_unreachable() -> override_settings:
    """Django's cache on Redis at a closed port, for the `with` block: the real failure of a
    cache that is down."""
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",
            }
        }
    )
