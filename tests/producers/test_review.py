import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from catalogue.models import ClaimStatus, ReviewStatus
from catalogue.selectors import products_for_sale
from producers.models import AuditEntry, Chamber, ChamberCode, ProductRoute, RevisionStatus
from producers.services.review import (
    claim_decide,
    producer_decide,
    producer_reassign,
    product_decide,
    product_reassign,
    revision_decide,
)
from producers.services.submission import product_revision_propose
from tests.factories import (
    make_category,
    make_claim,
    make_listed_product,
    make_producer,
    make_reviewer,
    make_user,
)

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    return list(AuditEntry.objects.values_list("action", flat=True))


def test_approving_an_application_lets_the_producer_sell_and_emails_it(
    django_capture_on_commit_callbacks,
):
    producer = make_producer(status=ReviewStatus.SUBMITTED, email="ferme@example.org")
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with django_capture_on_commit_callbacks(execute=True):
        producer_decide(user=reviewer, producer=producer, decision=ReviewStatus.APPROVED)

    producer.refresh_from_db()
    producer.seller.refresh_from_db()
    assert (producer.status, producer.seller.is_selling) == (ReviewStatus.APPROVED, True)
    assert _actions() == ["producers.producer.approved"]
    assert [message.to for message in mail.outbox] == [["ferme@example.org"]]


def test_requested_changes_carry_the_message_to_the_producer(django_capture_on_commit_callbacks):
    producer = make_producer(status=ReviewStatus.SUBMITTED)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with django_capture_on_commit_callbacks(execute=True):
        producer_decide(
            user=reviewer,
            producer=producer,
            decision=ReviewStatus.CHANGES_REQUESTED,
            reason="Joignez l'extrait MSA.",
        )

    producer.refresh_from_db()
    entry = AuditEntry.objects.get()
    assert producer.status == ReviewStatus.CHANGES_REQUESTED
    assert (entry.from_state, entry.to_state, entry.reason) == (
        "submitted",
        "changes_requested",
        "Joignez l'extrait MSA.",
    )
    assert "Joignez l'extrait MSA." in mail.outbox[0].body


@pytest.mark.parametrize("decision", [ReviewStatus.CHANGES_REQUESTED, ReviewStatus.REJECTED])
def test_a_refusal_needs_a_reason(decision):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with pytest.raises(ValidationError) as raised:
        product_decide(user=reviewer, product=product, decision=decision, reason="  ")

    product.refresh_from_db()
    assert (raised.value.code, product.review_status) == ("REASON_REQUIRED", "submitted")


def test_an_approved_product_gets_the_brand_mark_and_goes_on_sale():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    make_claim(product=product, status=ClaimStatus.APPROVED)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    product_decide(user=reviewer, product=product, decision=ReviewStatus.APPROVED)

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED
    assert product.brand_approved_at is not None
    assert list(products_for_sale()) == [product]


def test_a_product_waits_until_each_claim_is_decided():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    claim = make_claim(product=product)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with pytest.raises(ValidationError) as raised:
        product_decide(user=reviewer, product=product, decision=ReviewStatus.APPROVED)
    assert raised.value.code == "CLAIMS_UNDECIDED"

    claim_decide(user=reviewer, claim=claim, verified=False, reason="Certificat d'un autre lait")
    with pytest.raises(ValidationError) as raised:
        product_decide(user=reviewer, product=product, decision=ReviewStatus.APPROVED)
    assert raised.value.code == "ESSENTIAL_CLAIM_REFUSED"

    product.refresh_from_db()
    claim.refresh_from_db()
    assert (product.review_status, claim.status) == (ReviewStatus.SUBMITTED, ClaimStatus.REJECTED)
    assert _actions() == ["producers.claim.refused"]


def test_a_decided_item_is_not_decided_again():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with pytest.raises(ValidationError) as raised:
        product_decide(
            user=reviewer, product=product, decision=ReviewStatus.REJECTED, reason="Trop tard"
        )

    product.refresh_from_db()
    assert raised.value.code == "NOT_WAITING"
    assert "« Approuvé »" in raised.value.message
    assert (product.review_status, _actions()) == (ReviewStatus.APPROVED, [])


def test_refusing_a_renewed_essential_proof_withdraws_the_product_and_verifying_restores_it():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    refused = make_claim(product=product, status=ClaimStatus.PENDING)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    claim_decide(user=reviewer, claim=refused, verified=False, reason="Illisible")
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUSPENDED
    assert list(products_for_sale()) == []

    refused.status = ClaimStatus.PENDING
    refused.save(update_fields=["status"])
    claim_decide(user=reviewer, claim=refused, verified=True)

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED
    assert list(products_for_sale()) == [product]
    assert _actions() == [
        "producers.claim.refused",
        "producers.product.suspended",
        "producers.claim.verified",
        "producers.product.reinstated",
    ]


def test_an_approved_revision_is_applied_and_a_refused_one_is_not():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    old_name, category = product.name, make_category()
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    refused = product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})
    revision_decide(
        user=reviewer, revision=refused, approved=False, reason="Ce n'est pas un cabécou"
    )
    product.refresh_from_db()
    assert product.name == old_name

    approved = product_revision_propose(
        user=owner,
        product=product,
        changes={"category": category.pk, "translations": {"en": {"description": "Small"}}},
    )
    revision_decide(user=reviewer, revision=approved, approved=True)

    product.refresh_from_db()
    approved.refresh_from_db()
    assert (product.name, product.category, product.translations) == (
        old_name,
        category,
        {"en": {"description": "Small"}},
    )
    assert (approved.status, approved.decided_by) == (RevisionStatus.APPROVED, reviewer)
    assert product.review_status == ReviewStatus.APPROVED


def test_a_reviewer_of_another_chamber_changes_nothing():
    producer, _owner, product = make_listed_product(producer_status=ReviewStatus.SUBMITTED)
    product.review_status = ReviewStatus.SUBMITTED
    product.save(update_fields=["review_status"])
    claim = make_claim(product=product)
    approved_product = make_listed_product(product_status=ReviewStatus.APPROVED)
    revision = product_revision_propose(
        user=approved_product[1], product=approved_product[2], changes={"name": "Autre"}
    )
    stranger = make_reviewer(chamber_code=ChamberCode.CMA)
    before = _actions()

    attempts = [
        lambda: producer_decide(user=stranger, producer=producer, decision=ReviewStatus.APPROVED),
        lambda: product_decide(user=stranger, product=product, decision=ReviewStatus.APPROVED),
        lambda: product_decide(
            user=stranger, product=product, decision=ReviewStatus.REJECTED, reason="Non"
        ),
        lambda: claim_decide(user=stranger, claim=claim, verified=True),
        lambda: revision_decide(user=stranger, revision=revision, approved=True),
        lambda: producer_reassign(
            user=stranger, producer=producer, chamber=Chamber.objects.get(code=ChamberCode.CMA)
        ),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()

    producer.refresh_from_db()
    product.refresh_from_db()
    claim.refresh_from_db()
    revision.refresh_from_db()
    assert (producer.status, producer.chamber.code, producer.seller.is_selling) == (
        ReviewStatus.SUBMITTED,
        ChamberCode.AGRICULTURE,
        False,
    )
    assert (product.review_status, product.brand_approved_at) == (ReviewStatus.SUBMITTED, None)
    assert (claim.status, revision.status) == (ClaimStatus.PENDING, RevisionStatus.PENDING)
    assert _actions() == before


def test_the_brand_team_sends_a_product_to_another_chamber_whose_reviewer_then_decides():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    brand = make_user(is_staff=True)
    cma = Chamber.objects.get(code=ChamberCode.CMA)
    farm_reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    product_reassign(user=brand, product=product, chamber=cma)
    with pytest.raises(PermissionDenied):
        product_decide(user=farm_reviewer, product=product, decision=ReviewStatus.APPROVED)
    product_decide(
        user=make_reviewer(chamber_code=ChamberCode.CMA),
        product=product,
        decision=ReviewStatus.APPROVED,
    )

    assert ProductRoute.objects.get(product=product).chamber == cma
    entries = AuditEntry.objects.values_list("action", "from_state", "to_state", "chamber__code")
    assert list(entries) == [
        ("producers.product.reassigned", "agriculture", "cma", "cma"),
        ("producers.product.approved", "submitted", "approved", "cma"),
    ]


def test_only_the_brand_team_reassigns_and_never_to_the_same_chamber():
    producer = make_producer(status=ReviewStatus.SUBMITTED)
    brand = make_user(is_staff=True)

    with pytest.raises(PermissionDenied):
        producer_reassign(
            user=make_reviewer(chamber_code=ChamberCode.AGRICULTURE),
            producer=producer,
            chamber=Chamber.objects.get(code=ChamberCode.CCI),
        )
    with pytest.raises(ValidationError) as raised:
        producer_reassign(user=brand, producer=producer, chamber=producer.chamber)
    assert raised.value.code == "SAME_CHAMBER"

    producer_reassign(
        user=brand, producer=producer, chamber=Chamber.objects.get(code=ChamberCode.CCI)
    )
    producer.refresh_from_db()
    assert producer.chamber.code == ChamberCode.CCI
    assert _actions() == ["producers.producer.reassigned"]
