import re
import threading
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image

from catalogue.models import ProductImage, ProductThumbnail
from catalogue.services import product_image_add, product_image_thumbnails_make
from tests.catalogue.pictures import encode, is_red, media_files, two_colour_image
from tests.factories import make_product


@pytest.mark.django_db
def test_thumbnails_are_made_after_commit_as_webp_and_only_once(
    settings, django_capture_on_commit_callbacks
):
    settings.THUMBNAIL_SIZES = (100, 300, 1000)
    product = make_product()
    content = encode(two_colour_image(600, 300), "JPEG")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image = product_image_add(product=product, upload=ContentFile(content, name="big.jpg"))
        assert ProductThumbnail.objects.count() == 0

    assert len(callbacks) == 1
    thumbnails = list(ProductThumbnail.objects.filter(image=image).order_by("size"))
    assert [thumbnail.size for thumbnail in thumbnails] == [100, 300, 1000]
    dimensions = {}
    for thumbnail in thumbnails:
        assert re.fullmatch(
            rf"thumbnails/\d{{4}}/\d{{2}}/big-{thumbnail.size}\.webp", thumbnail.file.name
        )
        with Image.open(Path(settings.MEDIA_ROOT) / thumbnail.file.name) as picture:
            assert picture.format == "WEBP"
            dimensions[thumbnail.size] = picture.size
            assert is_red(
                picture.convert("RGB").getpixel((picture.width // 8, picture.height // 2))
            )
    assert dimensions == {100: (100, 50), 300: (300, 150), 1000: (600, 300)}
    files_after_first_run = media_files()
    assert len(files_after_first_run) == 4

    assert product_image_thumbnails_make(image_id=image.pk) == []
    assert ProductThumbnail.objects.filter(image=image).count() == 3
    assert media_files() == files_after_first_run


@pytest.mark.django_db
def test_only_the_missing_thumbnail_sizes_are_made(settings):
    settings.THUMBNAIL_SIZES = (64,)
    product = make_product()
    content = encode(two_colour_image(300, 200), "PNG")
    image = product_image_add(product=product, upload=ContentFile(content, name="a.png"))
    product_image_thumbnails_make(image_id=image.pk)
    settings.THUMBNAIL_SIZES = (64, 128)

    made = product_image_thumbnails_make(image_id=image.pk)

    assert [thumbnail.size for thumbnail in made] == [128]
    with Image.open(Path(settings.MEDIA_ROOT) / made[0].file.name) as picture:
        assert picture.size == (128, 85)
    assert sorted(image.thumbnails.values_list("size", flat=True)) == [64, 128]


@pytest.mark.django_db
def test_thumbnails_of_a_deleted_image_are_a_no_op():
    product = make_product()
    content = encode(two_colour_image(20, 20), "JPEG")
    image = product_image_add(product=product, upload=ContentFile(content, name="a.jpg"))
    image_id = image.pk
    image.delete()

    assert product_image_thumbnails_make(image_id=image_id) == []
    assert ProductThumbnail.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_make_each_thumbnail_once(settings):
    settings.THUMBNAIL_SIZES = (32, 64)
    product = make_product()
    # Stored without the service, so that no thumbnail task runs on commit.
    image = ProductImage(product=product, width=200, height=100)
    image.image.save("a.png", ContentFile(encode(two_colour_image(200, 100), "PNG")), save=False)
    image.save()
    barrier = threading.Barrier(2)
    made: list[list[ProductThumbnail]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            made.append(product_image_thumbnails_make(image_id=image.pk))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(len(thumbnails) for thumbnails in made) == [0, 2]
    assert sorted(image.thumbnails.values_list("size", flat=True)) == [32, 64]
    assert len(media_files()) == 3
