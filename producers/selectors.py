"""Reads about producers that the fronts share."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet

from catalogue.models import LabelClaim, QualitySign, Seller, SellerKind
from catalogue.selectors import (
    products_for_sale,
    products_of_seller,
    seller_claims_in_force,
    signs_of_products,
)
from producers.models import Producer


@dataclass(frozen=True)
class SellerProfile:
    """What a seller's public page shows about them, apart from their products."""

    seller: Seller
    producer: Producer | None  # None for the programme, which sells the merchandise
    claims: list[LabelClaim]  # the seller's own claims in force (craft titles, state labels)
    product_signs: list[QualitySign]  # other signs in force on their products for sale

    @property
    def is_programme(self) -> bool:
        return self.seller.kind == SellerKind.PROGRAMME


def seller_profile(*, slug: str) -> SellerProfile | None:
    """The profile of the seller at `slug`, or None when unknown or not allowed to sell.

    Three queries: the seller with its producer, its own claims, the signs of its products.
    """
    seller = Seller.objects.filter(slug=slug, is_selling=True).select_related("producer").first()
    if seller is None:
        return None
    claims = list(seller_claims_in_force(seller=seller))
    own_signs = {claim.sign_id for claim in claims}
    signs = signs_of_products(products=products_of_seller(seller=seller))
    return SellerProfile(
        seller=seller,
        producer=getattr(seller, "producer", None),
        claims=claims,
        product_signs=[sign for sign in signs if sign.pk not in own_signs],
    )


def featured_producers(*, limit: int) -> QuerySet[Producer]:
    """A few producers to meet on the home page: the newest ones with a product for sale."""
    on_sale = products_for_sale().filter(seller=OuterRef("seller_id"))
    return (
        Producer.objects.filter(
            Exists(on_sale), seller__is_selling=True, seller__kind=SellerKind.PRODUCER
        )
        .select_related("seller")
        .order_by("-seller__created_at", "-id")[:limit]
    )


def producer_of_seller(*, seller: Seller) -> Producer | None:
    """The producer behind `seller` (legal name, address), or None for the programme."""
    return Producer.objects.filter(seller=seller).first()
