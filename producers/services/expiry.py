"""The daily sweep of label proofs: a warning 30 days before a certificate expires, once, and
the claim's suspension on expiry (which withdraws a product whose claim was essential until a
renewed proof is verified)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from catalogue.models import ClaimStatus, LabelClaim
from producers.models import ClaimExpiryWarning
from producers.routing import claim_chamber, claim_producer
from producers.services.notices import audit_record_notify
from producers.services.review import product_status_follow_claims

WARNING_DAYS = 30


@dataclass(frozen=True)
class SweepResult:
    warned: int
    suspended: int


def _claims_of_producers():
    return LabelClaim.objects.filter(status=ClaimStatus.APPROVED, seller__producer__isnull=False)


@transaction.atomic
def _claim_warn(*, claim_id: int, today: date) -> bool:
    claim = LabelClaim.objects.select_for_update().get(pk=claim_id)
    _warning, created = ClaimExpiryWarning.objects.get_or_create(
        claim=claim, valid_until=claim.valid_until, defaults={"sent_on": today}
    )
    if not created:
        return False
    producer = claim_producer(claim=claim)
    audit_record_notify(
        actor=None,
        action="producers.claim.expiry_warned",
        producer=producer,
        target=claim,
        reason=claim.valid_until.isoformat(),
        chamber=claim_chamber(claim=claim, producer=producer),
    )
    return True


@transaction.atomic
def _claim_suspend(*, claim_id: int, today: date) -> bool:
    claim = LabelClaim.objects.select_for_update().get(pk=claim_id)
    if claim.status != ClaimStatus.APPROVED or claim.valid_until >= today:
        return False
    claim.status = ClaimStatus.SUSPENDED
    claim.save(update_fields=["status", "updated_at"])
    producer = claim_producer(claim=claim)
    chamber = claim_chamber(claim=claim, producer=producer)
    audit_record_notify(
        actor=None,
        action="producers.claim.suspended",
        producer=producer,
        target=claim,
        from_state=ClaimStatus.APPROVED,
        to_state=ClaimStatus.SUSPENDED,
        reason=claim.valid_until.isoformat(),
        chamber=chamber,
    )
    if claim.product_id and claim.is_essential:
        product_status_follow_claims(
            actor=None, product_id=claim.product_id, producer=producer, chamber=chamber
        )
    return True


def claims_expiry_sweep(*, today: date) -> SweepResult:
    """Warn of approved proofs expiring within WARNING_DAYS of `today` (once per expiry date)
    and suspend those expired before `today`. One transaction per claim; safe to run twice."""
    expiring = _claims_of_producers().filter(
        valid_until__gte=today, valid_until__lte=today + timedelta(days=WARNING_DAYS)
    )
    warned = sum(
        _claim_warn(claim_id=claim_id, today=today)
        for claim_id in expiring.values_list("pk", flat=True)
    )
    expired = _claims_of_producers().filter(valid_until__lt=today)
    suspended = sum(
        _claim_suspend(claim_id=claim_id, today=today)
        for claim_id in expired.values_list("pk", flat=True)
    )
    return SweepResult(warned=warned, suspended=suspended)
