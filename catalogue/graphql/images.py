"""Picture addresses for the API: absolute URLs of the right file for a requested size."""

from catalogue.graphql.dataloaders import ThumbnailsByImage
from catalogue.images import image_file_for_size
from catalogue.models import ProductImage


def image_url(info, image: ProductImage, size: int | None) -> str:
    """The absolute URL of `image` shown at `size` pixels (see `image_file_for_size`), its
    thumbnails read through the request's loader."""
    thumbnails = info.context.loaders.get(ThumbnailsByImage).load(image.pk) if size else ()
    return info.context.request.build_absolute_uri(image_file_for_size(image, size, thumbnails).url)
