"""Every write of the catalogue: keyword-only typed functions named <thing>_<verb>."""

from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalogue import images
from catalogue.error_codes import CatalogueErrorCode
from catalogue.models import Product, ProductImage, ProductThumbnail

# Product images ---------------------------------------------------------------------------

_IMAGE_STEM_MAX_LENGTH = 50


def _image_file_stem(upload_name: str | None) -> str:
    """A safe file-name stem from the uploaded name ("../Été 2024!.JPG" -> "ete-2024")."""
    stem = slugify(Path(upload_name or "").stem)[:_IMAGE_STEM_MAX_LENGTH].strip("-_")
    return stem or "image"


def _alt_translations(alt_translations: dict[str, str] | None) -> dict[str, dict[str, str]]:
    """The `translations` value of an image from {language: alt text}; empty texts are left out."""
    if not alt_translations:
        return {}
    unknown = sorted(set(alt_translations) - set(settings.CONTENT_TRANSLATION_LANGUAGES))
    if unknown:
        raise ValidationError(
            {
                "alt_translations": ValidationError(
                    _("Unknown translation language: %(languages)s."),
                    code=CatalogueErrorCode.INVALID_TRANSLATION.value,
                    params={"languages": ", ".join(unknown)},
                )
            }
        )
    return {language: {"alt": text} for language, text in alt_translations.items() if text}


def _product_image_thumbnails_queue(*, image_id: int) -> None:
    # Imported here: the tasks module imports this one (tasks call services).
    from catalogue.tasks import product_image_thumbnails_make_task

    product_image_thumbnails_make_task.delay(image_id=image_id)


def product_image_add(
    *,
    product: Product,
    upload: File,
    alt: str = "",
    alt_translations: dict[str, str] | None = None,
    published: bool = True,
) -> ProductImage:
    """Add a photo to `product`, at the end of its images, and queue its thumbnails.

    An unpublished photo is kept from shoppers until `published` is set (a chamber's approval).

    The upload is validated by content and stored re-encoded (upright, without metadata) under
    the extension of its real format. Raises ValidationError (codes in CatalogueErrorCode) for a
    bad file or bad alt texts; nothing is saved then. If the database write fails after the file
    was stored, the file is deleted. The thumbnail task is queued once the transaction commits.
    """
    clean = images.image_clean(upload)
    image = ProductImage(
        product=product,
        alt=alt,
        translations=_alt_translations(alt_translations),
        width=clean.width,
        height=clean.height,
        is_published=published,
    )
    image.full_clean(exclude=["image", "position"])
    file_name = f"{_image_file_stem(getattr(upload, 'name', None))}.{clean.extension}"

    stored_name: str | None = None
    try:
        with transaction.atomic():
            # Lock the product so that two uploads at once get distinct positions.
            Product.objects.select_for_update().only("pk").get(pk=product.pk)
            last_position = product.images.aggregate(last=Max("position"))["last"]
            image.position = 0 if last_position is None else last_position + 1
            image.image.save(file_name, ContentFile(clean.content), save=False)
            stored_name = image.image.name
            image.save()
            transaction.on_commit(
                partial(_product_image_thumbnails_queue, image_id=image.pk), robust=True
            )
    except BaseException:
        if stored_name:
            image.image.storage.delete(stored_name)
        raise
    return image


def product_image_thumbnails_make(*, image_id: int) -> list[ProductThumbnail]:
    """Make the missing WebP thumbnails of an image, one per size in settings.THUMBNAIL_SIZES.

    Returns the thumbnails made by this call: an empty list when they all existed already or
    when the image no longer exists. The image row is locked while the thumbnails are made, so
    two workers running this at once make each thumbnail once. If the database write fails,
    the files stored by this call are deleted.
    """
    stored: list[tuple[ProductThumbnail, str]] = []
    try:
        with transaction.atomic():
            image = ProductImage.objects.select_for_update().filter(pk=image_id).first()
            if image is None:
                return []
            existing = set(image.thumbnails.values_list("size", flat=True))
            missing = [size for size in settings.THUMBNAIL_SIZES if size not in existing]
            if not missing:
                return []
            with image.image.open("rb") as source:
                content = source.read()
            stem = Path(image.image.name).stem
            made = images.thumbnails_make(content, sizes=missing)
            for size in missing:
                thumbnail = ProductThumbnail(image=image, size=size)
                thumbnail.file.save(f"{stem}-{size}.webp", ContentFile(made[size]), save=False)
                stored.append((thumbnail, thumbnail.file.name))
                thumbnail.save()
    except BaseException:
        for thumbnail, name in stored:
            thumbnail.file.storage.delete(name)
        raise
    return [thumbnail for thumbnail, _name in stored]
