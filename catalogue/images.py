"""Product images with Pillow: validation by content, safe re-encoding and WebP thumbnails.

Nothing here touches the database or the storage: the services read the upload, call these
functions and store what they return. An upload is judged by its bytes, never by its name:

1. its size is checked before it is read (settings.IMAGE_MAX_UPLOAD_BYTES);
2. its header must be a JPEG, PNG or WebP one, and the dimensions it declares are checked
   against settings.IMAGE_MAX_PIXELS before any pixel is decoded (Pillow's own decompression-bomb
   guard counts as a rejection too);
3. animated images are refused, and the whole picture must decode (a truncated file is refused);
4. the picture is turned upright (EXIF orientation) and re-encoded in its own format, which drops
   every piece of metadata (EXIF with GPS, XMP, comments, text chunks); only the ICC colour
   profile is kept, so colours do not shift.
"""

import io
import struct
import warnings
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from catalogue.error_codes import CatalogueErrorCode

if TYPE_CHECKING:
    from catalogue.models import ProductImage

T = TypeVar("T")
# Accepted formats (Pillow's names) and the file extension each one is stored with.
FORMAT_EXTENSIONS: dict[str, str] = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Pillow's JPEG opener returns an "MPO" image for a JPEG that carries extra pictures (phones add
# depth or gain maps). It is still a JPEG: only its main picture is kept.
_OPENED_FORMATS: dict[str, str] = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}

JPEG_QUALITY = 88
WEBP_QUALITY = 88
THUMBNAIL_QUALITY = 82

# What Pillow raises on damaged data while parsing or decoding.
_DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    struct.error,
    zlib.error,
)
_BOMB_ERRORS: tuple[type[BaseException], ...] = (
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)
_ALPHA_MODES = frozenset({"RGBA", "LA", "PA", "RGBa", "La"})
_HIGH_DEPTH_MODES = frozenset({"I", "I;16", "I;16L", "I;16B", "I;16N", "F"})


@dataclass(frozen=True, slots=True)
class CleanImage:
    """An accepted image, upright and re-encoded without metadata, ready to be stored."""

    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        """The file extension of the real format: "jpg", "png" or "webp"."""
        return FORMAT_EXTENSIONS[self.format]


def _invalid_image() -> ValidationError:
    return ValidationError(
        _("This file is not a valid image, or it is damaged."),
        code=CatalogueErrorCode.INVALID_IMAGE.value,
    )


def _unsupported_format(found: str) -> ValidationError:
    return ValidationError(
        _("Images must be JPEG, PNG or WebP files; this one is %(format)s."),
        code=CatalogueErrorCode.UNSUPPORTED_IMAGE_FORMAT.value,
        params={"format": found},
    )


def _millions(count: int) -> str:
    """`count` in millions with one decimal, written as the active language writes numbers."""
    return number_format(count / 1_000_000, decimal_pos=1)


def _too_large(max_bytes: int) -> ValidationError:
    return ValidationError(
        _("This file is too large: an image may weigh at most %(max_megabytes)s MB."),
        code=CatalogueErrorCode.IMAGE_TOO_LARGE.value,
        params={"max_megabytes": _millions(max_bytes)},
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    max_megapixels = _millions(settings.IMAGE_MAX_PIXELS)
    if width is None or height is None:
        return ValidationError(
            _("This image has too many pixels: at most %(max_megapixels)s megapixels."),
            code=CatalogueErrorCode.IMAGE_TOO_MANY_PIXELS.value,
            params={"max_megapixels": max_megapixels},
        )
    return ValidationError(
        _(
            "This image has too many pixels (%(width)s x %(height)s): "
            "at most %(max_megapixels)s megapixels."
        ),
        code=CatalogueErrorCode.IMAGE_TOO_MANY_PIXELS.value,
        params={"width": width, "height": height, "max_megapixels": max_megapixels},
    )


def _animated() -> ValidationError:
    return ValidationError(
        _("Animated images are not accepted; please upload a still picture."),
        code=CatalogueErrorCode.ANIMATED_IMAGE.value,
    )


def image_upload_read(upload: File | IO[bytes]) -> bytes:
    """Return the bytes of `upload`, refusing it before reading when it is too large.

    The declared size is checked first; the read itself stops one byte past the limit, so a
    stream that lies about its size is refused too. Raises ValidationError (IMAGE_TOO_LARGE).
    """
    max_bytes: int = settings.IMAGE_MAX_UPLOAD_BYTES
    declared_size = getattr(upload, "size", None)
    if isinstance(declared_size, int) and declared_size > max_bytes:
        raise _too_large(max_bytes)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1)
    if not isinstance(data, bytes):
        raise _invalid_image()
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


def _open(data: bytes) -> Image.Image:
    """Open `data` lazily (header only), as one of the accepted formats, within the pixel limit."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=tuple(FORMAT_EXTENSIONS))
        except _BOMB_ERRORS as exc:
            raise _too_many_pixels() from exc
        except UnidentifiedImageError as exc:
            raise _unsupported_or_invalid(data) from exc
        except _DECODE_ERRORS as exc:
            raise _invalid_image() from exc
    width, height = image.size
    if width * height > settings.IMAGE_MAX_PIXELS:
        image.close()
        raise _too_many_pixels(width, height)
    return image


def _unsupported_or_invalid(data: bytes) -> ValidationError:
    """Tell an image of another format (GIF, TIFF, ...) from a file that is no image at all."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as other:
                found = other.format or ""
        except (UnidentifiedImageError, *_BOMB_ERRORS, *_DECODE_ERRORS):
            return _invalid_image()
    return _unsupported_format(found) if found else _invalid_image()


def _decode(image: Image.Image) -> None:
    """Decode every pixel of the first frame; a truncated or corrupt file raises."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image.load()
        except _BOMB_ERRORS as exc:
            raise _too_many_pixels(*image.size) from exc
        except _DECODE_ERRORS as exc:
            raise _invalid_image() from exc


def _upright(image: Image.Image) -> Image.Image:
    """A copy of `image` turned as its EXIF orientation says.

    A picture whose EXIF block is unreadable is kept as it is: the block is dropped anyway.
    """
    try:
        return ImageOps.exif_transpose(image)
    except _DECODE_ERRORS:
        return image.copy()


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert a CMYK (or other non-web) picture to RGB, through its ICC profile when it has one."""
    if image.mode == "CMYK" and icc_profile:
        try:
            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, *_DECODE_ERRORS):
            pass
    return image.convert("RGB")


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in _ALPHA_MODES or "transparency" in image.info


def _encode(image: Image.Image, image_format: str, icc_profile: bytes | None) -> bytes:
    """Re-encode `image` in `image_format`, writing no metadata but the ICC profile."""
    transparency = image.info.get("transparency")
    # Savers read a few keys (comment, transparency...) from `info`: start from a clean slate.
    image.info = {}
    options: dict[str, Any] = {}
    if image_format == "JPEG":
        if image.mode not in {"L", "RGB"}:
            converted = _to_srgb(image, icc_profile)
            if image.mode == "CMYK":
                icc_profile = None  # the pixels are now sRGB; a CMYK profile would lie
            image = converted
        options = {"quality": JPEG_QUALITY, "optimize": True, "progressive": True}
    elif image_format == "PNG":
        if transparency is not None:
            options["transparency"] = transparency
    else:  # WEBP
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA" if _has_alpha(image) else "RGB")
        options = {"quality": WEBP_QUALITY, "method": 4}
    if icc_profile:
        options["icc_profile"] = icc_profile
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def image_clean(upload: File | IO[bytes]) -> CleanImage:
    """Validate an uploaded image by its content and return it upright and without metadata.

    Accepts only still JPEG, PNG and WebP pictures within settings.IMAGE_MAX_UPLOAD_BYTES and
    settings.IMAGE_MAX_PIXELS. Raises ValidationError with a CatalogueErrorCode value as code:
    IMAGE_TOO_LARGE, UNSUPPORTED_IMAGE_FORMAT, INVALID_IMAGE (not an image, truncated, corrupt),
    IMAGE_TOO_MANY_PIXELS or ANIMATED_IMAGE.
    """
    data = image_upload_read(upload)
    with _open(data) as image:
        image_format = _OPENED_FORMATS.get(image.format or "")
        if image_format is None:
            raise _unsupported_format(image.format or "")
        if image.format != "MPO" and getattr(image, "is_animated", False):
            raise _animated()
        _decode(image)
        icc_profile = image.info.get("icc_profile") or None
        upright = _upright(image)
    content = _encode(upright, image_format, icc_profile)
    return CleanImage(
        content=content, format=image_format, width=upright.width, height=upright.height
    )


def _for_web(image: Image.Image) -> Image.Image:
    """`image` in RGB, or RGBA when it has transparency, as WebP wants."""
    if image.mode in {"RGB", "RGBA"}:
        return image
    if image.mode in _HIGH_DEPTH_MODES:
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    return image.convert("RGBA" if _has_alpha(image) else "RGB")


def thumbnail_dimensions(width: int, height: int, size: int) -> tuple[int, int]:
    """The dimensions of a thumbnail whose longest side is at most `size` (never upscaled)."""
    longest = max(width, height)
    if longest <= size:
        return width, height
    scale = size / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def thumbnails_make(content: bytes, *, sizes: Iterable[int]) -> dict[int, bytes]:
    """Make a WebP thumbnail of the image `content` for each size, keyed by size.

    Each thumbnail keeps the aspect ratio; its longest side is `size` pixels, or the original
    one when the image is smaller (no upscaling). Only the ICC profile is carried over. `content`
    goes through the same header checks as uploads; raises ValidationError when it fails them.
    """
    wanted = sorted(set(sizes), reverse=True)
    with _open(content) as image:
        full_width = image.width
        if image.format == "JPEG" and wanted:
            # The JPEG decoder can scale by 1/2, 1/4 or 1/8 as it decodes: it then decodes a
            # fraction of the pixels, never fewer than the largest thumbnail needs.
            image.draft(image.mode, thumbnail_dimensions(*image.size, wanted[0]))
        scale = full_width / image.width
        _decode(image)
        icc_profile = image.info.get("icc_profile") or None
        source = _for_web(_upright(image))
    # Dimensions are those of the full picture, whatever scale it was decoded at.
    width, height = round(source.width * scale), round(source.height * scale)
    thumbnails: dict[int, bytes] = {}
    for size in wanted:
        dimensions = thumbnail_dimensions(width, height, size)
        if dimensions != source.size:
            # Each size is made from the previous, larger one: far fewer pixels to filter.
            source = source.resize(dimensions, Image.Resampling.LANCZOS, reducing_gap=3.0)
        buffer = io.BytesIO()
        options: dict[str, Any] = {"quality": THUMBNAIL_QUALITY, "method": 4}
        if icc_profile:
            options["icc_profile"] = icc_profile
        source.save(buffer, format="WEBP", **options)
        thumbnails[size] = buffer.getvalue()
    return thumbnails


def thumbnail_for_size(sized: Iterable[tuple[int, T]], size: int) -> T | None:
    """Of `sized` ((size, thumbnail) pairs), the smallest thumbnail at least `size` pixels wide;
    None when none is (the original is shown then)."""
    wide_enough = [(width, thumbnail) for width, thumbnail in sized if width >= size]
    return min(wide_enough, key=lambda pair: pair[0])[1] if wide_enough else None


def image_file_for_size(image: "ProductImage", size: int | None) -> FieldFile:
    """The file to show `image` at `size` pixels: the smallest stored thumbnail at least that
    wide (thumbnails are made by a task after the upload), else the original (also for no size).
    The image's thumbnails are read through `image.thumbnails.all()`: prefetch them."""
    if size:
        sized = ((thumbnail.size, thumbnail) for thumbnail in image.thumbnails.all())
        thumbnail = thumbnail_for_size(sized, size)
        if thumbnail is not None:
            return thumbnail.file
    return image.image
