"""Which chamber reviews an item: the producer's competent chamber, unless the brand team sent a
product elsewhere (ProductRoute)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models import LabelClaim, Product
from producers.models import Chamber, Producer, ProductRoute


def product_producer(*, product: Product) -> Producer:
    """The producer selling `product`; merchandise of the programme has none and is not reviewed."""
    producer = (
        Producer.objects.filter(seller_id=product.seller_id).select_related("chamber").first()
    )
    if producer is None:
        raise PermissionDenied(_("This product is not sold by a producer."))
    return producer


def claim_producer(*, claim: LabelClaim) -> Producer:
    """The producer making `claim` (for one of its products or for itself)."""
    producer = Producer.objects.filter(seller_id=claim.seller_id).select_related("chamber").first()
    if producer is None:
        raise PermissionDenied(_("This claim is not made by a producer."))
    return producer


def product_chamber(*, product: Product, producer: Producer) -> Chamber:
    """The chamber reviewing `product`: its routing when the brand team set one."""
    route = ProductRoute.objects.filter(product=product).select_related("chamber").first()
    return route.chamber if route else producer.chamber


def claim_chamber(*, claim: LabelClaim, producer: Producer) -> Chamber:
    """A product's claim goes with its product; a producer's own claim to its chamber."""
    if claim.product_id is None:
        return producer.chamber
    return product_chamber(product=claim.product, producer=producer)


def product_chamber_filter(*, chamber: Chamber, prefix: str = "") -> Q:
    """Products that `chamber` reviews, as a filter on products or, through `prefix` (e.g.
    "product__"), on rows pointing to one."""
    return Q(**{f"{prefix}review_route__chamber": chamber}) | Q(
        **{f"{prefix}review_route__isnull": True, f"{prefix}seller__producer__chamber": chamber}
    )


def claim_chamber_filter(*, chamber: Chamber) -> Q:
    """Label claims that `chamber` reviews: a product's with its product, a producer's own with
    the producer (claim_chamber as a filter)."""
    return product_chamber_filter(chamber=chamber, prefix="product__") | Q(
        product__isnull=True, seller__producer__chamber=chamber
    )
