import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin

from catalogue.error_codes import CatalogueErrorCode
from catalogue.models import ProductImage
from catalogue.services import product_image_add
from tests.catalogue.pictures import (
    BLUE,
    RED,
    animated,
    encode,
    exif_with_orientation_and_gps,
    is_blue,
    is_red,
    media_files,
    noisy_jpeg,
    png_declaring,
    stored,
    two_colour_image,
)
from tests.factories import make_product

# Accepted uploads ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_jpeg_with_exif_orientation_is_stored_upright_without_any_metadata():
    product = make_product()
    content = encode(
        two_colour_image(60, 40),
        "JPEG",
        exif=exif_with_orientation_and_gps(6),
        comment=b"secret comment",
        xmp=b"<x:xmpmeta>secret xmp</x:xmpmeta>",
    )

    image = product_image_add(
        product=product, upload=ContentFile(content, name="IMG_0042.JPG"), alt="Un rocamadour"
    )

    assert (image.width, image.height) == (40, 60)
    assert re.fullmatch(r"products/\d{4}/\d{2}/img_0042\.jpg", image.image.name)
    with stored(image) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (40, 60)
        assert dict(picture.getexif()) == {}
        assert not {"exif", "xmp", "comment"} & set(picture.info)
        rgb = picture.convert("RGB")
        # Orientation 6 means "rotate 90 degrees clockwise": the left (red) half goes on top.
        assert is_red(rgb.getpixel((20, 5)))
        assert is_blue(rgb.getpixel((20, 55)))
    raw = (Path(settings.MEDIA_ROOT) / image.image.name).read_bytes()
    assert b"secret" not in raw
    assert b"SecretCam" not in raw


@pytest.mark.django_db
def test_png_is_accepted_and_stored_as_png_whatever_its_name():
    product = make_product()
    picture = two_colour_image(30, 20, mode="RGBA")
    picture.putpixel((0, 0), (0, 255, 0, 0))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "secret author")
    content = encode(picture, "PNG", pnginfo=text)

    image = product_image_add(product=product, upload=ContentFile(content, name="photo.jpg"))

    assert (image.width, image.height) == (30, 20)
    assert re.fullmatch(r"products/\d{4}/\d{2}/photo\.png", image.image.name)
    with stored(image) as saved:
        assert saved.format == "PNG"
        assert saved.mode == "RGBA"
        assert saved.getpixel((0, 0)) == (0, 255, 0, 0)
        assert saved.getpixel((29, 19)) == (*BLUE, 255)
        assert "Author" not in saved.info


@pytest.mark.django_db
def test_webp_is_accepted_and_stored_as_webp_without_exif():
    product = make_product()
    content = encode(two_colour_image(50, 30), "WEBP", exif=exif_with_orientation_and_gps(1))

    image = product_image_add(product=product, upload=ContentFile(content, name="pic.webp"))

    assert (image.width, image.height) == (50, 30)
    assert image.image.name.endswith("/pic.webp")
    with stored(image) as saved:
        assert saved.format == "WEBP"
        assert "exif" not in saved.info
        assert dict(saved.getexif()) == {}


@pytest.mark.django_db
def test_the_icc_profile_is_kept():
    product = make_product()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    content = encode(two_colour_image(20, 20), "JPEG", icc_profile=profile)

    image = product_image_add(product=product, upload=ContentFile(content, name="x.jpg"))

    with stored(image) as saved:
        assert saved.info["icc_profile"] == profile


@pytest.mark.django_db
def test_a_multi_picture_jpeg_is_stored_as_its_main_picture():
    product = make_product()
    content = encode(
        Image.new("RGB", (40, 30), RED),
        "MPO",
        save_all=True,
        append_images=[Image.new("RGB", (40, 30), BLUE)],
    )

    image = product_image_add(product=product, upload=ContentFile(content, name="phone.jpg"))

    with stored(image) as saved:
        assert saved.format == "JPEG"
        assert getattr(saved, "n_frames", 1) == 1
        assert is_red(saved.getpixel((20, 15)))


@pytest.mark.django_db
def test_the_file_name_is_made_safe_and_a_nameless_upload_gets_one():
    product = make_product()
    content = encode(two_colour_image(20, 20), "PNG")

    named = product_image_add(
        product=product, upload=ContentFile(content, name="../../Été en Quercy!.PNG")
    )
    nameless = product_image_add(product=product, upload=ContentFile(content))

    assert re.fullmatch(r"products/\d{4}/\d{2}/ete-en-quercy\.png", named.image.name)
    assert re.fullmatch(r"products/\d{4}/\d{2}/image\.png", nameless.image.name)


@pytest.mark.django_db
def test_images_go_to_the_end_and_keep_their_alt_translations():
    product = make_product()
    other_product = make_product()
    content = encode(two_colour_image(20, 20), "JPEG")
    product_image_add(product=other_product, upload=ContentFile(content, name="a.jpg"))

    first = product_image_add(
        product=product,
        upload=ContentFile(content, name="a.jpg"),
        alt="Cabécou sur ardoise",
        alt_translations={"en": "Cabécou cheese on slate"},
    )
    second = product_image_add(product=product, upload=ContentFile(content, name="b.jpg"))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (0, 1)
    assert first.alt == "Cabécou sur ardoise"
    assert first.translations == {"en": {"alt": "Cabécou cheese on slate"}}
    assert first.translated("alt", "en") == "Cabécou cheese on slate"
    assert second.alt == ""
    assert second.translations == {}


# Refused uploads ----------------------------------------------------------------------------

REFUSED = [
    pytest.param(
        lambda: encode(two_colour_image(20, 20), "GIF"),
        CatalogueErrorCode.UNSUPPORTED_IMAGE_FORMAT,
        id="gif",
    ),
    pytest.param(
        lambda: encode(two_colour_image(20, 20), "BMP"),
        CatalogueErrorCode.UNSUPPORTED_IMAGE_FORMAT,
        id="bmp",
    ),
    pytest.param(
        lambda: b"Just some text, certainly not a JPEG.\n",
        CatalogueErrorCode.INVALID_IMAGE,
        id="text-named-jpg",
    ),
    pytest.param(lambda: b"", CatalogueErrorCode.INVALID_IMAGE, id="empty"),
    pytest.param(
        lambda: noisy_jpeg()[: len(noisy_jpeg()) // 2],
        CatalogueErrorCode.INVALID_IMAGE,
        id="truncated-jpeg",
    ),
    pytest.param(
        lambda: png_declaring(30_000, 30_000),
        CatalogueErrorCode.IMAGE_TOO_MANY_PIXELS,
        id="decompression-bomb",
    ),
    pytest.param(
        lambda: png_declaring(8_000, 6_000),
        CatalogueErrorCode.IMAGE_TOO_MANY_PIXELS,
        id="over-the-pixel-setting",
    ),
    pytest.param(lambda: animated("PNG"), CatalogueErrorCode.ANIMATED_IMAGE, id="animated-png"),
    pytest.param(lambda: animated("WEBP"), CatalogueErrorCode.ANIMATED_IMAGE, id="animated-webp"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("make_content", "code"), REFUSED)
def test_a_bad_upload_is_refused_and_nothing_is_saved(
    settings, make_content: Callable[[], bytes], code: CatalogueErrorCode
):
    settings.IMAGE_MAX_PIXELS = 40_000_000
    product = make_product()

    with pytest.raises(ValidationError) as raised:
        product_image_add(product=product, upload=ContentFile(make_content(), name="photo.jpg"))

    assert raised.value.code == code.value
    assert ProductImage.objects.count() == 0
    assert media_files() == []


@pytest.mark.django_db
def test_the_refusal_messages_are_clear(settings):
    settings.IMAGE_MAX_PIXELS = 40_000_000
    product = make_product()
    gif = encode(two_colour_image(20, 20), "GIF")

    with translation.override("en"):
        with pytest.raises(ValidationError) as unsupported:
            product_image_add(product=product, upload=ContentFile(gif, name="a.gif"))
        with pytest.raises(ValidationError) as too_many_pixels:
            product_image_add(
                product=product, upload=ContentFile(png_declaring(8_000, 6_000), name="a.png")
            )
        assert unsupported.value.messages == [
            "Images must be JPEG, PNG or WebP files; this one is GIF."
        ]
        assert too_many_pixels.value.messages == [
            "This image has too many pixels (8000 x 6000): at most 40.0 megapixels."
        ]


@pytest.mark.django_db
def test_a_file_over_the_byte_limit_is_refused_and_one_at_the_limit_accepted(settings):
    product = make_product()
    content = encode(two_colour_image(20, 20), "PNG")
    settings.IMAGE_MAX_UPLOAD_BYTES = len(content) - 1

    with pytest.raises(ValidationError) as raised:
        product_image_add(product=product, upload=ContentFile(content, name="a.png"))

    assert raised.value.code == CatalogueErrorCode.IMAGE_TOO_LARGE.value
    assert ProductImage.objects.count() == 0
    assert media_files() == []

    settings.IMAGE_MAX_UPLOAD_BYTES = len(content)
    image = product_image_add(product=product, upload=ContentFile(content, name="a.png"))
    assert image.pk is not None


class UnreadableUpload(File):
    """An upload that declares its size and fails the test if anything reads it."""

    def __init__(self, size: int) -> None:
        super().__init__(io.BytesIO(), name="huge.jpg")
        self.size = size

    def read(self, *args, **kwargs) -> bytes:
        raise AssertionError("the upload was read although its size is over the limit")


@pytest.mark.django_db
def test_a_file_declaring_a_size_over_the_limit_is_refused_without_being_read(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1_000
    product = make_product()

    with pytest.raises(ValidationError) as raised:
        product_image_add(product=product, upload=UnreadableUpload(size=1_001))

    assert raised.value.code == CatalogueErrorCode.IMAGE_TOO_LARGE.value


@pytest.mark.django_db
def test_an_unknown_alt_translation_language_is_refused_and_nothing_is_saved():
    product = make_product()
    content = encode(two_colour_image(20, 20), "JPEG")

    with pytest.raises(ValidationError) as raised:
        product_image_add(
            product=product,
            upload=ContentFile(content, name="a.jpg"),
            alt_translations={"xx": "?"},
        )

    assert raised.value.error_dict["alt_translations"][0].code == (
        CatalogueErrorCode.INVALID_TRANSLATION.value
    )
    assert ProductImage.objects.count() == 0
    assert media_files() == []


@pytest.mark.django_db
def test_when_the_database_write_fails_the_stored_file_is_deleted():
    product = make_product()
    content = encode(two_colour_image(20, 20), "JPEG")
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(
            "CREATE FUNCTION test_refuse_image() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'image refused by the test'; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER test_refuse_image BEFORE INSERT ON catalogue_productimage "
            "FOR EACH ROW EXECUTE FUNCTION test_refuse_image()"
        )

    with pytest.raises(DatabaseError, match="image refused by the test"):
        product_image_add(product=product, upload=ContentFile(content, name="a.jpg"))

    assert ProductImage.objects.count() == 0
    assert media_files() == []
