"""The chamber console tells nothing of what exists: every page and decision of another chamber's
item answers 404, as an id naming nothing does, and changes nothing."""

import pytest
from django.urls import reverse

from catalogue.models import LabelClaim, Product, ReviewStatus
from producers.models import (
    AuditEntry,
    Chamber,
    ChamberCode,
    Producer,
    ProductRevision,
    ProductRoute,
)
from producers.services.submission import product_revision_propose, product_submit
from tests.factories import (
    make_claim,
    make_listed_product,
    make_product,
    make_reviewer,
    make_user,
)
from tests.producers.uploads import pdf_file, stored_document

pytestmark = pytest.mark.django_db

MISSING = 10**6


@pytest.fixture
def farm() -> dict:
    """A farm's items, each waiting for the Chambre d'Agriculture: its application with a
    document and a claim of its own, a submitted product with a claim, and a revision of an
    approved product."""
    producer, owner, product = make_listed_product(producer_status=ReviewStatus.SUBMITTED)
    own_claim = make_claim(seller=producer.seller, proof=pdf_file("titre.pdf"))
    claim = make_claim(product=product, proof=pdf_file("aop.pdf"))
    product_submit(user=owner, product=product)
    approved = make_product(seller=producer.seller, review_status=ReviewStatus.APPROVED)
    revision = product_revision_propose(user=owner, product=approved, changes={"name": "Cabécou"})
    document = stored_document(producer=producer, uploaded_by=owner)
    return {
        "producer": producer.pk,
        "product": product.pk,
        "revision": revision.pk,
        "claim_proof": claim.pk,
        "own_claim_proof": own_claim.pk,
        "document": document.pk,
    }


PAGES = [
    ("console:producer", "producer"),
    ("console:product", "product"),
    ("console:revision", "revision"),
    ("console:claim_proof", "claim_proof"),
    ("console:claim_proof", "own_claim_proof"),
    ("console:document", "document"),
]
DECISIONS = [
    ("console:producer_decide", "producer", {"decision": "approved"}),
    ("console:product_decide", "product", {"decision": "approved"}),
    ("console:revision_decide", "revision", {"verdict": "yes"}),
    ("console:claim_decide", "claim_proof", {"verdict": "yes"}),
    ("console:claim_decide", "own_claim_proof", {"verdict": "yes"}),
    ("console:producer_reassign", "producer", {"chamber": "cci"}),
    ("console:product_reassign", "product", {"chamber": "cci"}),
]


def states() -> tuple:
    """What a decision could change."""
    return (
        AuditEntry.objects.count(),
        sorted(Producer.objects.values_list("pk", "status", "chamber_id")),
        sorted(Product.objects.values_list("pk", "review_status")),
        sorted(LabelClaim.objects.values_list("pk", "status")),
        sorted(ProductRevision.objects.values_list("pk", "status")),
        ProductRoute.objects.count(),
    )


@pytest.mark.parametrize(("name", "item"), PAGES, ids=[item for _name, item in PAGES])
def test_another_chamber_s_page_answers_as_a_missing_one(client, farm, name, item):
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))
    own = client.get(reverse(name, args=[farm[item]]))
    client.force_login(make_reviewer(chamber_code=ChamberCode.CMA))

    other = client.get(reverse(name, args=[farm[item]]))
    missing = client.get(reverse(name, args=[MISSING]))

    assert (own.status_code, other.status_code, missing.status_code) == (200, 404, 404)
    assert other.content == missing.content


@pytest.mark.parametrize(
    ("name", "item", "data"), DECISIONS, ids=[name.split(":")[1] for name, *_ in DECISIONS]
)
def test_another_chamber_s_decision_answers_as_a_missing_one_and_changes_nothing(
    client, farm, name, item, data
):
    data = {**data, "chamber": Chamber.objects.get(code=ChamberCode.CCI).pk}
    client.force_login(make_reviewer(chamber_code=ChamberCode.CMA))
    before = states()

    other = client.post(reverse(name, args=[farm[item]]), data)
    missing = client.post(reverse(name, args=[MISSING]), data)

    assert (other.status_code, missing.status_code) == (404, 404)
    assert other.content == missing.content
    assert states() == before


def test_someone_reviewing_for_no_chamber_finds_no_item(client, farm):
    client.force_login(make_user())

    answers = {
        item: client.get(reverse(name, args=[farm[item]])).status_code for name, item in PAGES
    }

    assert answers == {item: 404 for _name, item in PAGES}


def test_a_product_sent_to_another_chamber_shows_its_proof_to_that_chamber_only(client, farm):
    product = Product.objects.get(pk=farm["product"])
    ProductRoute.objects.create(product=product, chamber=Chamber.objects.get(code=ChamberCode.CCI))
    urls = [
        reverse("console:product", args=[product.pk]),
        reverse("console:claim_proof", args=[farm["claim_proof"]]),
    ]
    answers = {}
    for code in (ChamberCode.CCI, ChamberCode.AGRICULTURE):
        client.force_login(make_reviewer(chamber_code=code))
        answers[code] = [client.get(url).status_code for url in urls]

    assert answers == {ChamberCode.CCI: [200, 200], ChamberCode.AGRICULTURE: [404, 404]}
