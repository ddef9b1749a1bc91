"""Saleor's single delivery method, projected onto our delivery per producer.

Saleor's checkout has one delivery method; ours has one per producer (seller group). The API
offers a projection that stays true:
- one shipping method, "Home delivery", applies to every group: each group travels by the
  method its lines need (chilled express for chilled lines, else a standard parcel), priced per
  group and summed. It is offered when every group can be delivered to the address's country;
- pickup at the producer appears as a collection point (Saleor's `Warehouse`) only where it can
  serve the whole cart: a cart of one producer who offers pickup.
Choosing one of them sets the delivery of every group through `checkout_delivery_set`.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy

from shop.checkout.graphql.warehouses import WarehouseValue
from shop.checkout.models import Checkout
from shop.checkout.selectors import CheckoutSummary, SellerGroup
from shop.checkout.services import checkout_delivery_set
from shop.graphql.core.ids import from_global_id, pk_from_global_id, to_global_id
from shop.graphql.core.money import MoneyValue, money
from shop.shipping.models import DeliveryMethod
from shop.shipping.selectors import DeliveryOption, lowest_parcel_rate

HOME_DELIVERY = "home"
HOME_DELIVERY_NAME = gettext_lazy("Home delivery")


@dataclass(frozen=True)
class ShippingMethodValue:
    id: str
    name: str
    price: MoneyValue
    active: bool = True
    message: str = ""
    description: None = None
    minimum_delivery_days: int | None = None
    maximum_delivery_days: int | None = None


@dataclass(frozen=True)
class DeliveryValue:
    id: str
    shipping_method: ShippingMethodValue | None


def _home_option(group: SellerGroup) -> DeliveryOption | None:
    return next((o for o in group.options if o.method != DeliveryMethod.PICKUP), None)


def _pickup_option(group: SellerGroup) -> DeliveryOption | None:
    return next((o for o in group.options if o.method == DeliveryMethod.PICKUP), None)


def home_delivery(summary: CheckoutSummary) -> ShippingMethodValue | None:
    """Delivery of every group to the address, or None when a group cannot be delivered."""
    options = [_home_option(group) for group in summary.groups]
    if not options or None in options:
        return None
    return ShippingMethodValue(
        id=to_global_id("ShippingMethod", HOME_DELIVERY),
        name=HOME_DELIVERY_NAME,
        price=money(sum((option.price for option in options), Decimal("0.00"))),
    )


def cheapest_home_delivery() -> ShippingMethodValue | None:
    """Home delivery at the lowest of its prices (a light parcel), before any cart."""
    price = lowest_parcel_rate()
    if price is None:
        return None
    return ShippingMethodValue(
        id=to_global_id("ShippingMethod", HOME_DELIVERY),
        name=HOME_DELIVERY_NAME,
        price=money(price),
    )


def collection_points(summary: CheckoutSummary) -> list[WarehouseValue]:
    """Pickup at the producer, when a single producer's lines fill the cart and it offers it."""
    if len(summary.groups) != 1:
        return []
    group = summary.groups[0]
    option = _pickup_option(group)
    if option is None:
        return []
    return [WarehouseValue(seller=group.seller, detail=option.detail)]


def chosen_delivery(summary: CheckoutSummary) -> DeliveryValue | None:
    """The delivery chosen for the whole cart, when every group has its choice."""
    chosen = [group.chosen for group in summary.groups]
    if not chosen or None in chosen:
        return None
    if all(option.method != DeliveryMethod.PICKUP for option in chosen):
        method = home_delivery(summary)
        return DeliveryValue(id=to_global_id("Delivery", HOME_DELIVERY), shipping_method=method)
    return DeliveryValue(id=to_global_id("Delivery", DeliveryMethod.PICKUP), shipping_method=None)


@transaction.atomic
def delivery_method_choose(*, checkout: Checkout, summary: CheckoutSummary, method_id: str) -> bool:
    """Set every group's delivery for the shipping method or collection point `method_id`;
    False when the id names neither (the service refuses a method not offered)."""
    if from_global_id(method_id, "ShippingMethod") == HOME_DELIVERY:
        for group in summary.groups:
            option = _home_option(group)
            method = option.method if option else DeliveryMethod.STANDARD
            checkout_delivery_set(checkout=checkout, seller_id=group.seller.pk, method=method)
        return True
    seller_id = pk_from_global_id(method_id, "Warehouse")
    if seller_id is None:
        return False
    checkout_delivery_set(checkout=checkout, seller_id=seller_id, method=DeliveryMethod.PICKUP)
    return True
