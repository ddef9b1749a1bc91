"""Files through the API as multipart requests (the GraphQL multipart request spec): label
certificates and product photos go to the portal's services, and a request that breaks the spec
or the limits is refused whole with a coded JSON error."""

import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue.models import LabelClaim, ProductImage, ReviewStatus
from producers.models import ProductRevision
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from shop.graphql.uploads import MAX_FILE_BYTES, MAX_FILES, MAX_REQUEST_BYTES
from tests.factories import make_listed_product, make_user
from tests.graphql.client import api_post
from tests.producers.uploads import PDF, jpeg_upload, lying_upload, pdf_upload

pytestmark = pytest.mark.django_db

CLAIM_ADD = """mutation($product: ID!, $input: LabelClaimInput!) {
  labelClaimAdd(product: $product, input: $input) {
    claimId status revisionProposed errors { field code } } }"""
MEDIA_CREATE = """mutation($input: ProductMediaCreateInput!) { productMediaCreate(input: $input) {
  product { id media { id } } media { alt type } revisionProposed errors { field code } } }"""
PUBLIC_MEDIA = """query($id: ID!) { product(id: $id, channel: "default-channel") {
  media { id } } }"""


def multipart_post(client, query: str, variables: dict, files: dict, *, user=None):
    """POST `query` as a multipart request: `files` maps a variable path to its upload."""
    names = {str(number): path for number, path in enumerate(files)}
    data = {
        "operations": json.dumps({"query": query, "variables": variables}),
        "map": json.dumps({name: [path] for name, path in names.items()}),
        **{name: files[path] for name, path in names.items()},
    }
    headers = {"HTTP_ACCEPT_LANGUAGE": "en"}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token_for(user=user, token_type=ACCESS)}"
    return client.post("/graphql/", data, **headers)


def claim_input(**overrides) -> dict:
    fields = {
        "sign": "aop",
        "registryReference": "PDO-FR-0164",
        "certifier": "Certipaq",
        "certificateNumber": "CERT-46-1",
        "validUntil": (date.today() + timedelta(days=200)).isoformat(),
        "proof": None,
    }
    return {**fields, **overrides}


def claim_post(client, product, proof, *, user, **overrides):
    """labelClaimAdd on `product` with `proof` sent as the certificate file."""
    variables = {"product": to_global_id("Product", product.pk), "input": claim_input(**overrides)}
    return multipart_post(client, CLAIM_ADD, variables, {"variables.input.proof": proof}, user=user)


def photo_post(client, product, image, *, user=None, alt: str = "x"):
    """productMediaCreate on `product` with `image` sent as the photo file."""
    variables = {
        "input": {"product": to_global_id("Product", product.pk), "image": None, "alt": alt}
    }
    return multipart_post(
        client, MEDIA_CREATE, variables, {"variables.input.image": image}, user=user
    )


def stored_files(root) -> list:
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def test_a_producer_claims_a_sign_with_a_certificate_sent_in_the_request(client, isolated_media):
    _producer, owner, product = make_listed_product()

    response = claim_post(client, product, pdf_upload("certificat.pdf"), user=owner)

    claim = LabelClaim.objects.get(product=product)
    assert response.status_code == 200
    assert response.json()["data"]["labelClaimAdd"] == {
        "claimId": to_global_id("LabelClaim", claim.pk),
        "status": "PENDING",
        "revisionProposed": False,
        "errors": [],
    }
    assert claim.proof.name.endswith(".pdf")
    with claim.proof.open("rb") as stored:
        assert stored.read() == PDF


def test_a_certificate_that_lies_about_its_type_is_refused_and_nothing_is_kept(
    client, isolated_media
):
    _producer, owner, product = make_listed_product()

    response = claim_post(client, product, lying_upload("certificat.pdf"), user=owner)

    assert response.json()["data"]["labelClaimAdd"] == {
        "claimId": None,
        "status": None,
        "revisionProposed": None,
        "errors": [{"field": "proof", "code": "INVALID_DOCUMENT"}],
    }
    assert LabelClaim.objects.count() == 0
    assert stored_files(isolated_media) == []


def test_a_claim_needs_exactly_one_proof(client):
    _producer, owner, product = make_listed_product()
    product_id = to_global_id("Product", product.pk)
    document_id = to_global_id("ProducerDocument", 1)

    neither = api_post(
        client,
        CLAIM_ADD,
        {"product": product_id, "input": claim_input()},
        token=token_for(user=owner, token_type=ACCESS),
    )
    both = claim_post(client, product, pdf_upload(), user=owner, proofDocument=document_id)

    expected = [{"field": "proof", "code": "REQUIRED"}]
    assert neither["data"]["labelClaimAdd"]["errors"] == expected
    assert both.json()["data"]["labelClaimAdd"]["errors"] == expected
    assert LabelClaim.objects.count() == 0


def test_a_producer_adds_a_photo_that_shoppers_see_once_the_chamber_approves(
    client, isolated_media
):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_id = to_global_id("Product", product.pk)

    response = photo_post(
        client, product, jpeg_upload("IMG_0042.jpg"), user=owner, alt="Le fromage sur la planche"
    )
    public = api_post(client, PUBLIC_MEDIA, {"id": product_id})

    image = ProductImage.objects.get(product=product)
    assert response.json()["data"]["productMediaCreate"] == {
        "product": {"id": product_id, "media": []},
        "media": {"alt": "Le fromage sur la planche", "type": "IMAGE"},
        "revisionProposed": True,
        "errors": [],
    }
    assert image.is_published is False
    assert ProductRevision.objects.get(product=product).changes == {"photos": [image.pk]}
    assert public["data"]["product"]["media"] == []


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (lying_upload("photo.jpg"), "UNSUPPORTED_IMAGE_FORMAT"),
        (pdf_upload("photo.jpg"), "UNSUPPORTED_IMAGE_FORMAT"),
    ],
)
def test_a_photo_that_is_no_picture_is_refused_by_its_content(client, isolated_media, upload, code):
    _producer, owner, product = make_listed_product()

    response = photo_post(client, product, upload, user=owner)

    assert response.json()["data"]["productMediaCreate"]["errors"] == [
        {"field": "image", "code": "INVALID_IMAGE"}
    ]
    assert ProductImage.objects.count() == 0
    assert stored_files(isolated_media) == []


def test_another_producers_product_is_refused_and_nothing_changes(client, isolated_media):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    _other, stranger, _own = make_listed_product()

    photo = photo_post(client, product, jpeg_upload(), user=stranger)
    claim = claim_post(client, product, pdf_upload(), user=stranger)
    anonymous = photo_post(client, product, jpeg_upload())

    assert photo.json()["data"]["productMediaCreate"]["errors"] == [
        {"field": "product", "code": "NOT_FOUND"}
    ]
    assert claim.json()["data"]["labelClaimAdd"]["errors"] == [
        {"field": "product", "code": "NOT_FOUND"}
    ]
    assert anonymous.json()["data"]["productMediaCreate"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED"}
    ]
    assert ProductImage.objects.count() == 0
    assert LabelClaim.objects.count() == 0
    assert ProductRevision.objects.count() == 0
    assert stored_files(isolated_media) == []


MEDIA_ERRORS = """mutation($input: ProductMediaCreateInput!) { productMediaCreate(input: $input) {
  errors { field message code } } }"""


@pytest.mark.parametrize("alt", ["A goat cheese", ""])
def test_another_producers_product_answers_as_a_product_that_does_not_exist(
    client, isolated_media, alt
):
    """Neither the answer nor the order of the checks (the text is checked after the product)
    tells a producer whether another's product exists."""
    _producer, _owner, product = make_listed_product()
    _other, stranger, _own = make_listed_product()

    answers = [
        multipart_post(
            client,
            MEDIA_ERRORS,
            {"input": {"product": to_global_id("Product", pk), "image": None, "alt": alt}},
            {"variables.input.image": jpeg_upload()},
            user=stranger,
        ).json()["data"]["productMediaCreate"]
        for pk in (product.pk, product.pk + 1000)
    ]

    nothing = {"field": "product", "message": "Nothing has this ID.", "code": "NOT_FOUND"}
    assert answers == [{"errors": [nothing]}] * 2
    assert ProductImage.objects.count() == 0
    assert stored_files(isolated_media) == []


def _refusal(response) -> tuple[int, str]:
    body = response.json()
    assert "data" not in body
    return response.status_code, body["errors"][0]["extensions"]["exception"]["code"]


def test_too_many_files_are_refused_before_anything_runs(client, isolated_media):
    _producer, owner, product = make_listed_product()
    files = {f"variables.files.{n}": jpeg_upload() for n in range(MAX_FILES + 1)}

    response = multipart_post(
        client,
        MEDIA_CREATE,
        {
            "input": {"product": to_global_id("Product", product.pk), "image": None, "alt": "x"},
            "files": [None] * (MAX_FILES + 1),
        },
        files,
        user=owner,
    )

    assert _refusal(response) == (400, "TOO_MANY_FILES")
    assert response.json()["errors"][0]["message"] == "A request carries at most 4 files."
    assert ProductImage.objects.count() == 0


def test_a_too_large_file_is_refused_before_anything_runs(client, isolated_media):
    _producer, owner, product = make_listed_product()
    huge = SimpleUploadedFile("huge.jpg", b"\xff" * (MAX_FILE_BYTES + 1), "image/jpeg")

    response = photo_post(client, product, huge, user=owner)

    assert _refusal(response) == (413, "FILE_TOO_LARGE")
    assert ProductImage.objects.count() == 0


def _raw_post(client, fields: dict):
    return client.post("/graphql/", fields, HTTP_ACCEPT_LANGUAGE="en")


OPERATION = json.dumps(
    {"query": "mutation($f: Upload) { __typename }", "variables": {"f": None, "n": 1}}
)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"map": "{}"}, "The multipart request has no “operations” field."),
        ({"operations": OPERATION}, "The multipart request has no “map” field."),
        (
            {"operations": "{nope", "map": "{}"},
            "The multipart request's “operations” field is not JSON.",
        ),
        (
            {"operations": OPERATION, "map": '{"0": "variables.f"}', "0": pdf_upload()},
            "The map must be an object giving each file field a list of variable paths.",
        ),
        (
            {"operations": f"[{OPERATION}]", "map": "{}"},
            "Send one operation per request: batches are not taken.",
        ),
        (
            {"operations": OPERATION, "map": '{"0": ["variables.f"]}'},
            "Every file field must be sent once and named in the map.",
        ),
        (
            {"operations": OPERATION, "map": "{}", "0": pdf_upload()},
            "Every file field must be sent once and named in the map.",
        ),
        (
            {"operations": OPERATION, "map": '{"0": ["variables.n"]}', "0": pdf_upload()},
            "The map's path “variables.n” does not lead to a null in the operation's variables.",
        ),
        (
            {"operations": OPERATION, "map": '{"0": ["variables.g.0"]}', "0": pdf_upload()},
            "The map's path “variables.g.0” does not lead to a null in the operation's variables.",
        ),
        (
            {"operations": OPERATION, "map": '{"0": ["query"]}', "0": pdf_upload()},
            "The map's path “query” does not lead to a null in the operation's variables.",
        ),
        (
            {
                "operations": json.dumps({"query": "{ __typename }", "variables": {"g": [None]}}),
                "map": '{"0": ["variables.g.²"]}',
                "0": pdf_upload(),
            },
            "The map's path “variables.g.²” does not lead to a null in the operation's variables.",
        ),
    ],
)
def test_a_request_breaking_the_spec_is_a_400_saying_why(client, fields, message):
    response = _raw_post(client, fields)

    assert _refusal(response) == (400, "INVALID_MULTIPART")
    assert response.json()["errors"][0]["message"] == message


def test_a_file_variable_sent_as_text_is_a_request_error(client):
    _producer, owner, product = make_listed_product()

    result = api_post(
        client,
        MEDIA_CREATE,
        {"input": {"product": to_global_id("Product", product.pk), "image": "photo.jpg"}},
        token=token_for(user=owner, token_type=ACCESS),
    )

    assert "data" not in result
    assert result["errors"][0]["message"].endswith(
        "Send the file in a multipart request whose map names it."
    )
    assert ProductImage.objects.count() == 0


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(client):
    response = client.post(
        "/graphql/",
        {"operations": OPERATION, "map": "{}"},
        CONTENT_LENGTH=str(MAX_REQUEST_BYTES + 1),
    )

    assert _refusal(response) == (413, "REQUEST_TOO_LARGE")


def test_a_multipart_request_without_files_runs_like_any_other(client):
    user = make_user(first_name="Emma")

    response = client.post(
        "/graphql/",
        {"operations": json.dumps({"query": "{ me { firstName } }"}), "map": "{}"},
        HTTP_AUTHORIZATION=f"Bearer {token_for(user=user, token_type=ACCESS)}",
    )

    assert response.json() == {"data": {"me": {"firstName": "Emma"}}}


@pytest.mark.parametrize(
    "operations",
    [
        json.dumps({"query": ["{ __typename }"], "variables": {}}),
        json.dumps({"query": "{ __typename }", "variables": [None]}),
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["query-list", "variables-list", "deep-json"],
)
def test_operations_of_the_wrong_shape_are_a_coded_400(client, operations):
    response = _raw_post(client, {"operations": operations, "map": "{}"})

    assert _refusal(response)[0] == 400
