"""Proof documents (registration extracts, label certificates) validated by their content.

A document is a PDF or a still JPEG, PNG or WebP picture. Its name and the type the browser
declares are ignored: a PDF must start with the PDF signature and carry an end-of-file marker;
a picture goes through the catalogue's image checks and is re-encoded without its metadata.
Nothing here touches the database or the storage.
"""

import io
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from catalogue import images
from catalogue.error_codes import CatalogueErrorCode
from producers.error_codes import ProducerErrorCode

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
PDF_END_MARKER = b"%%EOF"
# Writers may add a few bytes (new lines, padding) after the last end-of-file marker.
PDF_TRAILER_WINDOW = 2048
_NOT_A_PICTURE = {
    CatalogueErrorCode.INVALID_IMAGE.value,
    CatalogueErrorCode.UNSUPPORTED_IMAGE_FORMAT.value,
}
IMAGE_CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """An accepted document, ready to be stored under the extension of its real type."""

    content: bytes
    content_type: str
    extension: str


def _invalid() -> ValidationError:
    return ValidationError(
        _("This file is neither a PDF nor a JPEG, PNG or WebP picture, or it is damaged."),
        code=ProducerErrorCode.INVALID_DOCUMENT.value,
    )


def _too_large() -> ValidationError:
    return ValidationError(
        _("This file is too large: a document may weigh at most %(max_megabytes)s MB."),
        code=ProducerErrorCode.DOCUMENT_TOO_LARGE.value,
        params={"max_megabytes": number_format(DOCUMENT_MAX_BYTES / 1_000_000, decimal_pos=1)},
    )


def _read(upload: File | IO[bytes]) -> bytes:
    """The bytes of `upload`, refused before and while reading when it passes the size limit."""
    declared_size = getattr(upload, "size", None)
    if isinstance(declared_size, int) and declared_size > DOCUMENT_MAX_BYTES:
        raise _too_large()
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(DOCUMENT_MAX_BYTES + 1)
    if not isinstance(data, bytes) or not data:
        raise _invalid()
    if len(data) > DOCUMENT_MAX_BYTES:
        raise _too_large()
    return data


def document_clean(upload: File | IO[bytes]) -> CleanDocument:
    """Validate an uploaded proof by its content: a PDF as it is, or a picture re-encoded.

    Raises ValidationError (ProducerErrorCode.INVALID_DOCUMENT or DOCUMENT_TOO_LARGE, or the
    catalogue's image codes for a damaged or oversized picture).
    """
    data = _read(upload)
    if data.startswith(PDF_SIGNATURE):
        if PDF_END_MARKER not in data[-PDF_TRAILER_WINDOW:]:
            raise _invalid()
        return CleanDocument(content=data, content_type="application/pdf", extension="pdf")
    try:
        picture = images.image_clean(io.BytesIO(data))
    except ValidationError as error:
        if error.code in _NOT_A_PICTURE:
            raise _invalid() from error
        raise
    return CleanDocument(
        content=picture.content,
        content_type=IMAGE_CONTENT_TYPES[picture.format],
        extension=picture.extension,
    )
