"""thumbnails_make on large photos: exact sizes, and the same picture as a full-size resize."""

import io

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageOps, ImageStat

from catalogue.images import THUMBNAIL_QUALITY, thumbnails_make
from tests.catalogue.pictures import encode, exif_with_orientation_and_gps

SIZES = (128, 256, 512, 1024)


def photo(width: int, height: int) -> Image.Image:
    """A smooth picture with detail at every scale: a linear gradient under a radial one."""
    horizontal = Image.linear_gradient("L").resize((width, height))
    radial = Image.radial_gradient("L").resize((width, height))
    return Image.merge("RGB", (horizontal, radial, ImageOps.invert(horizontal)))


def opened(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content))


@pytest.mark.parametrize(
    ("size", "expected"),
    [(1024, (1024, 683)), (512, (512, 341)), (256, (256, 171)), (128, (128, 85))],
)
def test_each_size_is_measured_on_the_full_picture(size, expected):
    thumbnails = thumbnails_make(encode(photo(3000, 2000), "JPEG", quality=90), sizes=SIZES)

    assert opened(thumbnails[size]).size == expected


def test_a_turned_photo_keeps_its_exact_portrait_sizes():
    content = encode(
        photo(3001, 2001), "JPEG", quality=90, exif=exif_with_orientation_and_gps(6).tobytes()
    )

    thumbnails = thumbnails_make(content, sizes=SIZES)

    assert opened(thumbnails[1024]).size == (683, 1024)
    assert opened(thumbnails[128]).size == (85, 128)


def striped_photo(width: int, height: int) -> Image.Image:
    """Fine white stripes over blurred noise: a resize that aliases shows at once."""
    picture = Image.effect_noise((width // 16, height // 16), 90).convert("RGB")
    picture = picture.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(picture)
    for x in range(0, width, 40):
        draw.line((x, 0, x, height), fill=(255, 255, 255), width=6)
    return picture


def test_a_fast_thumbnail_looks_like_a_full_size_lanczos_resize():
    content = encode(striped_photo(4000, 3000), "JPEG", quality=95)

    thumbnail = opened(thumbnails_make(content, sizes=SIZES)[256]).convert("RGB")

    # The same resize from every decoded pixel, through the same WebP encoder. (A resize that
    # skips pixels, like nearest-neighbour, is about 31 levels away on average.)
    full_size = opened(content).convert("RGB").resize((256, 192), Image.Resampling.LANCZOS)
    reference = opened(encode(full_size, "WEBP", quality=THUMBNAIL_QUALITY, method=4))
    difference = ImageStat.Stat(ImageChops.difference(thumbnail, reference.convert("RGB"))).mean
    assert max(difference) < 6
