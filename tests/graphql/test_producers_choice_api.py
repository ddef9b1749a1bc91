"""A member of several producers through the API: `myProducers` lists them, the `producer`
argument of `myProducer`, `producerProfileUpdate` and `producerApplicationSubmit` names one
(by default the one the portal starts with), and a producer the caller is not a member of
answers like one that does not exist, with nothing changed."""

import pytest

from catalogue.models import ReviewStatus
from producers.models import DocumentKind, MemberRole, Producer, ProducerMember
from producers.services.onboarding import producer_document_add
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_member, make_producer, make_seller, make_siret
from tests.graphql.client import api_post
from tests.producers.uploads import pdf_upload

pytestmark = pytest.mark.django_db

MINE = """query($producer: ID) { myProducer(producer: $producer) { producer { name } } }"""
SUBMIT = """mutation($producer: ID) { producerApplicationSubmit(producer: $producer) {
  producer { producer { name } status } errors { field message code } } }"""
PROFILE = """mutation($producer: ID, $input: ProducerProfileInput!) {
  producerProfileUpdate(producer: $producer, input: $input) {
    producer { legalName producer { name } } errors { field message code } } }"""


def _token(user) -> str:
    return token_for(user=user, token_type=ACCESS)


def _id(producer: Producer) -> str:
    return to_global_id("Producer", producer.seller_id)


def _named(name: str) -> Producer:
    return make_producer(seller=make_seller(name=name))


def _member_of_two():
    """The owner of a farm who later joined a workshop's staff."""
    farm, workshop = _named("Chèvrerie des Causses"), _named("Coutellerie du Lot")
    user = make_member(producer=farm)
    ProducerMember.objects.create(producer=workshop, user=user, role=MemberRole.STAFF)
    return user, farm, workshop


def _profile(producer: Producer, **overrides) -> dict:
    fields = {
        "legalName": producer.legal_name,
        "tradeName": producer.seller.name,
        "siret": producer.siret,
        "activityKind": producer.activity_kind,
        "addressLine": producer.address_line,
        "postcode": producer.postcode,
        "town": producer.town,
        "phone": "",
        "email": producer.email,
    }
    return {**fields, **overrides}


def test_a_member_of_two_producers_reads_either_and_the_owned_one_by_default(client):
    user, farm, workshop = _member_of_two()
    stranger = _named("Safran du Quercy")

    def mine(producer: str | None) -> dict | None:
        answer = api_post(client, MINE, {"producer": producer}, token=_token(user))
        return answer["data"]["myProducer"]

    listed = api_post(client, "{ myProducers { producer { name } } }", token=_token(user))

    assert listed["data"]["myProducers"] == [
        {"producer": {"name": "Chèvrerie des Causses"}},
        {"producer": {"name": "Coutellerie du Lot"}},
    ]
    assert mine(None) == {"producer": {"name": "Chèvrerie des Causses"}}
    assert mine(_id(workshop)) == {"producer": {"name": "Coutellerie du Lot"}}
    assert mine(_id(farm)) == {"producer": {"name": "Chèvrerie des Causses"}}
    unknown = to_global_id("Producer", stranger.seller_id + 1000)
    assert [mine(other) for other in (_id(stranger), unknown, "not-an-id")] == [None] * 3


def test_a_member_applies_for_the_producer_they_name_and_not_for_anothers(client):
    user, _farm, workshop = _member_of_two()
    stranger = _named("Safran du Quercy")

    def submit(producer: str | None) -> dict:
        answer = api_post(client, SUBMIT, {"producer": producer}, token=_token(user))
        return answer["data"]["producerApplicationSubmit"]

    applied = submit(_id(workshop))
    refused = submit(_id(stranger))
    unknown = submit(to_global_id("Producer", stranger.seller_id + 1000))

    assert applied == {
        "producer": {"producer": {"name": "Coutellerie du Lot"}, "status": "SUBMITTED"},
        "errors": [],
    }
    not_found = {
        "producer": None,
        "errors": [{"field": "producer", "message": "Nothing has this ID.", "code": "NOT_FOUND"}],
    }
    assert refused == unknown == not_found
    statuses = dict(Producer.objects.values_list("seller__name", "status"))
    assert statuses == {
        "Chèvrerie des Causses": ReviewStatus.DRAFT,
        "Coutellerie du Lot": ReviewStatus.SUBMITTED,
        "Safran du Quercy": ReviewStatus.DRAFT,
    }


def test_the_owner_of_two_producers_changes_the_profile_they_name(client):
    farm, workshop = _named("Chèvrerie des Causses"), _named("Coutellerie du Lot")
    owner = make_member(producer=farm)
    ProducerMember.objects.create(producer=workshop, user=owner, role=MemberRole.OWNER)
    stranger = _named("Safran du Quercy")

    def update(producer: str | None, of: Producer, **changes: str) -> dict:
        variables = {"producer": producer, "input": _profile(of, **changes)}
        return api_post(client, PROFILE, variables, token=_token(owner))["data"][
            "producerProfileUpdate"
        ]

    changed = update(_id(workshop), workshop, legalName="SARL Coutellerie du Lot")
    refused = update(_id(stranger), stranger, legalName="Pris", siret=make_siret())

    assert changed == {
        "producer": {
            "legalName": "SARL Coutellerie du Lot",
            "producer": {"name": "Coutellerie du Lot"},
        },
        "errors": [],
    }
    assert refused["errors"] == [
        {"field": "producer", "message": "Nothing has this ID.", "code": "NOT_FOUND"}
    ]
    legal_names = dict(Producer.objects.values_list("seller__name", "legal_name"))
    assert legal_names == {
        "Chèvrerie des Causses": farm.legal_name,
        "Coutellerie du Lot": "SARL Coutellerie du Lot",
        "Safran du Quercy": stranger.legal_name,
    }


def test_the_producers_documents_cost_the_same_queries_however_many_producers(
    client, django_assert_num_queries
):
    user, farm, workshop = _member_of_two()
    for producer in (farm, workshop):
        producer_document_add(
            user=user, producer=producer, kind=DocumentKind.REGISTRATION, upload=pdf_upload()
        )
    query = "{ myProducers { producer { name } documents { kind } } }"
    with django_assert_num_queries(3):  # the user, their memberships, the documents
        api_post(client, query, token=_token(user))
    third = _named("Noix du Périgord")
    ProducerMember.objects.create(producer=third, user=user, role=MemberRole.STAFF)

    with django_assert_num_queries(3):
        answer = api_post(client, query, token=_token(user))

    assert [len(item["documents"]) for item in answer["data"]["myProducers"]] == [1, 1, 0]
