"""What producers send to their chamber: applications, products, revisions, renewed proofs.

The producer portal calls these; each checks membership, moves the item's state under a row
lock and writes the audit log. Bad states raise ValidationError with a ReviewErrorCode, the
wrong person PermissionDenied.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ClaimStatus, LabelClaim, Product, ReviewStatus
from producers.audit import audit_record
from producers.documents import document_clean
from producers.models import AuditEntry, Producer, ProductRevision, RevisionStatus
from producers.permissions import member_require
from producers.review_errors import ReviewErrorCode
from producers.revisions import revision_changes_clean
from producers.routing import claim_chamber, claim_producer, product_chamber, product_producer
from shop.accounts.models import User

SUBMITTABLE = (ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED)
REVISABLE = (ReviewStatus.APPROVED, ReviewStatus.SUSPENDED)


def _not_submittable(status: str) -> ValidationError:
    return ValidationError(
        _("This cannot be sent for review now: it is “%(status)s”.")
        % {"status": ReviewStatus(status).label},
        code=ReviewErrorCode.NOT_SUBMITTABLE.value,
    )


@transaction.atomic
def producer_application_submit(*, user: User, producer: Producer) -> Producer:
    """Send the producer's application to its chamber (draft or changes requested → submitted)."""
    member_require(user=user, producer=producer)
    locked = Producer.objects.select_for_update().select_related("chamber").get(pk=producer.pk)
    if locked.status not in SUBMITTABLE:
        raise _not_submittable(locked.status)
    from_state, locked.status = locked.status, ReviewStatus.SUBMITTED
    locked.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=user,
        action="producers.producer.submitted",
        producer=locked,
        target=locked,
        from_state=from_state,
        to_state=locked.status,
    )
    return locked


@transaction.atomic
def product_submit(*, user: User, product: Product) -> Product:
    """Send a product to the chamber (draft or changes requested → submitted).

    The producer must be approved or have its own application waiting: a chamber reviews a
    product together with, or after, the producer who sells it.
    """
    producer = product_producer(product=product)
    member_require(user=user, producer=producer)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if producer.status not in (ReviewStatus.APPROVED, ReviewStatus.SUBMITTED):
        raise ValidationError(
            _("Send your producer application before your products."),
            code=ReviewErrorCode.PRODUCER_NOT_READY.value,
        )
    if locked.review_status not in SUBMITTABLE:
        raise _not_submittable(locked.review_status)
    from_state, locked.review_status = locked.review_status, ReviewStatus.SUBMITTED
    locked.save(update_fields=["review_status", "updated_at"])
    audit_record(
        actor=user,
        action="producers.product.submitted",
        producer=producer,
        target=locked,
        from_state=from_state,
        to_state=locked.review_status,
        chamber=product_chamber(product=locked, producer=producer),
    )
    return locked


@transaction.atomic
def product_revision_propose(
    *, user: User, product: Product, changes: dict[str, Any]
) -> ProductRevision:
    """Propose new values for reviewed fields of an approved product (see REVIEWED_FIELDS).

    The approved version stays on sale until the chamber approves the revision; a revision
    still waiting is replaced by this one.
    """
    producer = product_producer(product=product)
    member_require(user=user, producer=producer)
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if locked.review_status not in REVISABLE:
        raise ValidationError(
            _("Only an approved product is revised; edit this one and send it for review."),
            code=ReviewErrorCode.NOT_SUBMITTABLE.value,
        )
    cleaned = revision_changes_clean(product=locked, changes=changes)
    chamber = product_chamber(product=locked, producer=producer)
    for replaced in ProductRevision.objects.filter(product=locked, status=RevisionStatus.PENDING):
        replaced.status = RevisionStatus.SUPERSEDED
        replaced.decided_at = timezone.now()
        replaced.save(update_fields=["status", "decided_at"])
        audit_record(
            actor=user,
            action="producers.revision.superseded",
            producer=producer,
            target=replaced,
            from_state=RevisionStatus.PENDING,
            to_state=RevisionStatus.SUPERSEDED,
            chamber=chamber,
        )
    revision = ProductRevision.objects.create(product=locked, changes=cleaned, proposed_by=user)
    audit_record(
        actor=user,
        action="producers.revision.proposed",
        producer=producer,
        target=revision,
        to_state=RevisionStatus.PENDING,
        reason=", ".join(sorted(cleaned)),
        chamber=chamber,
    )
    return revision


@transaction.atomic
def product_revision_withdraw(*, user: User, product: Product) -> ProductRevision:
    """Take back the product's revision still waiting for the chamber (pending → withdrawn).

    The approved version stays on sale unchanged; photos added for the revision stay hidden
    from shoppers until a later revision that shows them is approved.
    """
    producer = product_producer(product=product)
    member_require(user=user, producer=producer)
    Product.objects.select_for_update().get(pk=product.pk)
    revision = (
        ProductRevision.objects.select_for_update()
        .filter(product_id=product.pk, status=RevisionStatus.PENDING)
        .first()
    )
    if revision is None:
        raise ValidationError(
            _("No change to this product is waiting for the chamber."),
            code=ReviewErrorCode.NOT_WAITING.value,
        )
    revision.status = RevisionStatus.WITHDRAWN
    revision.decided_by = user
    revision.decided_at = timezone.now()
    revision.save(update_fields=["status", "decided_by", "decided_at"])
    chamber = product_chamber(product=product, producer=producer)
    audit_record(
        actor=user,
        action="producers.revision.withdrawn",
        producer=producer,
        target=revision,
        from_state=RevisionStatus.PENDING,
        to_state=RevisionStatus.WITHDRAWN,
        chamber=chamber,
    )
    for claim in _claims_proposed_by(revision):
        audit_record(
            actor=user,
            action="producers.claim.withdrawn",
            producer=producer,
            target=claim,
            from_state=claim.status,
            reason=claim.sign.name,
            chamber=chamber,
        )
        claim.delete()
    return revision


def _claims_proposed_by(revision: ProductRevision) -> list[LabelClaim]:
    """The claims the revision brought: listed in it, still waiting and never verified (a
    renewed proof also waits, but its claim was verified before and stays)."""
    verified = AuditEntry.objects.filter(
        target_type=LabelClaim._meta.label_lower, action="producers.claim.verified"
    ).values("target_id")
    return list(
        LabelClaim.objects.select_related("sign")
        .filter(
            product_id=revision.product_id,
            pk__in=revision.changes.get("label_claims", []),
            status=ClaimStatus.PENDING,
        )
        .exclude(pk__in=verified)
    )


@transaction.atomic
def claim_proof_renew(
    *,
    user: User,
    claim: LabelClaim,
    proof: File,
    valid_until: date,
    certificate_number: str,
    today: date | None = None,
) -> LabelClaim:
    """Attach a new proof to a claim and send it back to the chamber (→ pending).

    A product withdrawn for this claim stays withdrawn until the chamber verifies the new proof.
    The proof is checked by its content (PDF or picture) like every producer document.
    """
    producer = claim_producer(claim=claim)
    member_require(user=user, producer=producer)
    if valid_until <= (today or timezone.localdate()):
        raise ValidationError(
            _("The new certificate must still be valid after today."),
            code=ReviewErrorCode.PROOF_EXPIRED.value,
        )
    if not certificate_number.strip():
        raise ValidationError(
            _("Give the certificate number."), code=ReviewErrorCode.PROOF_REQUIRED.value
        )
    clean = document_clean(proof)
    locked = LabelClaim.objects.select_for_update().get(pk=claim.pk)
    from_state = locked.status
    locked.status = ClaimStatus.PENDING
    locked.valid_until = valid_until
    locked.certificate_number = certificate_number.strip()[:120]
    stored_name = None
    try:
        locked.proof.save(f"proof.{clean.extension}", ContentFile(clean.content), save=False)
        stored_name = locked.proof.name
        locked.save(
            update_fields=["status", "valid_until", "certificate_number", "proof", "updated_at"]
        )
        audit_record(
            actor=user,
            action="producers.claim.proof_renewed",
            producer=producer,
            target=locked,
            from_state=from_state,
            to_state=locked.status,
            reason=_("Certificate %(number)s, valid until %(date)s")
            % {"number": locked.certificate_number, "date": valid_until.isoformat()},
            chamber=claim_chamber(claim=locked, producer=producer),
        )
    except BaseException:
        if stored_name:
            locked.proof.storage.delete(stored_name)
        raise
    return locked
