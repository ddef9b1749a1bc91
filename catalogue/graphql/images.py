"""Picture addresses for the API: the right thumbnail for a requested size."""

from django.http import HttpRequest

from catalogue.models import ProductImage


def image_url(request: HttpRequest, image: ProductImage, size: int | None) -> str:
    """The absolute URL of the smallest stored thumbnail at least `size` wide (thumbnails are
    made by a task after upload), else of the original image."""
    if size:
        for thumbnail in image.thumbnails.all():  # ordered by size by the loader
            if thumbnail.size >= size:
                return request.build_absolute_uri(thumbnail.file.url)
    return request.build_absolute_uri(image.image.url)
