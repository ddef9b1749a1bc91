"""Share pictures: 1200 x 630, the signs' badges, the brand mark apart and never on a protected
wine, made after commit, kept until the product changes."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image, ImageOps

from branding.badges import SIGN_BADGES
from branding.models import ShareImage
from branding.services.share_images import share_image_refresh
from branding.share_images import (
    BRAND_MARK_HEIGHT,
    SIGN_SIZE,
    brand_mark_box,
    sign_position,
)
from branding.theme import colour
from catalogue.models import ClaimStatus, QualitySign, VatRate
from catalogue.services import product_image_add
from tests.factories import make_claim, make_producer, make_product, make_seller, make_variant

pytestmark = pytest.mark.django_db

# A photo in four flat colours: what the share picture's photo panel shows is easy to check.
QUARTERS = ((200, 40, 40), (40, 160, 60), (40, 60, 200), (230, 200, 40))


def quartered_photo() -> bytes:
    photo = Image.new("RGB", (900, 900), QUARTERS[0])
    photo.paste(QUARTERS[1], (450, 0, 900, 450))
    photo.paste(QUARTERS[2], (0, 450, 450, 900))
    photo.paste(QUARTERS[3], (450, 450, 900, 900))
    buffer = io.BytesIO()
    photo.save(buffer, format="PNG")
    return buffer.getvalue()


def product_with_photo(**fields):
    seller = make_seller(name="Domaine de Cause", town="Cahors", is_selling=True)
    product = make_product(seller=seller, **fields)
    make_variant(product=product, price="12.50")
    product_image_add(product=product, upload=ContentFile(quartered_photo(), name="photo.png"))
    return product


def approve_claim(product, code: str):
    make_claim(
        product=product, sign=QualitySign.objects.get(code=code), status=ClaimStatus.APPROVED
    )


def picture_of(stored: ShareImage) -> Image.Image:
    with stored.file.open("rb") as handle:
        return Image.open(io.BytesIO(handle.read())).convert("RGB")


def centre_of_badge(index: int) -> tuple[int, int]:
    left, top = sign_position(index)
    return left + SIGN_SIZE // 2, top + SIGN_SIZE // 6


def colour_of(value: str) -> tuple[int, int, int]:
    return tuple(int(value.lstrip("#")[index : index + 2], 16) for index in (0, 2, 4))


def close(pixel, expected, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


def brand_mark_pixels(picture: Image.Image) -> set:
    left, top, right, bottom = brand_mark_box()
    return {pixel for _count, pixel in picture.crop((left, top, right, bottom)).getcolors(1 << 20)}


def test_the_picture_is_1200_by_630_with_a_badge_per_sign_and_the_brand_mark_apart():
    product = product_with_photo(name="Rocamadour", brand_approved_at=timezone.now())
    approve_claim(product, "aop")
    approve_claim(product, "ab")
    picture = picture_of(share_image_refresh(product_id=product.pk))
    assert picture.size == (1200, 630)
    assert picture.getpixel((0, 0)) != colour("paper")  # the photo starts at the edge
    fills = [picture.getpixel(centre_of_badge(index)) for index in range(2)]
    assert close(fills[0], colour_of(SIGN_BADGES["aop"].fill))
    assert close(fills[1], colour_of(SIGN_BADGES["ab"].fill))
    assert close(picture.getpixel(centre_of_badge(2)), colour("paper"))  # two signs, two badges
    left, top, right, _bottom = brand_mark_box()
    assert top > sign_position(0)[1] + SIGN_SIZE  # below the signs' row, never among them
    assert close(picture.getpixel((left + 20, top + BRAND_MARK_HEIGHT // 2)), colour("lot-blue"))
    assert right <= 1200


def test_the_photo_panel_is_the_photo_as_it_is():
    product = product_with_photo(name="Rocamadour", brand_approved_at=timezone.now())
    picture = picture_of(share_image_refresh(product_id=product.pk))
    expected = ImageOps.fit(Image.open(io.BytesIO(quartered_photo())).convert("RGB"), (630, 630))
    for point in ((100, 100), (530, 100), (100, 530), (530, 530), (5, 625)):
        assert close(picture.getpixel(point), expected.getpixel(point), tolerance=3)


def test_an_aop_wine_never_carries_the_brand_mark():
    wine = product_with_photo(
        name="Cahors AOP",
        brand_approved_at=timezone.now(),
        is_alcohol=True,
        alcohol_by_volume="13.5",
        vat_rate=VatRate.STANDARD,
    )
    approve_claim(wine, "aop")
    picture = picture_of(share_image_refresh(product_id=wine.pk))
    assert all(close(pixel, colour("paper")) for pixel in brand_mark_pixels(picture))
    expected = ImageOps.fit(Image.open(io.BytesIO(quartered_photo())).convert("RGB"), (630, 630))
    for point in ((100, 100), (530, 530)):
        assert close(picture.getpixel(point), expected.getpixel(point), tolerance=3)


def test_a_product_without_the_approval_has_no_brand_mark():
    product = product_with_photo(name="Noix")
    picture = picture_of(share_image_refresh(product_id=product.pk))
    assert all(close(pixel, colour("paper")) for pixel in brand_mark_pixels(picture))


def test_the_picture_is_kept_until_the_product_changes_then_made_again(
    django_capture_on_commit_callbacks,
):
    product = product_with_photo(name="Rocamadour")
    first = share_image_refresh(product_id=product.pk)
    first_name = first.file.name
    assert share_image_refresh(product_id=product.pk).file.name == first_name
    product.brand_approved_at = timezone.now()
    product.save(update_fields=["brand_approved_at"])
    with django_capture_on_commit_callbacks(execute=True):
        again = share_image_refresh(product_id=product.pk)
    assert (again.pk, ShareImage.objects.count()) == (first.pk, 1)
    assert again.file.name != first_name
    assert not default_storage.exists(first_name)  # the old picture went after commit
    assert close(picture_of(again).getpixel((brand_mark_box()[0] + 20, 566)), colour("lot-blue"))


def test_no_picture_for_a_product_not_for_sale():
    product = product_with_photo(name="Rocamadour", review_status="draft")
    assert share_image_refresh(product_id=product.pk) is None
    assert ShareImage.objects.count() == 0


def test_the_product_page_queues_the_picture_after_commit_then_serves_it_in_its_head(
    client, django_capture_on_commit_callbacks
):
    product = product_with_photo(name="Rocamadour")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = client.get(f"/en/p/{product.slug}/").content.decode()
    assert len(callbacks) == 1
    assert 'property="og:image"' not in first
    stored = ShareImage.objects.get(product=product)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = client.get(f"/en/p/{product.slug}/").content.decode()
    assert callbacks == []
    assert f'<meta property="og:image" content="http://testserver{stored.file.url}">' in page
    assert '<meta property="og:image:width" content="1200">' in page


def test_an_expired_sign_is_not_drawn():
    product = product_with_photo(name="Rocamadour")
    make_claim(
        product=product,
        sign=QualitySign.objects.get(code="aop"),
        status=ClaimStatus.APPROVED,
        valid_until=date.today() - timedelta(days=1),
        is_essential=False,
    )
    picture = picture_of(share_image_refresh(product_id=product.pk))
    assert close(picture.getpixel(centre_of_badge(0)), colour("paper"))


def test_a_sellers_page_serves_its_share_picture_with_the_signs_it_holds(
    client, django_capture_on_commit_callbacks
):
    seller = make_seller(slug="coutellerie-du-cele", name="Coutellerie du Célé", is_selling=True)
    make_producer(seller=seller)
    make_claim(seller=seller, sign=QualitySign.objects.get(code="artisan"), status="approved")
    make_variant(product=make_product(seller=seller))
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/en/producers/coutellerie-du-cele/")
    stored = ShareImage.objects.get(seller=seller)
    picture = picture_of(stored)
    assert picture.size == (1200, 630)
    assert close(picture.getpixel(centre_of_badge(0)), colour_of(SIGN_BADGES["artisan"].fill))
    assert all(close(pixel, colour("paper")) for pixel in brand_mark_pixels(picture))
    page = client.get("/en/producers/coutellerie-du-cele/").content.decode()
    assert f'<meta property="og:image" content="http://testserver{stored.file.url}">' in page
