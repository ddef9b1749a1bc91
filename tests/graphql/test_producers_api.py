"""Producers and chambers through the API: profiles, submissions, claims, the queue and the
decisions, each refused to the wrong person with nothing changed."""

from datetime import date, timedelta

import pytest

from catalogue.models import ClaimStatus, LabelClaim, Product, ReviewStatus
from producers.models import AuditEntry, ChamberCode, Producer
from producers.services.onboarding import producer_document_add
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import (
    make_claim,
    make_listed_product,
    make_reviewer,
    make_siret,
    make_user,
    make_variant,
)
from tests.graphql.client import api_post
from tests.producers.uploads import pdf_upload

pytestmark = pytest.mark.django_db

PRODUCT_SUBMIT = """mutation($id: ID!) { productSubmit(id: $id) {
  product { id name } reviewStatus errors { field message code } } }"""
PRODUCT_DECIDE = """mutation($id: ID!, $decision: ReviewDecisionEnum!, $reason: String) {
  productDecide(id: $id, decision: $decision, reason: $reason) {
    product { id } status errors { field message code } } }"""
REVIEW_QUEUE = """{ reviewQueue { kind itemId title chamber waitingSince producer { name } } }"""
PRODUCTS = """{ products(first: 10, channel: "default-channel") { edges { node { id name } } } }"""
PROFILE_UPDATE = """mutation($input: ProducerProfileInput!) { producerProfileUpdate(input: $input) {
  producer { legalName siret status chamber producer { name } }
  errors { field message code } } }"""
MY_PRODUCER = "{ myProducer { legalName status chamber documents { id kind } } }"


def _token(user) -> str:
    return token_for(user=user, token_type=ACCESS)


def _profile(**overrides) -> dict:
    fields = {
        "legalName": "GAEC des Causses",
        "tradeName": "Ferme des Causses",
        "siret": make_siret(),
        "activityKind": "farm",
        "addressLine": "Le Bourg",
        "postcode": "46500",
        "town": "Rocamadour",
        "phone": "05 65 00 00 00",
        "email": "causses@example.org",
    }
    return {**fields, **overrides}


def test_a_producer_submits_and_its_chamber_approves_a_product_through_the_api(
    client, django_assert_num_queries
):
    _producer, owner, product = make_listed_product()
    make_variant(product=product)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    product_id = to_global_id("Product", product.pk)

    submitted = api_post(client, PRODUCT_SUBMIT, {"id": product_id}, token=_token(owner))
    with django_assert_num_queries(6):
        queue = api_post(client, REVIEW_QUEUE, token=_token(reviewer))
    decided = api_post(
        client, PRODUCT_DECIDE, {"id": product_id, "decision": "APPROVE"}, token=_token(reviewer)
    )
    listed = api_post(client, PRODUCTS)

    assert submitted["data"]["productSubmit"] == {
        "product": {"id": product_id, "name": product.name},
        "reviewStatus": "SUBMITTED",
        "errors": [],
    }
    [item] = queue["data"]["reviewQueue"]
    assert (item["kind"], item["itemId"], item["title"]) == ("PRODUCT", product_id, product.name)
    assert item["producer"] == {"name": product.seller.name}
    assert item["chamber"] == "Chambre d'Agriculture"
    assert decided["data"]["productDecide"] == {
        "product": {"id": product_id},
        "status": "APPROVED",
        "errors": [],
    }
    assert listed["data"]["products"]["edges"] == [
        {"node": {"id": product_id, "name": product.name}}
    ]


def test_the_queue_costs_the_same_queries_however_long_it_is(client, django_assert_num_queries):
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    for _ in range(3):
        make_listed_product(product_status=ReviewStatus.SUBMITTED)
        make_listed_product(producer_status=ReviewStatus.SUBMITTED)

    with django_assert_num_queries(6):
        queue = api_post(client, REVIEW_QUEUE, token=_token(reviewer))

    kinds = sorted(item["kind"] for item in queue["data"]["reviewQueue"])
    assert kinds == ["PRODUCER"] * 3 + ["PRODUCT"] * 3


@pytest.mark.parametrize(
    "decision",
    [{"decision": "APPROVE"}, {"decision": "REJECT"}, {"decision": "REJECT", "reason": ""}],
)
def test_another_chambers_product_answers_like_an_id_naming_nothing_and_nothing_changes(
    client, decision
):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    outsider = make_reviewer(chamber_code=ChamberCode.CMA)
    shopper = make_user()
    entries = AuditEntry.objects.count()
    unknown_id = to_global_id("Product", product.pk + 1000)
    product_id = to_global_id("Product", product.pk)

    answers = [
        api_post(client, PRODUCT_DECIDE, {"id": id_, **decision}, token=_token(user))
        for user in (outsider, shopper)
        for id_ in (product_id, unknown_id)
    ]
    queue = api_post(client, REVIEW_QUEUE, token=_token(outsider))

    not_found = {
        "productDecide": {
            "product": None,
            "status": None,
            "errors": [{"field": "id", "message": "Nothing has this ID.", "code": "NOT_FOUND"}],
        }
    }
    assert [answer["data"] for answer in answers] == [not_found] * 4
    assert all("errors" not in answer for answer in answers)
    assert queue["data"]["reviewQueue"] == []
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED
    assert product.brand_approved_at is None
    assert AuditEntry.objects.count() == entries


PRODUCER_DECIDE = """mutation($id: ID!, $decision: ReviewDecisionEnum!, $reason: String) {
  producerDecide(id: $id, decision: $decision, reason: $reason) {
    status errors { field message code } } }"""
CLAIM_DECIDE = """mutation($id: ID!, $verified: Boolean!, $reason: String) {
  claimDecide(id: $id, verified: $verified, reason: $reason) {
    status errors { field message code } } }"""


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "empty"])
def test_another_chambers_producer_and_claim_answer_like_ids_naming_nothing(client, valid):
    producer, _owner, product = make_listed_product(producer_status=ReviewStatus.SUBMITTED)
    claim = make_claim(product=product)
    outsider = make_reviewer(chamber_code=ChamberCode.CMA)
    entries = AuditEntry.objects.count()
    decisions = {
        PRODUCER_DECIDE: (
            [
                to_global_id("Producer", pk)
                for pk in (producer.seller_id, producer.seller_id + 1000)
            ],
            {"decision": "APPROVE"} if valid else {"decision": "REJECT", "reason": ""},
        ),
        CLAIM_DECIDE: (
            [to_global_id("LabelClaim", pk) for pk in (claim.pk, claim.pk + 1000)],
            {"verified": True} if valid else {"verified": False},
        ),
    }

    answers = [
        [
            api_post(client, mutation, {"id": id_, **decision}, token=_token(outsider))["data"]
            for id_ in ids
        ]
        for mutation, (ids, decision) in decisions.items()
    ]

    not_found = {
        "status": None,
        "errors": [{"field": "id", "message": "Nothing has this ID.", "code": "NOT_FOUND"}],
    }
    assert answers == [
        [{"producerDecide": not_found}] * 2,
        [{"claimDecide": not_found}] * 2,
    ]
    producer.refresh_from_db()
    claim.refresh_from_db()
    assert (producer.status, claim.status) == (ReviewStatus.SUBMITTED, ClaimStatus.PENDING)
    assert AuditEntry.objects.count() == entries


def test_an_anonymous_call_is_refused_and_nothing_changes(client):
    _producer, _owner, product = make_listed_product()

    submitted = api_post(client, PRODUCT_SUBMIT, {"id": to_global_id("Product", product.pk)})
    queue = api_post(client, REVIEW_QUEUE)
    mine = api_post(client, MY_PRODUCER)

    assert submitted["data"]["productSubmit"]["errors"] == [
        {"field": None, "message": "Sign in first.", "code": "PERMISSION_DENIED"}
    ]
    assert queue["data"] is None
    assert queue["errors"][0]["message"] == "Sign in first."
    assert queue["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert mine["data"] == {"myProducer": None}
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.DRAFT


def test_bad_input_gives_typed_errors_and_saves_nothing(client):
    user = make_user()
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)

    profile = api_post(
        client, PROFILE_UPDATE, {"input": _profile(postcode="75001")}, token=_token(user)
    )
    unknown = api_post(
        client, PRODUCT_DECIDE, {"id": "bm9wZQ==", "decision": "APPROVE"}, token=_token(reviewer)
    )
    no_reason = api_post(
        client,
        PRODUCT_DECIDE,
        {"id": to_global_id("Product", product.pk), "decision": "REJECT"},
        token=_token(reviewer),
    )

    assert profile["data"]["producerProfileUpdate"] == {
        "producer": None,
        "errors": [
            {
                "field": "postcode",
                "message": "The shop is for producers of the Lot: the postcode starts with 46.",
                "code": "INVALID",
            }
        ],
    }
    assert unknown["data"]["productDecide"]["errors"] == [
        {"field": "id", "message": "Nothing has this ID.", "code": "NOT_FOUND"}
    ]
    assert no_reason["data"]["productDecide"]["errors"] == [
        {
            "field": None,
            "message": "Write the reason, which the producer will read.",
            "code": "REASON_REQUIRED",
        }
    ]
    assert not Producer.objects.filter(producermember__user=user).exists()
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED


def test_a_producer_registers_and_applies_and_its_chamber_approves_it(client):
    user = make_user()
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    submit = "mutation { producerApplicationSubmit { producer { status } errors { code } } }"
    decide = """mutation($id: ID!) { producerDecide(id: $id, decision: APPROVE) {
      status errors { code } } }"""

    created = api_post(client, PROFILE_UPDATE, {"input": _profile()}, token=_token(user))
    applied = api_post(client, submit, token=_token(user))
    producer = Producer.objects.get(producermember__user=user)
    decided = api_post(
        client, decide, {"id": to_global_id("Producer", producer.seller_id)}, token=_token(reviewer)
    )
    mine = api_post(client, MY_PRODUCER, token=_token(user))

    assert created["data"]["producerProfileUpdate"] == {
        "producer": {
            "legalName": "GAEC des Causses",
            "siret": producer.siret,
            "status": "DRAFT",
            "chamber": "Chambre d'Agriculture",
            "producer": {"name": "Ferme des Causses"},
        },
        "errors": [],
    }
    assert applied["data"]["producerApplicationSubmit"] == {
        "producer": {"status": "SUBMITTED"},
        "errors": [],
    }
    assert decided["data"]["producerDecide"] == {"status": "APPROVED", "errors": []}
    assert mine["data"]["myProducer"] == {
        "legalName": "GAEC des Causses",
        "status": "APPROVED",
        "chamber": "Chambre d'Agriculture",
        "documents": [],
    }


def test_a_producer_claims_a_sign_with_an_uploaded_certificate_and_its_chamber_verifies_it(
    client,
):
    producer, owner, product = make_listed_product()
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    document = producer_document_add(
        user=owner, producer=producer, kind="label_certificate", upload=pdf_upload()
    )
    add = """mutation($product: ID!, $input: LabelClaimInput!) {
      labelClaimAdd(product: $product, input: $input) {
        claimId status revisionProposed errors { field code } } }"""
    claim_input = {
        "sign": "aop",
        "registryReference": "PDO-FR-0164",
        "certifier": "Certipaq",
        "certificateNumber": "CERT-46-1",
        "validUntil": (date.today() + timedelta(days=200)).isoformat(),
        "proofDocument": to_global_id("ProducerDocument", document.pk),
    }
    verify = """mutation($id: ID!) { claimDecide(id: $id, verified: true) {
      status errors { code } } }"""

    refused = api_post(
        client,
        add,
        {"product": to_global_id("Product", product.pk), "input": {**claim_input, "sign": "x"}},
        token=_token(owner),
    )
    added = api_post(
        client,
        add,
        {"product": to_global_id("Product", product.pk), "input": claim_input},
        token=_token(owner),
    )
    claim = LabelClaim.objects.get(product=product)
    verified = api_post(
        client, verify, {"id": to_global_id("LabelClaim", claim.pk)}, token=_token(reviewer)
    )

    assert refused["data"]["labelClaimAdd"]["errors"] == [{"field": "sign", "code": "INVALID"}]
    assert added["data"]["labelClaimAdd"] == {
        "claimId": to_global_id("LabelClaim", claim.pk),
        "status": "PENDING",
        "revisionProposed": False,
        "errors": [],
    }
    assert verified["data"]["claimDecide"] == {"status": "APPROVED", "errors": []}
    claim.refresh_from_db()
    assert (claim.status, claim.certificate_number) == (ClaimStatus.APPROVED, "CERT-46-1")
    assert Product.objects.get(pk=product.pk).review_status == ReviewStatus.DRAFT
