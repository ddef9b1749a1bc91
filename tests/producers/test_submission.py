from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from catalogue.models import ClaimStatus, ReviewStatus
from producers.models import AuditEntry, ProductRevision, RevisionStatus
from producers.services.submission import (
    claim_proof_renew,
    producer_application_submit,
    product_revision_propose,
    product_submit,
)
from tests.factories import (
    make_category,
    make_claim,
    make_listed_product,
    make_member,
    make_producer,
    make_user,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _actions() -> list[tuple[str, str, str]]:
    return list(AuditEntry.objects.values_list("action", "from_state", "to_state"))


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED])
def test_a_member_submits_the_application(status):
    producer = make_producer(status=status)
    staff = make_member(producer=producer, role="staff")

    submitted = producer_application_submit(user=staff, producer=producer)

    producer.refresh_from_db()
    assert submitted.status == producer.status == ReviewStatus.SUBMITTED
    assert _actions() == [("producers.producer.submitted", status, "submitted")]
    assert AuditEntry.objects.get().actor == staff


def test_an_application_already_waiting_is_not_submitted_twice():
    producer = make_producer(status=ReviewStatus.SUBMITTED)

    with pytest.raises(ValidationError) as raised:
        producer_application_submit(user=make_member(producer=producer), producer=producer)

    assert raised.value.code == "NOT_SUBMITTABLE"
    assert _actions() == []


def test_a_stranger_cannot_submit_an_application():
    producer = make_producer()

    with pytest.raises(PermissionDenied):
        producer_application_submit(user=make_user(), producer=producer)

    producer.refresh_from_db()
    assert (producer.status, _actions()) == (ReviewStatus.DRAFT, [])


@pytest.mark.parametrize("producer_status", [ReviewStatus.APPROVED, ReviewStatus.SUBMITTED])
def test_a_product_is_submitted_once_its_producer_applied(producer_status):
    producer, owner, product = make_listed_product(producer_status=producer_status)

    product_submit(user=owner, product=product)

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED
    assert _actions() == [("producers.product.submitted", "draft", "submitted")]
    assert AuditEntry.objects.get().chamber == producer.chamber


def test_a_product_of_a_draft_producer_waits_for_the_application():
    _producer, owner, product = make_listed_product(producer_status=ReviewStatus.DRAFT)

    with pytest.raises(ValidationError) as raised:
        product_submit(user=owner, product=product)

    product.refresh_from_db()
    assert (raised.value.code, product.review_status) == ("PRODUCER_NOT_READY", "draft")


def test_a_member_of_another_producer_cannot_submit_a_product():
    _producer, _owner, product = make_listed_product()
    other = make_member(producer=make_producer())

    with pytest.raises(PermissionDenied):
        product_submit(user=other, product=product)

    product.refresh_from_db()
    assert (product.review_status, _actions()) == (ReviewStatus.DRAFT, [])


def test_a_revision_keeps_the_approved_version_and_replaces_the_one_waiting():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    category = make_category()

    first = product_revision_propose(user=owner, product=product, changes={"name": "Rocamadour"})
    second = product_revision_propose(
        user=owner,
        product=product,
        changes={"category": category.pk, "translations": {"en": {"name": "Goat cheese"}}},
    )

    product.refresh_from_db()
    first.refresh_from_db()
    assert product.name.startswith("Rocamadour ")
    assert product.review_status == ReviewStatus.APPROVED
    assert (first.status, second.status) == (RevisionStatus.SUPERSEDED, RevisionStatus.PENDING)
    assert second.changes == {
        "category": category.pk,
        "translations": {"en": {"name": "Goat cheese"}},
    }
    assert [action for action, _from, _to in _actions()] == [
        "producers.revision.proposed",
        "producers.revision.superseded",
        "producers.revision.proposed",
    ]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "Rocamadour", "price": "9.90"}, "NOT_REVIEWED_FIELD"),
        ({}, "NO_CHANGES"),
        ({"name": "  "}, "INVALID_CHANGES"),
        ({"category": 999_999}, "INVALID_CHANGES"),
        ({"photos": [999_999]}, "INVALID_CHANGES"),
        ({"translations": {"en": {"ingredients": "milk"}}}, "INVALID_CHANGES"),
        # An alcoholic drink needs its strength, which this change does not give.
        ({"is_alcohol": True}, "INVALID_CHANGES"),
    ],
)
def test_a_revision_with_bad_changes_is_refused(changes, code):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)

    with pytest.raises(ValidationError) as raised:
        product_revision_propose(user=owner, product=product, changes=changes)

    assert raised.value.code == code
    assert (ProductRevision.objects.count(), _actions()) == (0, [])


def test_a_product_not_yet_approved_is_not_revised():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)

    with pytest.raises(ValidationError) as raised:
        product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})

    assert raised.value.code == "NOT_SUBMITTABLE"
    assert ProductRevision.objects.count() == 0


def test_a_stranger_cannot_propose_a_revision():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)

    with pytest.raises(PermissionDenied):
        product_revision_propose(user=make_user(), product=product, changes={"name": "X"})

    assert ProductRevision.objects.count() == 0


def test_a_renewed_proof_goes_back_to_the_chamber():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(product=product, status=ClaimStatus.SUSPENDED, valid_until=date(2026, 1, 31))

    renewed = claim_proof_renew(
        user=owner,
        claim=claim,
        proof=ContentFile(PDF, name="certificat.exe"),
        valid_until=date(2027, 1, 31),
        certificate_number=" AOP-2027-12 ",
        today=date(2026, 2, 1),
    )

    claim.refresh_from_db()
    assert (claim.status, claim.valid_until, claim.certificate_number) == (
        ClaimStatus.PENDING,
        date(2027, 1, 31),
        "AOP-2027-12",
    )
    assert claim.proof.name.endswith(".pdf")
    assert claim.proof.read() == PDF
    assert renewed.pk == claim.pk
    assert _actions() == [("producers.claim.proof_renewed", "suspended", "pending")]


@pytest.mark.parametrize(
    ("content", "valid_until", "number", "code"),
    [
        (PDF, date(2026, 2, 1), "N-1", "PROOF_EXPIRED"),
        (PDF, date(2027, 1, 31), " ", "PROOF_REQUIRED"),
        (b"MZ\x90\x00 not a pdf", date(2027, 1, 31), "N-1", "INVALID_DOCUMENT"),
    ],
)
def test_a_bad_renewal_changes_nothing(content, valid_until, number, code):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(product=product, status=ClaimStatus.SUSPENDED, valid_until=date(2026, 1, 31))

    with pytest.raises(ValidationError) as raised:
        claim_proof_renew(
            user=owner,
            claim=claim,
            proof=ContentFile(content, name="proof.pdf"),
            valid_until=valid_until,
            certificate_number=number,
            today=date(2026, 2, 1),
        )

    claim.refresh_from_db()
    assert raised.value.code == code
    assert (claim.status, claim.valid_until, claim.proof.name) == (
        ClaimStatus.SUSPENDED,
        date(2026, 1, 31),
        "",
    )
    assert _actions() == []


def test_a_stranger_cannot_renew_a_proof():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(product=product, status=ClaimStatus.SUSPENDED)

    with pytest.raises(PermissionDenied):
        claim_proof_renew(
            user=make_member(producer=make_producer()),
            claim=claim,
            proof=ContentFile(PDF),
            valid_until=date(2099, 1, 1),
            certificate_number="N-1",
        )

    claim.refresh_from_db()
    assert (claim.status, _actions()) == (ClaimStatus.SUSPENDED, [])
