from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files that are never served publicly (proofs, registration documents).

    Its folder is read from PRIVATE_MEDIA_ROOT each time, so it follows the settings in use.
    """

    def __init__(self, **kwargs) -> None:
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT.resolve())
