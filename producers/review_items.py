"""Reads of one item under review, with everything a reviewer needs to decide on it.

Each looks the item up among those the user reviews (its chambers' by the services' rule, every
one for the brand team: producers.selectors' *_for_reviewer) and raises the model's
DoesNotExist otherwise, so another chamber's item answers as an unknown id does and the console
tells nothing of what exists.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from catalogue.models import Category, ClaimStatus, LabelClaim, Product, ProductImage
from producers.models import (
    AuditEntry,
    Chamber,
    Producer,
    ProducerDocument,
    ProductRevision,
    RevisionStatus,
)
from producers.revisions import FieldComparison, revision_compare
from producers.routing import product_chamber
from producers.selectors import (
    audit_entries_for,
    claims_for_reviewer,
    producers_for_reviewer,
    products_for_reviewer,
    revisions_for_reviewer,
)
from shop.accounts.models import User


@dataclass(frozen=True)
class ProducerReview:
    producer: Producer
    documents: list[ProducerDocument]
    claims: list[LabelClaim]  # the producer's own claims (titles, state labels)
    audit: QuerySet[AuditEntry]


@dataclass(frozen=True)
class ProductReview:
    product: Product
    producer: Producer
    chamber: Chamber
    images: list[ProductImage]
    claims: list[LabelClaim]
    pending_revision: ProductRevision | None
    audit: QuerySet[AuditEntry]

    @property
    def claims_pending(self) -> bool:
        return any(claim.status == ClaimStatus.PENDING for claim in self.claims)


FIELD_LABELS = {
    "name": _("Name"),
    "description": _("Description"),
    "translations": _("Translations"),
    "category": _("Category"),
    "label_claims": _("Label claims kept"),
    "photos": _("Photos, in order"),
    "is_alcohol": _("Alcoholic drink"),
    "is_perishable": _("Perishable"),
}


@dataclass(frozen=True)
class ComparedField:
    """A row of the side-by-side: texts, or lists of photos or claims (`kind`)."""

    label: str
    kind: str  # text, photos or claims
    approved: Any
    proposed: Any
    changed: bool


@dataclass(frozen=True)
class RevisionReview:
    revision: ProductRevision
    product: Product
    producer: Producer
    chamber: Chamber
    rows: list[ComparedField]


def _shown(field: str, value: Any, categories: dict, images: dict, claims: dict) -> Any:
    if field == "category":
        return categories[value].name if value in categories else ""
    if field == "photos":
        return [images[pk] for pk in value if pk in images]
    if field == "label_claims":
        return [claims[pk] for pk in value if pk in claims]
    if field == "translations":
        return "\n".join(
            f"{language}: {key} = {text}"
            for language, fields in sorted(value.items())
            for key, text in sorted(fields.items())
        )
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


def _compared(comparison: list[FieldComparison], product: Product, revision) -> list:
    category_ids = {product.category_id, revision.changes.get("category", product.category_id)}
    categories = Category.objects.in_bulk(category_ids)
    images = {image.pk: image for image in product.images.all()}
    claims = LabelClaim.objects.select_related("sign").in_bulk(
        list(product.label_claims.values_list("pk", flat=True))
    )
    kinds = {"photos": "photos", "label_claims": "claims"}
    return [
        ComparedField(
            label=str(FIELD_LABELS[row.field]),
            kind=kinds.get(row.field, "text"),
            approved=_shown(row.field, row.approved, categories, images, claims),
            proposed=_shown(row.field, row.proposed, categories, images, claims),
            changed=row.changed,
        )
        for row in comparison
    ]


def producer_review(*, user: User, producer_id: int) -> ProducerReview:
    """A producer's application: identity, documents, own claims, audit trail."""
    producers = producers_for_reviewer(user=user).select_related("seller", "chamber")
    producer = producers.get(pk=producer_id)
    claims = list(
        LabelClaim.objects.filter(seller_id=producer.seller_id, product__isnull=True)
        .select_related("sign")
        .order_by("sign__position", "pk")
    )
    return ProducerReview(
        producer=producer,
        documents=list(ProducerDocument.objects.filter(producer=producer)),
        claims=claims,
        audit=audit_entries_for(targets=[producer, *claims]),
    )


def product_review(*, user: User, product_id: int) -> ProductReview:
    """A product: reviewed fields, photos, claims with their proofs, audit trail."""
    products = products_for_reviewer(user=user).select_related("category", "seller")
    product = products.defer("search_vector").get(pk=product_id)
    producer = Producer.objects.select_related("chamber", "seller").get(seller_id=product.seller_id)
    chamber = product_chamber(product=product, producer=producer)
    claims = list(product.label_claims.select_related("sign").order_by("sign__position", "pk"))
    revisions = list(ProductRevision.objects.filter(product=product))
    pending = [revision for revision in revisions if revision.status == RevisionStatus.PENDING]
    return ProductReview(
        product=product,
        producer=producer,
        chamber=chamber,
        images=list(product.images.prefetch_related("thumbnails")),
        claims=claims,
        pending_revision=pending[0] if pending else None,
        audit=audit_entries_for(targets=[product, *claims, *revisions]),
    )


def revision_review(*, user: User, revision_id: int) -> RevisionReview:
    """A revision beside the approved product: each proposed field with its approved value,
    and the categories, photos and claims the two versions name."""
    photos = ProductImage.objects.prefetch_related("thumbnails")
    revision = (
        revisions_for_reviewer(user=user)
        .select_related("product__category")
        .prefetch_related(Prefetch("product__images", queryset=photos))
        .get(pk=revision_id)
    )
    product = revision.product
    producer = Producer.objects.select_related("chamber", "seller").get(seller_id=product.seller_id)
    chamber = product_chamber(product=product, producer=producer)
    comparison = revision_compare(product=product, changes=revision.changes)
    return RevisionReview(
        revision=revision,
        product=product,
        producer=producer,
        chamber=chamber,
        rows=_compared(comparison, product, revision),
    )


def claim_proof_for(*, user: User, claim_id: int) -> LabelClaim:
    """A claim with a proof that `user` verifies (the claim's chamber, the brand team)."""
    return claims_for_reviewer(user=user).exclude(proof="").get(pk=claim_id)


def producer_document_for(*, user: User, document_id: int) -> ProducerDocument:
    """A private document of a producer whose application `user` reviews (its chamber, the
    brand team)."""
    documents = ProducerDocument.objects.filter(producer__in=producers_for_reviewer(user=user))
    return documents.get(pk=document_id)
