"""A producer's part of a shopper's order, for the fulfilment tests."""

from decimal import Decimal

from catalogue.models import ReviewStatus
from producers.models import Producer
from shop.accounts.models import User
from shop.checkout.complete import checkout_complete
from shop.orders.models import FulfilmentGroup
from shop.orders.services import order_payment_succeed
from tests.factories import make_listed_product, make_ready_checkout, make_variant


def placed_group(
    *, pickup: bool = False, paid: bool = True, quantity: int = 2
) -> tuple[Producer, User, FulfilmentGroup]:
    """An approved producer, its owner, and its part of an order of `quantity` cheeses at 3.90
    by emma@example.org (paid unless `paid` is False; to collect at the farm when `pickup`)."""
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    if pickup:
        producer.pickup_place = "La ferme, Rocamadour"
        producer.save(update_fields=["pickup_place"])
    variant = make_variant(product=product, price=Decimal("3.90"))
    order = checkout_complete(checkout=make_ready_checkout((variant, quantity)))
    if paid:
        order_payment_succeed(order=order, gateway="builtin", reference=f"ref-{order.pk}")
    return producer, owner, order.groups.get()
