"""Pictures made in code for the image tests, and where to find what was stored."""

import io
import struct
import zlib
from pathlib import Path

from django.conf import settings
from PIL import ExifTags, Image

from catalogue.models import ProductImage

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def two_colour_image(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Left half red, right half blue."""
    image = Image.new(mode, (width, height), RED)
    image.paste(BLUE, (width // 2, 0, width, height))
    return image


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def exif_with_orientation_and_gps(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "SecretCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (44.0, 48.0, 0.0)
    return exif


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares width x height pixels (the pixel data is not there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def noisy_jpeg(width: int = 200, height: int = 200) -> bytes:
    return encode(Image.effect_noise((width, height), 80).convert("RGB"), "JPEG", quality=95)


def animated(image_format: str) -> bytes:
    frames = [two_colour_image(40, 30), Image.new("RGB", (40, 30), BLUE)]
    return encode(frames[0], image_format, save_all=True, append_images=frames[1:], duration=100)


def media_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def stored(image: ProductImage) -> Image.Image:
    return Image.open(Path(settings.MEDIA_ROOT) / image.image.name)


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 200 and pixel[1] < 60 and pixel[2] < 60


def is_blue(pixel: tuple[int, ...]) -> bool:
    return pixel[0] < 60 and pixel[1] < 60 and pixel[2] > 200
