"""The producer portal tells nothing of what exists: another producer's product, claim or
revision answers as an id naming nothing does, on every page, and nothing changes."""

import pytest
from django.urls import reverse

from catalogue.models import LabelClaim, Product, ProductImage, ProductVariant, ReviewStatus
from producers.models import ProducerDocument, ProductRevision
from producers.services.submission import product_revision_propose
from tests.factories import make_claim, make_listed_product, make_product, make_variant
from tests.producers.uploads import pdf_file, stored_document

pytestmark = pytest.mark.django_db

MISSING = 10**6


@pytest.fixture
def neighbour() -> dict:
    """Another farm's items: a draft product with a variant and a claim, an approved product
    with a revision waiting, a document; and the signed-in farm's own product."""
    producer, owner, product = make_listed_product()
    variant = make_variant(product=product)
    claim = make_claim(product=product, proof=pdf_file("aop.pdf"))
    approved = make_product(seller=producer.seller, review_status=ReviewStatus.APPROVED)
    product_revision_propose(user=owner, product=approved, changes={"name": "Cabécou"})
    document = stored_document(producer=producer, uploaded_by=owner)
    _mine, me, own_product = make_listed_product()
    return {
        "me": me,
        "product": product.pk,
        "variant": variant.pk,
        "claim": claim.pk,
        "revised": approved.pk,
        "document": document.pk,
        "own_product": own_product.pk,
    }


# (method, URL name, the items its arguments name): each names the neighbour's item, and
# MISSING for the answer to compare with.
ROUTES = [
    ("get", "portal:product_edit", ["product"]),
    ("post", "portal:product_edit", ["product"]),
    ("post", "portal:variant_add", ["product"]),
    ("post", "portal:variant_edit", ["product", "variant"]),
    ("post", "portal:photo_add", ["product"]),
    ("post", "portal:photos_order", ["product"]),
    ("post", "portal:claim_add", ["product"]),
    ("post", "portal:claim_renew", ["product", "claim"]),
    ("post", "portal:claim_renew", ["own_product", "claim"]),
    ("post", "portal:product_send", ["product"]),
    ("get", "portal:product_edit", ["revised"]),
    ("post", "portal:revision_withdraw", ["revised"]),
    ("get", "portal:claim_proof", ["claim"]),
    ("get", "portal:document_download", ["document"]),
]


def states() -> tuple:
    return (
        sorted(Product.objects.values_list("pk", "name", "review_status")),
        sorted(ProductVariant.objects.values_list("pk", "price", "stock_quantity")),
        sorted(LabelClaim.objects.values_list("pk", "status", "certificate_number")),
        sorted(ProductRevision.objects.values_list("pk", "status")),
        ProductImage.objects.count(),
        ProducerDocument.objects.count(),
    )


@pytest.mark.parametrize(
    ("method", "name", "items"),
    ROUTES,
    ids=[f"{method}-{name.split(':')[1]}-{'-'.join(items)}" for method, name, items in ROUTES],
)
def test_another_producer_s_item_answers_as_a_missing_one(client, neighbour, method, name, items):
    client.force_login(neighbour["me"])
    before = states()
    send = getattr(client, method)

    other = send(reverse(name, args=[neighbour[item] for item in items]))
    missing_args = [neighbour[item] if item == "own_product" else MISSING for item in items]
    missing = send(reverse(name, args=missing_args))

    assert other.status_code == missing.status_code
    assert other.status_code in (403, 404)
    assert other.content == missing.content
    assert states() == before


def test_a_variant_of_another_producer_is_refused_as_a_missing_one(client, neighbour):
    client.force_login(neighbour["me"])
    before = states()
    sent = {
        "variant-sku": "VOL-1",
        "variant-price": "0.10",
        "variant-weight_grams": "35",
        "variant-stock_quantity": "0",
    }

    answers = []
    for variant_id in (neighbour["variant"], MISSING):
        url = reverse("portal:variant_edit", args=[neighbour["own_product"], variant_id])
        response = client.post(url, sent, follow=True)
        answers.append([str(message) for message in response.context["messages"]])

    assert answers[0] == answers[1] == ["Cette variante n'existe pas."]
    assert states() == before
