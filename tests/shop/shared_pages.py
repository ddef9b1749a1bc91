"""A product on every page that keeps parts for every visitor, and how tests read those pages
(tests/shop/test_shared_parts*.py)."""

from decimal import Decimal

from django.test import Client

from catalogue.models import Product, ReviewStatus
from producers.models import Producer
from shop.accounts.models import User
from tests.factories import make_listed_product, make_variant


def listed_cheese() -> tuple[Producer, User, Product]:
    """An approved product of a selling producer, on every listing: €3.90, ten in stock."""
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product.name = "Cabécou du Causse"
    product.save(update_fields=["name"])
    make_variant(product=product, sku="CAB-1", price=Decimal("3.90"), stock_quantity=10)
    return producer, owner, product


def pages_of(product: Product) -> dict[str, str]:
    """The pages showing `product`'s card, by kind."""
    return {
        "home": "/en/",
        "category": f"/en/c/{product.category.slug}/",
        "producer": f"/en/producers/{product.seller.slug}/",
        "search": "/en/search/?q=cabecou",
    }


def text(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def card_of(product: Product, page: str) -> str:
    """The product card of `product` on `page`."""
    start = page.index(f'<a href="/en/p/{product.slug}/">')
    end = page.index("</p>\n</li>", page.index('<p class="price">', start))
    return page[page.rindex('<li class="product-card">', 0, start) : end]
