import pytest


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    """Every test writes uploads, thumbnails and proofs under its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path
