"""Which delivery methods a producer's part of an order can use, and at what price."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min, QuerySet

from catalogue.models import Seller
from producers.models import Producer
from shop.compiled_reads import CompiledRead, Placeholder
from shop.shipping.countries import COUNTRIES, FRANCE
from shop.shipping.models import DeliveryMethod, ShippingZone, WeightRate


@dataclass(frozen=True)
class DeliveryOption:
    method: str
    price: Decimal
    label: str
    detail: str = ""


def zone_of(country: str) -> str:
    return ShippingZone.FRANCE if country == FRANCE else ShippingZone.EUROPE


def zone_countries(zone: str) -> list[str]:
    """The countries (ISO codes) a shipping zone covers: France, or the other EU countries."""
    return [code for code in COUNTRIES if zone_of(code) == zone]


def zone_methods(zone: str) -> list[str]:
    """The delivery methods that carry parcels within `zone` (those with a rate there)."""
    found = set(WeightRate.objects.filter(zone=zone).values_list("method", flat=True))
    return [method for method in DeliveryMethod.values if method in found]


_zone_rates = CompiledRead(lambda zone: WeightRate.objects.filter(zone=zone), zone=Placeholder.text)


def rates_to(country: str) -> list[WeightRate]:
    """Every parcel rate of the zone `country` is in (a handful of rows): a cart with several
    sellers prices all its parcels from one read."""
    return _zone_rates.all(zone=zone_of(country))


def rate_for(*, method: str, weight_grams: int, rates: list[WeightRate]) -> Decimal | None:
    """The price of the cheapest of `rates` by `method` that carries `weight_grams`, None when
    none does."""
    carrying = [
        rate for rate in rates if rate.method == method and rate.max_weight_grams >= weight_grams
    ]
    return min(carrying, key=lambda rate: rate.max_weight_grams).price if carrying else None


def producer_of(seller: Seller) -> Producer | None:
    """The producer behind `seller` (no query when the seller was read with its producer); None
    for the programme, which ships every way."""
    try:
        return seller.producer
    except Producer.DoesNotExist:
        return None


def delivery_options(
    *,
    seller: Seller,
    weight_grams: int,
    has_chilled: bool,
    country: str,
    rates: list[WeightRate] | None = None,
) -> list[DeliveryOption]:
    """The methods available for one seller's lines, cheapest first (`rates`: those of
    `rates_to(country)`, read here when not given).

    Chilled goods travel by chilled express only, and only within France (cold chain); pickup
    at the producer is offered wherever the producer offers it. A producer sends parcels only by
    the services it offers (its profile's shipping methods).
    """
    options = []
    producer = producer_of(seller)
    method = DeliveryMethod.CHILLED if has_chilled else DeliveryMethod.STANDARD
    offered = producer is None or method in producer.shipping_methods
    if offered and not (has_chilled and country != FRANCE):
        if rates is None:
            rates = rates_to(country)
        price = rate_for(method=method, weight_grams=weight_grams, rates=rates)
        if price is not None:
            options.append(DeliveryOption(method, price, DeliveryMethod(method).label))
    if producer is not None and producer.pickup_place:
        options.append(
            DeliveryOption(
                DeliveryMethod.PICKUP,
                Decimal("0.00"),
                DeliveryMethod.PICKUP.label,
                pickup_detail(producer),
            )
        )
    return sorted(options, key=lambda option: option.price)


def pickup_detail(producer: Producer) -> str:
    """Where and when shoppers collect their orders at `producer` (days in the active language)."""
    days = producer.translated("pickup_days")
    return ", ".join(part for part in (producer.pickup_place, days) if part)


def pickup_producers() -> QuerySet[Producer]:
    """Producers allowed to sell who offer pickup, by name, with their seller."""
    return (
        Producer.objects.filter(seller__is_selling=True)
        .exclude(pickup_place="")
        .select_related("seller")
        .order_by("seller__name", "seller_id")
    )


def lowest_parcel_rate() -> Decimal | None:
    """The cheapest price of a parcel, whatever its method, zone and weight; None without rates."""
    return WeightRate.objects.aggregate(lowest=Min("price"))["lowest"]
