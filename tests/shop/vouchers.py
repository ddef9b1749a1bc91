"""Carts for the promo code tests: picked up at the farm, so without delivery cost."""

from decimal import Decimal

from catalogue.models import ProductVariant, Seller, VatRate
from shop.checkout.models import Checkout
from tests.factories import make_producer, make_product, make_ready_checkout, make_variant


def pickup_seller() -> Seller:
    """A selling producer whose shoppers collect their orders at the farm (no delivery cost)."""
    producer = make_producer(pickup_place="La ferme", pickup_days="Sat")
    producer.seller.is_selling = True
    producer.seller.save(update_fields=["is_selling"])
    return producer.seller


def pickup_variant(price: Decimal) -> ProductVariant:
    """A product at `price` (5.5 % VAT) that a pickup producer sells."""
    return make_variant(price=price, product=make_product(seller=pickup_seller()))


def pickup_basket() -> tuple[Checkout, dict[str, ProductVariant]]:
    """One producer offering pickup (so no delivery cost): 3 cheeses at 3.90 and walnuts at
    9.50 (5.5 %), a tote bag at 12.50 (20 %); 33.70 in all."""
    seller = pickup_seller()
    cheese = make_variant(price=Decimal("3.90"), product=make_product(seller=seller))
    walnuts = make_variant(price=Decimal("9.50"), product=make_product(seller=seller))
    tote = make_variant(
        price=Decimal("12.50"), product=make_product(seller=seller, vat_rate=VatRate.STANDARD)
    )
    checkout = make_ready_checkout((cheese, 3), (walnuts, 1), (tote, 1))
    return checkout, {"cheese": cheese, "walnuts": walnuts, "tote": tote}
