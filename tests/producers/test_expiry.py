"""The daily proof sweep, run on chosen days (the clock is passed in, so it is frozen)."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from catalogue.models import ClaimStatus, ReviewStatus
from catalogue.selectors import products_for_sale
from producers.models import AuditEntry, ChamberCode
from producers.services.expiry import SweepResult, claims_expiry_sweep
from producers.services.review import claim_decide
from producers.services.submission import claim_proof_renew
from tests.factories import make_claim, make_listed_product, make_reviewer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    def run(day: date) -> SweepResult:
        with django_capture_on_commit_callbacks(execute=True):
            return claims_expiry_sweep(today=day)

    return run


def test_warned_once_suspended_on_the_day_back_on_sale_after_a_verified_renewal(
    sweep, django_capture_on_commit_callbacks
):
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(product=product, status=ClaimStatus.APPROVED, valid_until=date(2026, 3, 31))

    assert sweep(date(2026, 2, 28)) == SweepResult(warned=0, suspended=0)
    assert sweep(date(2026, 3, 1)) == SweepResult(warned=1, suspended=0)
    assert sweep(date(2026, 3, 2)) == SweepResult(warned=0, suspended=0)
    assert sweep(date(2026, 3, 31)) == SweepResult(warned=0, suspended=0)
    assert [message.to for message in mail.outbox] == [[producer.email]]
    assert list(products_for_sale(on=date(2026, 3, 31))) == [product]

    assert sweep(date(2026, 4, 1)) == SweepResult(warned=0, suspended=1)
    claim.refresh_from_db()
    product.refresh_from_db()
    assert (claim.status, product.review_status) == (ClaimStatus.SUSPENDED, ReviewStatus.SUSPENDED)
    assert list(products_for_sale(on=date(2026, 4, 1))) == []
    assert len(mail.outbox) == 3  # the warning, the suspended claim, the withdrawn product

    claim_proof_renew(
        user=owner,
        claim=claim,
        proof=ContentFile(PDF, name="certificat.pdf"),
        valid_until=date(2027, 3, 31),
        certificate_number="AOP-2027-1",
        today=date(2026, 4, 2),
    )
    assert list(products_for_sale(on=date(2026, 4, 2))) == []
    assert sweep(date(2026, 4, 2)) == SweepResult(warned=0, suspended=0)

    with django_capture_on_commit_callbacks(execute=True):
        claim_decide(
            user=make_reviewer(chamber_code=ChamberCode.AGRICULTURE), claim=claim, verified=True
        )
    assert list(products_for_sale(on=date(2026, 4, 2))) == [product]
    assert list(AuditEntry.objects.values_list("action", "to_state")) == [
        ("producers.claim.expiry_warned", ""),
        ("producers.claim.suspended", "suspended"),
        ("producers.product.suspended", "suspended"),
        ("producers.claim.proof_renewed", "pending"),
        ("producers.claim.verified", "approved"),
        ("producers.product.reinstated", "approved"),
    ]


def test_a_claim_that_is_not_essential_leaves_its_product_on_sale(sweep):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    make_claim(
        product=product,
        status=ClaimStatus.APPROVED,
        valid_until=date(2026, 3, 31),
        is_essential=False,
    )

    assert sweep(date(2026, 4, 1)) == SweepResult(warned=0, suspended=1)

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED
    assert list(products_for_sale(on=date(2026, 4, 1))) == [product]


def test_a_renewed_certificate_is_warned_of_again_before_its_new_expiry(sweep):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(product=product, status=ClaimStatus.APPROVED, valid_until=date(2026, 3, 31))
    assert sweep(date(2026, 3, 15)).warned == 1

    claim.valid_until = date(2027, 3, 31)
    claim.save(update_fields=["valid_until"])

    assert sweep(date(2027, 3, 15)).warned == 1
    assert sweep(date(2027, 3, 16)).warned == 0
