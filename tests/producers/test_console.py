import csv
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from catalogue.models import ClaimStatus, ReviewStatus
from producers.audit import audit_record
from producers.models import AuditEntry, Chamber, ChamberCode, ProductRoute
from producers.services.submission import product_revision_propose, product_submit
from tests.factories import make_claim, make_listed_product, make_reviewer, make_user
from tests.producers.uploads import PDF, stored_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    """A farm's product waiting for the Chambre d'Agriculture, with a pending AOP claim."""
    producer, owner, product = make_listed_product()
    claim = make_claim(product=product, proof=ContentFile(PDF, name="aop.pdf"))
    product_submit(user=owner, product=product)
    return producer, product, claim


def test_the_queue_asks_to_sign_in_and_refuses_who_is_not_a_reviewer(client):
    url = reverse("console:queue")

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("storefront:login"))

    client.force_login(make_user())
    assert client.get(url).status_code == 403


def test_a_reviewer_sees_its_queue_and_the_item_with_its_claims_and_proof(client, submitted):
    _producer, product, claim = submitted
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    queue = client.get(reverse("console:queue"))
    page = client.get(reverse("console:product", args=[product.pk]))
    proof = client.get(reverse("console:claim_proof", args=[claim.pk]))

    assert queue.status_code == page.status_code == proof.status_code == 200
    assert reverse("console:product", args=[product.pk]) in queue.content.decode()
    assert [item.item for item in queue.context["items"]] == [product]
    html = page.content.decode()
    assert product.name in html
    assert claim.certificate_number in html
    assert reverse("console:claim_decide", args=[claim.pk]) in html
    assert b"".join(proof.streaming_content) == PDF
    assert proof["Cache-Control"] == "private, no-store"


def test_a_reviewer_of_another_chamber_neither_sees_nor_decides(client, submitted):
    _producer, product, claim = submitted
    client.force_login(make_reviewer(chamber_code=ChamberCode.CMA))
    before = AuditEntry.objects.count()

    assert client.get(reverse("console:product", args=[product.pk])).status_code == 404
    assert client.get(reverse("console:claim_proof", args=[claim.pk])).status_code == 404
    decision = client.post(
        reverse("console:product_decide", args=[product.pk]), {"decision": "approved"}
    )
    verdict = client.post(reverse("console:claim_decide", args=[claim.pk]), {"verdict": "yes"})

    assert (decision.status_code, verdict.status_code) == (404, 404)
    product.refresh_from_db()
    claim.refresh_from_db()
    assert (product.review_status, claim.status) == (ReviewStatus.SUBMITTED, ClaimStatus.PENDING)
    assert AuditEntry.objects.count() == before
    assert client.get(reverse("console:queue")).context["items"] == []


def test_deciding_from_the_console(client, submitted):
    _producer, product, claim = submitted
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    verdict = client.post(reverse("console:claim_decide", args=[claim.pk]), {"verdict": "yes"})
    decision = client.post(
        reverse("console:product_decide", args=[product.pk]), {"decision": "approved"}
    )
    again = client.post(
        reverse("console:product_decide", args=[product.pk]),
        {"decision": "rejected", "reason": "Trop tard"},
        follow=True,
    )

    assert (
        verdict["Location"] == f"{reverse('console:product', args=[product.pk])}#claim-{claim.pk}"
    )
    assert decision["Location"] == reverse("console:queue")
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED
    shown = [(message.level_tag, str(message)) for message in again.context["messages"]]
    # The two decisions before, then the refusal of the third.
    assert [tag for tag, _text in shown] == ["success", "success", "error"]
    assert "« Approuvé »" in shown[-1][1]
    assert again.redirect_chain == [(reverse("console:product", args=[product.pk]), 302)]


def test_a_refusal_without_a_reason_is_sent_back_with_the_message(client, submitted):
    _producer, product, _claim = submitted
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    response = client.post(
        reverse("console:product_decide", args=[product.pk]),
        {"decision": "rejected", "reason": ""},
        follow=True,
    )

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_a_revision_is_shown_beside_the_approved_version(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    approved_name = product.name
    revision = product_revision_propose(
        user=owner, product=product, changes={"name": "Cabécou du Quercy", "is_perishable": False}
    )
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    response = client.get(reverse("console:revision", args=[revision.pk]))

    rows = [(row.approved, row.proposed, row.changed) for row in response.context["review"].rows]
    assert rows[0] == (approved_name, "Cabécou du Quercy", True)
    assert (rows[1][0] == rows[1][1], rows[1][2]) == (True, False)
    assert "Cabécou du Quercy" in response.content.decode()


def test_the_audit_export_is_a_csv_of_the_period_with_formulas_defused(client, submitted):
    producer, product, _claim = submitted
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    audit_record(
        actor=reviewer,
        action="producers.product.changes_requested",
        producer=producer,
        target=product,
        reason='=HYPERLINK("http://example.org")',
    )
    client.force_login(reviewer)
    today = product.updated_at.astimezone().date().isoformat()

    response = client.get(reverse("console:audit_export"), {"start": today, "end": today})
    wrong = client.get(reverse("console:audit_export"), {"start": today, "end": "2000-01-01"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "when",
        "action",
        "who",
        "producer",
        "chamber",
        "item",
        "item_id",
        "from",
        "to",
        "why",
    ]
    assert [(row[1], row[5], row[9]) for row in rows[1:]] == [
        ("producers.product.submitted", "catalogue.product", ""),
        (
            "producers.product.changes_requested",
            "catalogue.product",
            '\'=HYPERLINK("http://example.org")',
        ),
    ]
    assert wrong.status_code == 400


def test_the_console_speaks_english_too(client, submitted):
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    response = client.get("/en/chambre/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Review queue" in response.content.decode()


def test_a_producer_document_opens_for_its_chamber_only(client):
    producer, owner, _product = make_listed_product()
    document = stored_document(producer=producer, uploaded_by=owner)
    url = reverse("console:document", args=[document.pk])

    client.force_login(make_reviewer(chamber_code=ChamberCode.CCI))
    assert client.get(url).status_code == 404
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert b"".join(response.streaming_content) == PDF


def test_the_brand_team_sends_a_product_to_another_chamber_from_the_console(client, submitted):
    _producer, product, _claim = submitted
    cci = Chamber.objects.get(code=ChamberCode.CCI)
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))
    refused = client.post(
        reverse("console:product_reassign", args=[product.pk]), {"chamber": cci.pk}
    )
    client.force_login(make_user(is_staff=True))

    response = client.post(
        reverse("console:product_reassign", args=[product.pk]), {"chamber": cci.pk}
    )

    assert (refused.status_code, response.status_code) == (403, 302)
    assert ProductRoute.objects.get(product=product).chamber == cci
    cci_queue = client.get(reverse("console:queue")).context["items"]
    assert [(item.item, item.chamber_name) for item in cci_queue] == [(product, cci.short_name)]


def test_a_revision_approved_from_the_console_is_applied(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    revision = product_revision_propose(user=owner, product=product, changes={"name": "Cabécou"})
    client.force_login(make_reviewer(chamber_code=ChamberCode.AGRICULTURE))

    response = client.post(
        reverse("console:revision_decide", args=[revision.pk]), {"verdict": "yes"}
    )

    product.refresh_from_db()
    assert response["Location"] == reverse("console:queue")
    assert product.name == "Cabécou"
