"""What a product card shows, read once in Python: a grid then renders plain values, not a
template include, filters and related managers per card (the bulk of a listing's rendering)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from catalogue.images import image_file_for_size
from catalogue.models import Product
from catalogue.selectors import CARD_IMAGE_SIZE
from shop.templatetags.money import euros


@dataclass(frozen=True, slots=True)
class ProductCard:
    # No stock: the pages of cards (home, search, a producer's) stay kept through a sell-out
    # (shop.storefront.shared_parts, `shows_stock`); a card showing it would move them to the
    # full count.
    url: str
    name: str
    seller: str
    image_url: str  # "" without a photo
    image_alt: str
    signs: list[str]  # the names of the signs in force, in the active language
    brand_approved: bool
    price: str  # the lowest price, written in euros; "" without a variant
    prices_differ: bool


def product_cards_of(products: Iterable[Product]) -> list[ProductCard]:
    """The cards of `products`, loaded with `catalogue.selectors.product_cards` (or
    `product_cards_load`), in the active language."""
    return [_card(product) for product in products]


def _card(product: Product) -> ProductCard:
    images = product.images.all()
    image = images[0] if images else None
    prices = {variant.price for variant in product.variants.all()}
    return ProductCard(
        url=reverse("storefront:product", args=[product.slug]),
        name=product.translated("name"),
        seller=product.seller.name,
        image_url=image_file_for_size(image, CARD_IMAGE_SIZE).url if image else "",
        image_alt=image.translated("alt") if image else "",
        signs=[claim.sign.translated("name") for claim in product.label_claims.all()],
        brand_approved=bool(product.brand_approved_at),
        price=euros(min(prices)) if prices else "",
        prices_differ=len(prices) > 1,
    )
