"""A producer takes back the changes still waiting for the chamber."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalogue.models import ClaimStatus, LabelClaim, QualitySign, ReviewStatus
from producers.models import AuditEntry, ProductRevision, RevisionStatus
from producers.routing import product_chamber
from producers.services.listing_parts import claim_add
from producers.services.review import claim_decide, revision_decide
from producers.services.submission import product_revision_propose, product_revision_withdraw
from tests.factories import make_claim, make_listed_product, make_reviewer, make_user
from tests.producers.test_listings import claim_data
from tests.producers.uploads import pdf_upload

pytestmark = pytest.mark.django_db


def test_the_producer_withdraws_the_waiting_revision_and_keeps_the_approved_version():
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    approved_name = product.name
    revision = product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})

    withdrawn = product_revision_withdraw(user=owner, product=product)

    product.refresh_from_db()
    assert withdrawn.pk == revision.pk
    assert (withdrawn.status, withdrawn.decided_by) == (RevisionStatus.WITHDRAWN, owner)
    assert (product.name, product.review_status) == (approved_name, ReviewStatus.APPROVED)
    assert list(
        AuditEntry.objects.filter(producer=producer)
        .order_by("id")
        .values_list("action", "from_state", "to_state")
    ) == [
        ("producers.revision.proposed", "", "pending"),
        ("producers.revision.withdrawn", "pending", "withdrawn"),
    ]


def test_a_withdrawn_revision_can_no_longer_be_decided():
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    revision = product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})
    product_revision_withdraw(user=owner, product=product)
    chamber = product_chamber(product=product, producer=producer)
    reviewer = make_reviewer(chamber_code=chamber.code)

    with pytest.raises(ValidationError) as raised:
        revision_decide(user=reviewer, revision=revision, approved=True)

    product.refresh_from_db()
    assert raised.value.code == "NOT_WAITING"
    assert not product.name.startswith("Cabécou")


def test_nothing_to_withdraw_is_a_clear_error():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)

    with pytest.raises(ValidationError) as raised:
        product_revision_withdraw(user=owner, product=product)

    assert raised.value.code == "NOT_WAITING"
    assert AuditEntry.objects.count() == 0


def test_a_stranger_cannot_withdraw_a_revision():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})

    with pytest.raises(PermissionDenied):
        product_revision_withdraw(user=make_user(), product=product)

    assert list(ProductRevision.objects.values_list("status", flat=True)) == ["pending"]


def test_the_portal_offers_the_withdrawal_and_confirms_it(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})
    client.force_login(owner)
    edit = reverse("portal:product_edit", args=[product.pk])
    withdraw = reverse("portal:revision_withdraw", args=[product.pk])

    page = client.get(edit).content.decode()
    response = client.post(withdraw, follow=True)

    assert f'action="{withdraw}"' in page
    assert "Retirer mes modifications" in page
    assert response.redirect_chain == [(edit, 302)]
    assert "Vos modifications sont retirées" in response.content.decode()
    assert f'action="{withdraw}"' not in response.content.decode()
    assert list(ProductRevision.objects.values_list("status", flat=True)) == ["withdrawn"]


def test_another_producer_cannot_withdraw_through_the_portal(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})
    _other, intruder, _other_product = make_listed_product()
    client.force_login(intruder)

    response = client.post(reverse("portal:revision_withdraw", args=[product.pk]))

    assert response.status_code == 404
    assert list(ProductRevision.objects.values_list("status", flat=True)) == ["pending"]


def test_withdrawing_takes_back_the_claims_it_brought_and_keeps_a_renewed_one():
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    chamber = product_chamber(product=product, producer=producer)
    renewed = make_claim(product=product, status=ClaimStatus.PENDING)
    claim_decide(user=make_reviewer(chamber_code=chamber.code), claim=renewed, verified=True)
    LabelClaim.objects.filter(pk=renewed.pk).update(status=ClaimStatus.PENDING)
    added, revision = claim_add(
        user=owner,
        product=product,
        data=claim_data(sign_id=QualitySign.objects.get(code="label-rouge").pk),
        proof=pdf_upload(),
    )
    assert sorted(revision.changes["label_claims"]) == sorted([renewed.pk, added.pk])

    product_revision_withdraw(user=owner, product=product)

    assert list(LabelClaim.objects.values_list("pk", flat=True)) == [renewed.pk]
    assert AuditEntry.objects.filter(
        action="producers.claim.withdrawn", target_id=added.pk
    ).exists()
