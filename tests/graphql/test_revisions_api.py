"""Revisions through the API: a producer proposes changes to an approved product (or withdraws
them), its chamber reads them beside the approved values and approves or refuses them; the
wrong person is refused and nothing changes."""

import pytest

from catalogue.models import Product, ReviewStatus
from producers.models import ChamberCode, ProductRevision, RevisionStatus
from producers.services.listing_parts import product_photo_add
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_category, make_listed_product, make_reviewer, make_user
from tests.graphql.client import api_post
from tests.producers.uploads import jpeg_upload

pytestmark = pytest.mark.django_db

REVISION_FIELDS = "id status reason changes { field approved proposed changed }"
PROPOSE = f"""mutation($product: ID!, $input: ProductRevisionInput!) {{
  productRevisionPropose(product: $product, input: $input) {{
    revision {{ {REVISION_FIELDS} }} errors {{ field code }} }} }}"""
WITHDRAW = """mutation($product: ID!) { productRevisionWithdraw(product: $product) {
  revision { status } errors { field code } } }"""
DECIDE = """mutation($id: ID!, $approved: Boolean!, $reason: String) {
  revisionDecide(id: $id, approved: $approved, reason: $reason) {
    revision { status reason product { name } } errors { field code } } }"""
READ = f"""query($id: ID!) {{ productRevision(id: $id) {{ {REVISION_FIELDS} }} }}"""
QUEUE = "{ reviewQueue { kind itemId } }"


def _token(user) -> str:
    return token_for(user=user, token_type=ACCESS)


def _approved_product():
    producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    return owner, product, make_reviewer(chamber_code=producer.chamber.code)


def _propose(client, product, user, **fields) -> dict:
    variables = {"product": to_global_id("Product", product.pk), "input": fields}
    return api_post(client, PROPOSE, variables, token=_token(user))["data"][
        "productRevisionPropose"
    ]


def test_a_producer_proposes_changes_and_its_chamber_approves_them(client):
    owner, product, reviewer = _approved_product()
    approved_name = product.name
    category = make_category()

    proposed = _propose(
        client,
        product,
        owner,
        name="Cabécou du Causse",
        nameEn="Causse Cabécou",
        category=to_global_id("Category", category.pk),
    )
    revision = ProductRevision.objects.get(product=product)
    revision_id = to_global_id("ProductRevision", revision.pk)
    queue = api_post(client, QUEUE, token=_token(reviewer))
    read = api_post(client, READ, {"id": revision_id}, token=_token(reviewer))
    on_sale = Product.objects.get(pk=product.pk).name
    decided = api_post(
        client, DECIDE, {"id": revision_id, "approved": True}, token=_token(reviewer)
    )

    expected = {
        "id": revision_id,
        "status": "PENDING",
        "reason": "",
        "changes": [
            {
                "field": "name",
                "approved": approved_name,
                "proposed": "Cabécou du Causse",
                "changed": True,
            },
            {
                "field": "translations",
                "approved": {"en": {"name": ""}},
                "proposed": {"en": {"name": "Causse Cabécou"}},
                "changed": True,
            },
            {
                "field": "category",
                "approved": to_global_id("Category", product.category_id),
                "proposed": to_global_id("Category", category.pk),
                "changed": True,
            },
        ],
    }
    assert proposed == {"revision": expected, "errors": []}
    assert {"kind": "REVISION", "itemId": revision_id} in queue["data"]["reviewQueue"]
    assert read["data"]["productRevision"] == expected
    assert on_sale == approved_name
    assert decided["data"]["revisionDecide"] == {
        "revision": {"status": "APPROVED", "reason": "", "product": {"name": "Cabécou du Causse"}},
        "errors": [],
    }
    product.refresh_from_db()
    assert (product.name, product.category_id) == ("Cabécou du Causse", category.pk)
    assert product.translations["en"]["name"] == "Causse Cabécou"


def test_a_proposal_joins_the_changes_still_waiting(client):
    owner, product, _reviewer = _approved_product()
    photo, _revision = product_photo_add(
        user=owner, product=product, upload=jpeg_upload(), alt="Sur la planche"
    )

    proposed = _propose(client, product, owner, isPerishable=False)

    assert [change["field"] for change in proposed["revision"]["changes"]] == [
        "photos",
        "isPerishable",
    ]
    assert proposed["revision"]["changes"][0]["proposed"] == [
        to_global_id("ProductMedia", photo.pk)
    ]
    assert list(
        ProductRevision.objects.filter(product=product).values_list("status", flat=True)
    ) == [RevisionStatus.SUPERSEDED, RevisionStatus.PENDING]


def test_a_refusal_needs_a_reason_and_keeps_the_approved_version(client):
    owner, product, reviewer = _approved_product()
    approved_name = product.name
    _propose(client, product, owner, name="Cabécou")
    revision_id = to_global_id("ProductRevision", ProductRevision.objects.get().pk)

    without_reason = api_post(
        client, DECIDE, {"id": revision_id, "approved": False}, token=_token(reviewer)
    )
    null_reason = api_post(
        client,
        DECIDE,
        {"id": revision_id, "approved": False, "reason": None},
        token=_token(reviewer),
    )
    refused = api_post(
        client,
        DECIDE,
        {"id": revision_id, "approved": False, "reason": "Le nom doit rester AOP."},
        token=_token(reviewer),
    )
    again = api_post(client, DECIDE, {"id": revision_id, "approved": True}, token=_token(reviewer))

    assert (
        without_reason["data"]["revisionDecide"]
        == null_reason["data"]["revisionDecide"]
        == {
            "revision": None,
            "errors": [{"field": None, "code": "REASON_REQUIRED"}],
        }
    )
    assert refused["data"]["revisionDecide"] == {
        "revision": {
            "status": "REFUSED",
            "reason": "Le nom doit rester AOP.",
            "product": {"name": approved_name},
        },
        "errors": [],
    }
    assert again["data"]["revisionDecide"]["errors"] == [{"field": None, "code": "NOT_WAITING"}]
    assert Product.objects.get(pk=product.pk).name == approved_name


def test_a_producer_withdraws_its_waiting_changes(client):
    owner, product, _reviewer = _approved_product()
    _propose(client, product, owner, name="Cabécou")
    variables = {"product": to_global_id("Product", product.pk)}

    withdrawn = api_post(client, WITHDRAW, variables, token=_token(owner))
    nothing_left = api_post(client, WITHDRAW, variables, token=_token(owner))

    assert withdrawn["data"]["productRevisionWithdraw"] == {
        "revision": {"status": "WITHDRAWN"},
        "errors": [],
    }
    assert nothing_left["data"]["productRevisionWithdraw"] == {
        "revision": None,
        "errors": [{"field": None, "code": "NOT_WAITING"}],
    }


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({}, {"field": None, "code": "NO_CHANGES"}),
        ({"name": "   "}, {"field": None, "code": "INVALID_CHANGES"}),
        (
            {"photos": [to_global_id("ProductMedia", 999999)]},
            {"field": None, "code": "INVALID_CHANGES"},
        ),
        ({"category": "not-an-id"}, {"field": "category", "code": "NOT_FOUND"}),
        (
            {"labelClaims": [to_global_id("Product", 1)]},
            {"field": "labelClaims", "code": "NOT_FOUND"},
        ),
    ],
)
def test_a_bad_proposal_is_a_typed_error_and_proposes_nothing(client, fields, error):
    owner, product, _reviewer = _approved_product()

    proposed = _propose(client, product, owner, **fields)

    assert proposed == {"revision": None, "errors": [error]}
    assert not ProductRevision.objects.exists()


def test_only_an_approved_product_is_revised(client):
    _producer, owner, draft = make_listed_product(product_status=ReviewStatus.DRAFT)

    proposed = _propose(client, draft, owner, name="Cabécou")

    assert proposed == {"revision": None, "errors": [{"field": None, "code": "NOT_SUBMITTABLE"}]}
    assert not ProductRevision.objects.exists()


def test_the_wrong_people_get_the_answer_of_an_id_naming_nothing_and_nothing_changes(client):
    owner, product, _reviewer = _approved_product()
    _other_producer, stranger, _own = make_listed_product()
    other_chamber = make_reviewer(chamber_code=ChamberCode.CMA)
    approved_name = product.name
    _propose(client, product, owner, name="Cabécou")
    revision = ProductRevision.objects.get()
    products = (product, Product(pk=product.pk + 1000))
    revision_ids = [to_global_id("ProductRevision", pk) for pk in (revision.pk, revision.pk + 1000)]

    proposed = [
        _propose(client, revised, stranger, **fields)
        for fields in ({"name": "Volé"}, {})
        for revised in products
    ]
    withdrawn = [
        api_post(
            client,
            WITHDRAW,
            {"product": to_global_id("Product", revised.pk)},
            token=_token(stranger),
        )["data"]
        for revised in products
    ]
    decided = [
        api_post(client, DECIDE, {"id": id_, **decision}, token=_token(user))["data"]
        for user in (other_chamber, owner)
        for decision in ({"approved": True}, {"approved": False}, {"approved": False, "reason": ""})
        for id_ in revision_ids
    ]
    read = [
        api_post(client, READ, {"id": id_}, token=_token(user))
        for user in (other_chamber, make_user())
        for id_ in revision_ids
    ]
    by_anonymous = api_post(client, DECIDE, {"id": revision_ids[0], "approved": True})

    assert (
        proposed == [{"revision": None, "errors": [{"field": "product", "code": "NOT_FOUND"}]}] * 4
    )
    assert (
        withdrawn
        == [
            {
                "productRevisionWithdraw": {
                    "revision": None,
                    "errors": [{"field": "product", "code": "NOT_FOUND"}],
                }
            }
        ]
        * 2
    )
    assert (
        decided
        == [
            {"revisionDecide": {"revision": None, "errors": [{"field": "id", "code": "NOT_FOUND"}]}}
        ]
        * 12
    )
    assert read == [{"data": {"productRevision": None}}] * 4
    assert by_anonymous["data"]["revisionDecide"] == {
        "revision": None,
        "errors": [{"field": None, "code": "PERMISSION_DENIED"}],
    }
    revision.refresh_from_db()
    assert (revision.status, revision.changes) == (RevisionStatus.PENDING, {"name": "Cabécou"})
    assert ProductRevision.objects.count() == 1
    assert Product.objects.get(pk=product.pk).name == approved_name


def test_an_unknown_revision_reads_as_null(client):
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    unknown = api_post(
        client, READ, {"id": to_global_id("ProductRevision", 999999)}, token=_token(reviewer)
    )
    malformed = api_post(client, READ, {"id": "nope"}, token=_token(reviewer))

    assert unknown == {"data": {"productRevision": None}}
    assert malformed == {"data": {"productRevision": None}}
