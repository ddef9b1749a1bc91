import pytest
from django.conf import settings
from django.utils import translation


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
