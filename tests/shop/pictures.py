"""Product photos for page tests: database rows only, the files are never read."""

from catalogue.models import Product, ProductImage, ProductThumbnail


def add_image(product: Product, *, name: str, alt: str = "", translations=None) -> ProductImage:
    """A 1200 by 900 photo of `product` with its 256 and 512 pixel thumbnails."""
    image = ProductImage.objects.create(
        product=product,
        image=f"products/2026/01/{name}.jpg",
        alt=alt,
        translations=translations or {},
        width=1200,
        height=900,
    )
    for size in (256, 512):
        ProductThumbnail.objects.create(
            image=image, size=size, file=f"thumbnails/2026/01/{name}-{size}.webp"
        )
    return image
