"""Picture addresses for the API: absolute URLs of the right file for a requested size."""

from django.http import HttpRequest

from catalogue.images import image_file_for_size
from catalogue.models import ProductImage


def image_url(request: HttpRequest, image: ProductImage, size: int | None) -> str:
    """The absolute URL of `image` shown at `size` pixels (see `image_file_for_size`)."""
    return request.build_absolute_uri(image_file_for_size(image, size).url)
