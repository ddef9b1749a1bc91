"""Decisions of the chambers' reviewers, and the brand team's reassignments.

Every decision locks its item, checks that the reviewer's chamber is the item's (after the lock,
so a reassignment in between is seen) and that the item is still waiting: of two reviewers
deciding at once, the second gets NOT_WAITING and a message naming the state the first left.
The producer is emailed once the decision is committed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ClaimStatus, LabelClaim, Product, ReviewStatus
from producers.audit import audit_record
from producers.models import (
    Chamber,
    Producer,
    ProductRevision,
    ProductRoute,
    RevisionStatus,
)
from producers.permissions import is_brand_team, reviewer_require
from producers.review_errors import ReviewErrorCode
from producers.revisions import revision_changes_apply
from producers.routing import claim_chamber, claim_producer, product_chamber, product_producer
from producers.services.notices import audit_record_notify
from shop.accounts.models import User

_PRODUCER_DECISIONS = {
    ReviewStatus.APPROVED: "producers.producer.approved",
    ReviewStatus.CHANGES_REQUESTED: "producers.producer.changes_requested",
    ReviewStatus.REJECTED: "producers.producer.rejected",
}
_PRODUCT_DECISIONS = {
    ReviewStatus.APPROVED: "producers.product.approved",
    ReviewStatus.CHANGES_REQUESTED: "producers.product.changes_requested",
    ReviewStatus.REJECTED: "producers.product.rejected",
}


def _not_waiting(state_label: str) -> ValidationError:
    return ValidationError(
        _(
            "This item is no longer waiting for a decision: it is now “%(state)s”. Another "
            "reviewer may have decided first; reload the page to see it."
        )
        % {"state": state_label},
        code=ReviewErrorCode.NOT_WAITING.value,
    )


def _reason_require(*, to_state: str, reason: str) -> str:
    reason = reason.strip()
    if to_state != ReviewStatus.APPROVED and not reason:
        raise ValidationError(
            _("Write the reason, which the producer will read."),
            code=ReviewErrorCode.REASON_REQUIRED.value,
        )
    return reason


@transaction.atomic
def producer_decide(*, user: User, producer: Producer, decision: str, reason: str = "") -> Producer:
    """Approve an application (the producer may then sell), request changes (with a message
    the producer reads) or reject it (with a reason). `decision` is the ReviewStatus to reach.

    Approving needs every claim of the producer itself (craft titles, state labels) decided.
    """
    if decision not in _PRODUCER_DECISIONS:
        raise ValueError(f"Not a decision: {decision!r}")
    reason = _reason_require(to_state=decision, reason=reason)
    locked = (
        Producer.objects.select_for_update(of=("self",))
        .select_related("chamber", "seller")
        .get(pk=producer.pk)
    )
    reviewer_require(user=user, chamber=locked.chamber)
    if locked.status != ReviewStatus.SUBMITTED:
        raise _not_waiting(ReviewStatus(locked.status).label)
    if (
        decision == ReviewStatus.APPROVED
        and LabelClaim.objects.filter(
            seller_id=locked.seller_id, product__isnull=True, status=ClaimStatus.PENDING
        ).exists()
    ):
        raise ValidationError(
            _("Verify or refuse each of the producer's claims first."),
            code=ReviewErrorCode.CLAIMS_UNDECIDED.value,
        )
    from_state, locked.status = locked.status, decision
    locked.save(update_fields=["status", "updated_at"])
    if locked.seller.is_selling != (decision == ReviewStatus.APPROVED):
        locked.seller.is_selling = decision == ReviewStatus.APPROVED
        locked.seller.save(update_fields=["is_selling"])
    audit_record_notify(
        actor=user,
        action=_PRODUCER_DECISIONS[decision],
        producer=locked,
        target=locked,
        from_state=from_state,
        to_state=decision,
        reason=reason,
    )
    return locked


def _product_claims_check(*, product: Product) -> None:
    claims = LabelClaim.objects.filter(product=product)
    if claims.filter(status=ClaimStatus.PENDING).exists():
        raise ValidationError(
            _("Verify or refuse each label claim of the product first."),
            code=ReviewErrorCode.CLAIMS_UNDECIDED.value,
        )
    if claims.filter(is_essential=True, status=ClaimStatus.REJECTED).exists():
        raise ValidationError(
            _("A claim essential to this product was refused: request changes or reject it."),
            code=ReviewErrorCode.ESSENTIAL_CLAIM_REFUSED.value,
        )


@transaction.atomic
def product_decide(*, user: User, product: Product, decision: str, reason: str = "") -> Product:
    """Approve a submitted product (it gets the "Approuvé Oh my Lot !" mark and goes on sale
    once its producer sells), request changes (a message) or reject it (a reason).

    Approving needs each label claim decided and no essential claim refused.
    """
    if decision not in _PRODUCT_DECISIONS:
        raise ValueError(f"Not a decision: {decision!r}")
    reason = _reason_require(to_state=decision, reason=reason)
    producer = product_producer(product=product)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    chamber = product_chamber(product=locked, producer=producer)
    reviewer_require(user=user, chamber=chamber)
    if locked.review_status != ReviewStatus.SUBMITTED:
        raise _not_waiting(ReviewStatus(locked.review_status).label)
    update_fields = ["review_status", "updated_at"]
    if decision == ReviewStatus.APPROVED:
        _product_claims_check(product=locked)
        if locked.brand_approved_at is None:
            locked.brand_approved_at = timezone.now()
            update_fields.append("brand_approved_at")
    from_state, locked.review_status = locked.review_status, decision
    locked.save(update_fields=update_fields)
    audit_record_notify(
        actor=user,
        action=_PRODUCT_DECISIONS[decision],
        producer=producer,
        target=locked,
        from_state=from_state,
        to_state=decision,
        reason=reason,
        chamber=chamber,
    )
    return locked


def product_status_follow_claims(
    *, actor: User | None, product_id: int, producer: Producer, chamber: Chamber
) -> None:
    """Withdraw an approved product whose essential claim is no longer in force, and put a
    withdrawn one back on sale once all its essential claims are verified again."""
    product = Product.objects.select_for_update().get(pk=product_id)
    broken = LabelClaim.objects.filter(product=product, is_essential=True).filter(
        ~Q(status=ClaimStatus.APPROVED)
    )
    if (
        product.review_status == ReviewStatus.APPROVED
        and broken.filter(status__in=[ClaimStatus.SUSPENDED, ClaimStatus.REJECTED]).exists()
    ):
        to_state, action = ReviewStatus.SUSPENDED, "producers.product.suspended"
    elif product.review_status == ReviewStatus.SUSPENDED and not broken.exists():
        to_state, action = ReviewStatus.APPROVED, "producers.product.reinstated"
    else:
        return
    from_state, product.review_status = product.review_status, to_state
    product.save(update_fields=["review_status", "updated_at"])
    audit_record_notify(
        actor=actor,
        action=action,
        producer=producer,
        target=product,
        from_state=from_state,
        to_state=to_state,
        chamber=chamber,
    )


@transaction.atomic
def claim_decide(*, user: User, claim: LabelClaim, verified: bool, reason: str = "") -> LabelClaim:
    """Verify a pending label claim's proof, or refuse it with a reason.

    A verified claim puts back on sale a product it had withdrawn; refusing an essential claim
    of a product on sale withdraws the product.
    """
    to_state = ClaimStatus.APPROVED if verified else ClaimStatus.REJECTED
    reason = _reason_require(to_state=ReviewStatus.APPROVED if verified else "", reason=reason)
    producer = claim_producer(claim=claim)
    locked = LabelClaim.objects.select_for_update().get(pk=claim.pk)
    chamber = claim_chamber(claim=locked, producer=producer)
    reviewer_require(user=user, chamber=chamber)
    if locked.status != ClaimStatus.PENDING:
        raise _not_waiting(ClaimStatus(locked.status).label)
    locked.status = to_state
    locked.save(update_fields=["status", "updated_at"])
    audit_record_notify(
        actor=user,
        action="producers.claim.verified" if verified else "producers.claim.refused",
        producer=producer,
        target=locked,
        from_state=ClaimStatus.PENDING,
        to_state=to_state,
        reason=reason,
        chamber=chamber,
    )
    if locked.product_id and locked.is_essential:
        product_status_follow_claims(
            actor=user, product_id=locked.product_id, producer=producer, chamber=chamber
        )
    return locked


@transaction.atomic
def revision_decide(
    *, user: User, revision: ProductRevision, approved: bool, reason: str = ""
) -> ProductRevision:
    """Approve a revision (its changes are applied to the product on sale) or refuse it with a
    reason (the approved version stays as it is)."""
    to_state = RevisionStatus.APPROVED if approved else RevisionStatus.REFUSED
    reason = _reason_require(to_state=ReviewStatus.APPROVED if approved else "", reason=reason)
    # The product first, then the revision: the order product_revision_propose locks them in.
    product = Product.objects.select_for_update().get(pk=revision.product_id)
    locked = ProductRevision.objects.select_for_update().get(pk=revision.pk)
    producer = product_producer(product=product)
    chamber = product_chamber(product=product, producer=producer)
    reviewer_require(user=user, chamber=chamber)
    if locked.status != RevisionStatus.PENDING:
        raise _not_waiting(RevisionStatus(locked.status).label)
    if approved:
        revision_changes_apply(product=product, changes=locked.changes)
    locked.status, locked.decided_by, locked.decided_at = to_state, user, timezone.now()
    locked.reason = reason
    locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    audit_record_notify(
        actor=user,
        action=f"producers.revision.{to_state}",
        producer=producer,
        target=locked,
        from_state=RevisionStatus.PENDING,
        to_state=to_state,
        reason=reason,
        chamber=chamber,
    )
    return locked


def _brand_team_require(user: User) -> None:
    if not is_brand_team(user):
        raise PermissionDenied(_("Only the brand team sends items to another chamber."))


def _same_chamber() -> ValidationError:
    return ValidationError(
        _("This item is already reviewed by that chamber."),
        code=ReviewErrorCode.SAME_CHAMBER.value,
    )


@transaction.atomic
def producer_reassign(*, user: User, producer: Producer, chamber: Chamber) -> Producer:
    """Brand team: send a producer (and the products that follow it) to another chamber."""
    _brand_team_require(user)
    locked = Producer.objects.select_for_update().select_related("chamber").get(pk=producer.pk)
    if locked.chamber_id == chamber.pk:
        raise _same_chamber()
    previous, locked.chamber = locked.chamber, chamber
    locked.save(update_fields=["chamber", "updated_at"])
    audit_record(
        actor=user,
        action="producers.producer.reassigned",
        producer=locked,
        target=locked,
        from_state=previous.code,
        to_state=chamber.code,
        chamber=chamber,
    )
    return locked


@transaction.atomic
def product_reassign(*, user: User, product: Product, chamber: Chamber) -> Product:
    """Brand team: send one product to another chamber than its producer's (or back to it)."""
    _brand_team_require(user)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    producer = product_producer(product=locked)
    previous = product_chamber(product=locked, producer=producer)
    if previous.pk == chamber.pk:
        raise _same_chamber()
    if chamber.pk == producer.chamber_id:
        ProductRoute.objects.filter(product=locked).delete()
    else:
        ProductRoute.objects.update_or_create(product=locked, defaults={"chamber": chamber})
    audit_record(
        actor=user,
        action="producers.product.reassigned",
        producer=producer,
        target=locked,
        from_state=previous.code,
        to_state=chamber.code,
        chamber=chamber,
    )
    return locked
