"""Reads of the catalogue that every front shares."""

from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from catalogue.models import ClaimStatus, LabelClaim, Product, ProductImage, ReviewStatus


def today() -> date:
    return timezone.localdate()


def claims_in_force(*, on: date | None = None) -> QuerySet[LabelClaim]:
    """Approved claims whose proof has not expired on `on` (default: today)."""
    return LabelClaim.objects.filter(status=ClaimStatus.APPROVED, valid_until__gte=on or today())


def claims_expiring_before(*, day: date) -> QuerySet[LabelClaim]:
    """Approved claims whose proof expires before `day`: the ones to renew or suspend."""
    return LabelClaim.objects.filter(
        status=ClaimStatus.APPROVED, valid_until__lt=day
    ).select_related("sign", "seller", "product")


def products_for_sale(*, on: date | None = None) -> QuerySet[Product]:
    """Products a shopper may buy: approved, from a seller allowed to sell, and with no essential
    claim suspended or expired (an expired proof withdraws the listing before any sweep runs)."""
    broken_essential_claim = LabelClaim.objects.filter(
        product=OuterRef("pk"), is_essential=True
    ).filter(
        Q(status__in=[ClaimStatus.SUSPENDED, ClaimStatus.REJECTED])
        | Q(valid_until__lt=on or today())
    )
    return Product.objects.filter(
        review_status=ReviewStatus.APPROVED, seller__is_selling=True
    ).exclude(Exists(broken_essential_claim))


def product_cards(products: QuerySet[Product]) -> QuerySet[Product]:
    """`products` with what a product card shows loaded in a fixed number of queries."""
    return products.select_related("seller", "category").prefetch_related(
        "variants",
        Prefetch("images", queryset=ProductImage.objects.prefetch_related("thumbnails")),
        Prefetch("label_claims", queryset=claims_in_force().select_related("sign")),
    )
