"""Reads about producers that the fronts share."""

import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from typing import TypeVar

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import (
    ClaimStatus,
    LabelClaim,
    Product,
    QualitySign,
    ReviewStatus,
    Seller,
    SellerKind,
)
from catalogue.selectors import (
    products_for_sale,
    products_of_seller,
    seller_claims_in_force,
    signs_of_products,
)
from producers.models import (
    AuditEntry,
    Chamber,
    Producer,
    ProducerPhoto,
    ProductRevision,
    RevisionStatus,
)
from producers.permissions import is_brand_team
from producers.routing import claim_chamber_filter, product_chamber_filter
from shop.accounts.models import User

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class SellerProfile:
    """What a seller's public page shows about them, apart from their products."""

    seller: Seller
    producer: Producer | None  # None for the programme, which sells the merchandise
    claims: list[LabelClaim]  # the seller's own claims in force (craft titles, state labels)
    photos: list[ProducerPhoto]  # of the farm or workshop, in the producer's order
    product_signs: list[QualitySign]  # other signs in force on their products for sale

    @property
    def is_programme(self) -> bool:
        return self.seller.kind == SellerKind.PROGRAMME


def seller_profile(*, slug: str) -> SellerProfile | None:
    """The profile of the seller at `slug`, or None when unknown or not allowed to sell.

    Four queries for a producer (three for the programme): the seller with its producer, its
    photos, its own claims, the signs of its products.
    """
    seller = Seller.objects.filter(slug=slug, is_selling=True).select_related("producer").first()
    if seller is None:
        return None
    producer = getattr(seller, "producer", None)
    claims = list(seller_claims_in_force(seller=seller))
    own_signs = {claim.sign_id for claim in claims}
    signs = signs_of_products(products=products_of_seller(seller=seller))
    return SellerProfile(
        seller=seller,
        producer=producer,
        photos=list(producer.photos.all()) if producer else [],
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


# Review queue and audit trail ---------------------------------------------------------------

QUEUE_KIND_LABELS = {
    "producer": _("Producer application"),
    "product": _("Product"),
    "revision": _("Product change"),
    "claim": _("Renewed or new proof"),
}
# Every state an audit entry can name, for people: products and producers, claims, revisions.
STATE_LABELS = {
    **dict(RevisionStatus.choices),
    **dict(ClaimStatus.choices),
    **dict(ReviewStatus.choices),
}


@dataclass(frozen=True)
class QueueItem:
    """One item waiting for a chamber's decision."""

    kind: str  # producer, product, revision or claim
    item: Producer | Product | ProductRevision | LabelClaim
    producer: Producer
    chamber_name: str
    waiting_since: datetime
    title: str

    @property
    def kind_label(self) -> str:
        return str(QUEUE_KIND_LABELS[self.kind])

    def waited(self, *, now: datetime | None = None) -> timedelta:
        return (now or timezone.now()) - self.waiting_since


def _waiting_since(model: type[Model], to_states: Sequence[str], fallback: str) -> Coalesce:
    """When the item last entered a waiting state, by the audit log (else `fallback`)."""
    entries = AuditEntry.objects.filter(
        target_type=model._meta.label_lower, target_id=OuterRef("pk"), to_state__in=to_states
    ).order_by("-created_at", "-id")
    return Coalesce(Subquery(entries.values("created_at")[:1]), F(fallback))


def _routed_name(prefix: str = "") -> Coalesce:
    return Coalesce(
        F(f"{prefix}review_route__chamber__short_name"),
        F(f"{prefix}seller__producer__chamber__short_name"),
    )


def review_queue_of_chamber(*, chamber: Chamber | None) -> list[QueueItem]:
    """What waits for `chamber` (every chamber when None), oldest first: applications, product
    submissions, revisions, and proofs sent on their own (new or renewed claims of approved
    items; the others are decided with their product or application). Four queries."""
    by_producer = Q(chamber=chamber) if chamber else Q()
    by_product = product_chamber_filter(chamber=chamber) if chamber else Q()
    by_revision = product_chamber_filter(chamber=chamber, prefix="product__") if chamber else Q()
    on_sale = [ReviewStatus.APPROVED, ReviewStatus.SUSPENDED]
    claims_alone = Q(product__review_status__in=on_sale) | Q(
        product__isnull=True, seller__producer__status=ReviewStatus.APPROVED
    )
    if chamber:
        claims_alone &= claim_chamber_filter(chamber=chamber)
    submitted = [ReviewStatus.SUBMITTED]
    items = [
        QueueItem(
            "producer",
            producer,
            producer,
            producer.chamber.short_name,
            producer.since,
            producer.seller.name,
        )
        for producer in Producer.objects.filter(by_producer, status=ReviewStatus.SUBMITTED)
        .select_related("seller", "chamber")
        .annotate(since=_waiting_since(Producer, submitted, "updated_at"))
    ]
    items += [
        QueueItem(
            "product",
            product,
            product.seller.producer,
            product.chamber_name,
            product.since,
            product.name,
        )
        for product in Product.objects.filter(by_product, review_status=ReviewStatus.SUBMITTED)
        .select_related("seller__producer__seller", "seller__producer__chamber")
        .annotate(
            since=_waiting_since(Product, submitted, "updated_at"), chamber_name=_routed_name()
        )
        .defer("search_vector")
    ]
    items += [
        QueueItem(
            "revision",
            revision,
            revision.product.seller.producer,
            revision.chamber_name,
            revision.created_at,
            revision.product.name,
        )
        for revision in ProductRevision.objects.filter(by_revision, status=RevisionStatus.PENDING)
        .select_related("product__seller__producer__seller", "product__seller__producer__chamber")
        .annotate(chamber_name=_routed_name("product__"))
        .defer("product__search_vector")
    ]
    claims = (
        LabelClaim.objects.filter(claims_alone, status=ClaimStatus.PENDING)
        .select_related("sign", "product", "seller__producer__seller", "seller__producer__chamber")
        .annotate(
            since=_waiting_since(LabelClaim, [ClaimStatus.PENDING], "updated_at"),
            chamber_name=Coalesce(
                _routed_name("product__"), F("seller__producer__chamber__short_name")
            ),
        )
        .defer("product__search_vector")
    )
    items += [
        QueueItem(
            "claim",
            claim,
            claim.seller.producer,
            claim.chamber_name,
            claim.since,
            f"{claim.sign.name} — {claim.product.name if claim.product else claim.seller.name}",
        )
        for claim in claims
    ]
    return sorted(items, key=lambda item: (item.waiting_since, item.kind, item.item.pk))


def reviewer_chambers(*, user: User) -> list[Chamber]:
    """The chambers `user` reviews for."""
    return list(
        Chamber.objects.filter(chamberreviewer__user=user, chamberreviewer__user__is_active=True)
    )


def review_queue_for(*, user: User) -> list[QueueItem]:
    """The queue `user` works on: its own chamber's (or chambers'), every chamber's for the brand
    team, oldest first. PermissionDenied for anyone else."""
    if is_brand_team(user):
        return review_queue_of_chamber(chamber=None)
    chambers = reviewer_chambers(user=user)
    if not chambers:
        raise PermissionDenied(_("Only the chambers' reviewers have a review queue."))
    items = [item for chamber in chambers for item in review_queue_of_chamber(chamber=chamber)]
    return sorted(items, key=lambda item: (item.waiting_since, item.kind, item.item.pk))


def _in_remit(*, user: User, model: type[M], remit: Callable[[Chamber], Q]) -> QuerySet[M]:
    if is_brand_team(user):
        return model._default_manager.all()
    chambers = reviewer_chambers(user=user)
    if not chambers:
        return model._default_manager.none()
    return model._default_manager.filter(reduce(operator.or_, map(remit, chambers)))


def products_for_reviewer(*, user: User) -> QuerySet[Product]:
    """The products `user` decides on, by the services' rule: those its chambers review (a
    product goes by its routing, else by its producer's chamber), every product for the brand
    team, none for anyone else. Where a reviewer's request looks a product up by its ID, so that
    another chamber's product answers as no product at all and an ID reveals nothing."""
    return _in_remit(
        user=user, model=Product, remit=lambda chamber: product_chamber_filter(chamber=chamber)
    )


def producers_for_reviewer(*, user: User) -> QuerySet[Producer]:
    """The producers whose application `user` decides on: its chambers' (every one for the
    brand team), as products_for_reviewer for products."""
    return _in_remit(user=user, model=Producer, remit=lambda chamber: Q(chamber=chamber))


def claims_for_reviewer(*, user: User) -> QuerySet[LabelClaim]:
    """The label claims `user` decides on: those its chambers review (claim_chamber), every
    one for the brand team, as products_for_reviewer for products."""
    return _in_remit(
        user=user, model=LabelClaim, remit=lambda chamber: claim_chamber_filter(chamber=chamber)
    )


def revisions_for_reviewer(*, user: User) -> QuerySet[ProductRevision]:
    """The revisions of the products `user` decides on (see products_for_reviewer)."""
    return ProductRevision.objects.filter(product__in=products_for_reviewer(user=user))


def audit_entries_for(*, targets: Iterable[Model]) -> QuerySet[AuditEntry]:
    """The audit trail of `targets` (e.g. a product, its claims and revisions), oldest first."""
    condition = Q(pk__in=[])
    for target in targets:
        condition |= Q(target_type=target._meta.label_lower, target_id=target.pk)
    return (
        AuditEntry.objects.filter(condition).select_related("chamber").order_by("created_at", "id")
    )


def audit_entries_between(*, user: User, start: date, end: date) -> QuerySet[AuditEntry]:
    """The audit entries from `start` to `end` included (local days) that `user` may export:
    its chambers' for a reviewer, all for the brand team; PermissionDenied for anyone else."""
    zone = timezone.get_current_timezone()
    entries = AuditEntry.objects.filter(
        created_at__gte=datetime.combine(start, time.min, tzinfo=zone),
        created_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )
    if not is_brand_team(user):
        chambers = reviewer_chambers(user=user)
        if not chambers:
            raise PermissionDenied(_("Only the chambers' reviewers export the audit log."))
        entries = entries.filter(chamber__in=chambers)
    return entries.select_related("producer__seller", "chamber").order_by("created_at", "id")


def audit_target_label(*, entry: AuditEntry) -> str:
    """What the entry is about, for people: a product's or producer's name, a claim's sign."""
    model = apps.get_model(entry.target_type)
    target = model._default_manager.filter(pk=entry.target_id).first()
    if target is None:
        return f"{entry.target_type} #{entry.target_id}"
    if isinstance(target, LabelClaim):
        return str(target)
    if isinstance(target, ProductRevision):
        return target.product.name
    return str(target)


def review_message_latest(*, target: Model) -> AuditEntry | None:
    """The chamber's last message to the producer about `target` (changes requested, or why it
    was rejected or refused), for the portal to show; None when there is none."""
    return (
        audit_entries_for(targets=[target])
        .filter(
            to_state__in=[
                ReviewStatus.CHANGES_REQUESTED,
                ReviewStatus.REJECTED,
                ClaimStatus.REJECTED,
                RevisionStatus.REFUSED,
            ]
        )
        .exclude(reason="")
        .order_by("-created_at", "-id")
        .first()
    )
