"""Picture addresses for the API: absolute URLs of the right file for a requested size."""

from catalogue.images import thumbnail_for_size
from catalogue.models import ProductImage, ProductThumbnail

THUMBNAILS = ProductThumbnail._meta.get_field("file").storage


def image_url(info, image: ProductImage, size: int | None) -> str:
    """The absolute URL of `image` shown at `size` pixels: its smallest thumbnail at least that
    wide, else the original (see `image_file_for_size`); the image comes from ImagesByProduct,
    with its thumbnails."""
    name = thumbnail_for_size(image.sized_thumbnails, size) if size else None
    url = THUMBNAILS.url(name) if name else image.image.url
    return info.context.request.build_absolute_uri(url)
