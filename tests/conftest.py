import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from shop.storefront.shared_parts import frame_parts_forget


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    """Every test writes uploads, thumbnails and proofs under its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


@pytest.fixture(autouse=True)
def default_language():
    """A page leaves its visitor's language active in the thread: each test starts in French,
    the shop's own language, whatever the test before it visited."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def shared_parts_cached(settings):
    """Pages keep what every visitor sees the same, as in production (development keeps
    nothing), in this process's memory whatever CACHE_URL says (clearing a Redis would empty
    its queues too), under the catalogue's version, which every test's database counts again
    from: each test starts with nothing kept."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STOREFRONT_CACHE_SECONDS = 300
    cache.clear()
    frame_parts_forget()
    yield
    cache.clear()
    frame_parts_forget()


@pytest.fixture
def outbox(settings) -> list:
    """Emails sent during the test, the shop's public address being https://shop.example.org."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PUBLIC_URL = "https://shop.example.org"
    return mail.outbox
