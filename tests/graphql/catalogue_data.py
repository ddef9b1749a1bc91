"""Catalogue rows the API tests read: products with photos, thumbnails and claims."""

from decimal import Decimal

from django.core.files.base import ContentFile

from catalogue.models import ProductImage, ProductThumbnail, QualitySign
from tests.factories import make_claim, make_product, make_variant


def make_pictured_product(**overrides):
    """A product for sale with two variants, a photo with a 256 px thumbnail, its own AOP
    claim in force and a seller's title in force."""
    product = make_product(**overrides)
    make_variant(product=product, price=Decimal("3.90"), position=0)
    make_variant(product=product, price=Decimal("7.50"), position=1, stock_quantity=0)
    image = ProductImage(product=product, alt="Un disque", width=800, height=600)
    image.image.save("photo.jpg", ContentFile(b"jpeg"), save=False)
    image.save()
    thumbnail = ProductThumbnail(image=image, size=256)
    thumbnail.file.save("thumb.webp", ContentFile(b"webp"), save=False)
    thumbnail.save()
    make_claim(product=product, sign=QualitySign.objects.get(code="aop"), status="approved")
    return product
