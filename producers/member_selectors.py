"""Reads for a producer's members: their producer, its products, documents and the chamber's
messages. Each read that takes an id checks who asks, like the services do."""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from catalogue.models import LabelClaim, Product
from producers.models import (
    AuditEntry,
    Producer,
    ProducerDocument,
    ProducerMember,
    ProductRevision,
    RevisionStatus,
)
from producers.permissions import document_viewer_require
from shop.accounts.models import User


def memberships_of(*, user: User) -> list[ProducerMember]:
    """Every producer `user` is a member of (none for an anonymous or inactive user), as their
    memberships with the producers: those it owns first, then the oldest. The first is the one
    a member acts for until they choose another."""
    if not user.is_authenticated or not user.is_active:
        return []
    # "owner" sorts before "staff".
    return list(
        ProducerMember.objects.filter(user=user)
        .select_related("producer", "producer__seller", "producer__chamber")
        .order_by("role", "created_at", "pk")
    )


def membership_among(
    memberships: list[ProducerMember], *, seller_id: int | None = None
) -> ProducerMember | None:
    """Of `memberships` (memberships_of), the one of the producer selling as `seller_id`, None
    when there is none; without `seller_id`, the first (the default one)."""
    if seller_id is None:
        return memberships[0] if memberships else None
    return next((one for one in memberships if one.producer.seller_id == seller_id), None)


def membership_of(*, user: User, seller_id: int | None = None) -> ProducerMember | None:
    """`user`'s membership of the producer selling as `seller_id` (the key the portal's choice
    and the API's Producer IDs hold): None when they are not one of its members, whether it
    exists or not, so that no answer tells which producers exist. Without `seller_id`, the
    producer they act for by default: the one they own, else the oldest."""
    return membership_among(memberships_of(user=user), seller_id=seller_id)


def products_of_member(*, user: User) -> QuerySet[Product]:
    """The products of every producer `user` is a member of (none for anyone else): where a
    member's request looks a product up by its ID, so that another producer's product answers
    as no product at all and an ID reveals nothing of what exists."""
    if not user.is_authenticated or not user.is_active:
        return Product.objects.none()
    sellers = ProducerMember.objects.filter(user=user).values("producer__seller_id")
    return Product.objects.filter(seller_id__in=sellers)


def products_of_producer(*, producer: Producer) -> QuerySet[Product]:
    """The producer's products, newest first, with their variants and whether a revision waits."""
    pending = ProductRevision.objects.filter(product=OuterRef("pk"), status=RevisionStatus.PENDING)
    return (
        Product.objects.filter(seller_id=producer.seller_id)
        .annotate(has_pending_revision=Exists(pending))
        .prefetch_related("variants")
        .defer("search_vector")
        .order_by("-created_at", "-pk")
    )


def product_of_producer(*, producer: Producer, product_id: int) -> Product | None:
    """One of the producer's products with its parts; None when it is someone else's."""
    return (
        products_of_producer(producer=producer)
        .prefetch_related("images", "label_claims__sign")
        .filter(pk=product_id)
        .first()
    )


def documents_of_producer(*, producer: Producer) -> QuerySet[ProducerDocument]:
    return producer.documents.order_by("-created_at", "-pk")


def document_for_viewer(*, user: User, document_id: int) -> ProducerDocument:
    """A private document, for its producer's members, its chamber's reviewers and the brand
    team only: PermissionDenied for anyone else, and for an unknown id alike."""
    document = ProducerDocument.objects.select_related("producer__chamber").filter(pk=document_id)
    document = document.first()
    if document is None:
        raise PermissionDenied(_("You may not open this document."))
    document_viewer_require(user=user, producer=document.producer)
    return document


def claim_proof_for_viewer(*, user: User, claim_id: int) -> LabelClaim:
    """A claim whose proof `user` may open (same people as for documents)."""
    claim = LabelClaim.objects.filter(pk=claim_id).exclude(proof="").first()
    producer = Producer.objects.filter(seller_id=claim.seller_id).first() if claim else None
    if claim is None or producer is None:
        raise PermissionDenied(_("You may not open this document."))
    document_viewer_require(user=user, producer=producer)
    return claim


def chamber_messages(*, producer: Producer, limit: int = 20) -> QuerySet[AuditEntry]:
    """What the chamber and the brand team told the producer: their decisions with a reason."""
    members = ProducerMember.objects.filter(producer=producer).values("user_id")
    return (
        AuditEntry.objects.filter(producer=producer)
        .exclude(reason="")
        .exclude(actor__in=members)
        .order_by("-created_at", "-pk")[:limit]
    )
