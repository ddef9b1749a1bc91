from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from catalogue.models import ClaimStatus, ReviewStatus
from producers.models import AuditEntry, Chamber, ChamberCode, ProductRoute
from producers.review_emails import chamber_digest_send
from producers.selectors import (
    audit_entries_between,
    audit_entries_for,
    review_message_latest,
    review_queue_for,
)
from producers.services.review import product_decide
from producers.services.submission import (
    producer_application_submit,
    product_revision_propose,
    product_submit,
)
from tests.factories import (
    make_claim,
    make_listed_product,
    make_member,
    make_producer,
    make_reviewer,
    make_user,
)

pytestmark = pytest.mark.django_db


def _queue(user) -> list[tuple[str, str]]:
    return [(item.kind, item.title) for item in review_queue_for(user=user)]


def test_each_chamber_sees_its_own_queue_oldest_first_and_the_brand_team_sees_all(
    django_assert_num_queries,
):
    farm = make_producer(status=ReviewStatus.DRAFT)
    producer_application_submit(user=make_member(producer=farm), producer=farm)
    _producer, owner, product = make_listed_product()
    product_submit(user=owner, product=product)
    _producer, owner, on_sale = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_revision_propose(user=owner, product=on_sale, changes={"name": "Cabécou"})
    renewed = make_claim(product=on_sale, status=ClaimStatus.PENDING)
    # Decided with its product, not on its own.
    make_claim(product=product, status=ClaimStatus.PENDING)
    craft, craft_owner, craft_product = make_listed_product()
    craft.chamber = Chamber.objects.get(code=ChamberCode.CMA)
    craft.save(update_fields=["chamber"])
    product_submit(user=craft_owner, product=craft_product)
    farm_reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    with django_assert_num_queries(5):
        queue = review_queue_for(user=farm_reviewer)

    assert [(item.kind, item.title) for item in queue] == [
        ("producer", farm.seller.name),
        ("product", product.name),
        ("revision", on_sale.name),
        ("claim", f"{renewed.sign.name} — {on_sale.name}"),
    ]
    assert all(item.waited() >= timedelta(0) for item in queue)
    assert _queue(make_reviewer(chamber_code=ChamberCode.CMA)) == [("product", craft_product.name)]
    assert len(_queue(make_user(is_staff=True))) == 5
    with pytest.raises(PermissionDenied):
        review_queue_for(user=make_user())


def test_a_routed_product_waits_in_the_queue_of_its_new_chamber():
    _producer, owner, product = make_listed_product()
    product_submit(user=owner, product=product)
    ProductRoute.objects.create(product=product, chamber=Chamber.objects.get(code="cci"))

    assert _queue(make_reviewer(chamber_code=ChamberCode.AGRICULTURE)) == []
    assert _queue(make_reviewer(chamber_code=ChamberCode.CCI)) == [("product", product.name)]


def test_the_digest_lists_what_joined_the_queue_and_goes_to_the_chamber_and_its_reviewers():
    _producer, owner, product = make_listed_product()
    product_submit(user=owner, product=product)
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE, email="revue@agri46.fr")
    chamber = Chamber.objects.get(code=ChamberCode.AGRICULTURE)
    yesterday = timezone.now() - timedelta(days=1)

    assert chamber_digest_send(chamber_id=chamber.pk, since=yesterday) == 1
    assert chamber_digest_send(chamber_id=chamber.pk, since=timezone.now()) == 0

    assert [sorted(message.to) for message in mail.outbox] == [
        sorted([chamber.email, reviewer.email])
    ]
    assert product.name in mail.outbox[0].body
    assert "/fr/chambre/" in mail.outbox[0].body


def test_the_audit_export_holds_the_period_and_the_reviewers_own_chamber_only():
    _producer, owner, product = make_listed_product()
    product_submit(user=owner, product=product)
    craft, craft_owner, craft_product = make_listed_product()
    craft.chamber = Chamber.objects.get(code=ChamberCode.CMA)
    craft.save(update_fields=["chamber"])
    product_submit(user=craft_owner, product=craft_product)
    today = timezone.localdate()
    farm_reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)

    entries = audit_entries_between(user=farm_reviewer, start=today, end=today)
    assert [entry.target_id for entry in entries] == [product.pk]
    assert (
        list(
            audit_entries_between(user=farm_reviewer, start=date(2020, 1, 1), end=date(2020, 1, 2))
        )
        == []
    )
    assert audit_entries_between(user=make_user(is_staff=True), start=today, end=today).count() == 2
    with pytest.raises(PermissionDenied):
        audit_entries_between(user=make_user(), start=today, end=today)
    assert list(audit_entries_for(targets=[product])) == list(
        AuditEntry.objects.filter(target_id=product.pk, target_type="catalogue.product")
    )


def test_the_producer_reads_the_chambers_last_message():
    _producer, owner, product = make_listed_product()
    reviewer = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    assert review_message_latest(target=product) is None

    for message in ("Photo floue.", "Précisez l'affinage."):
        product_submit(user=owner, product=product)
        product_decide(
            user=reviewer,
            product=product,
            decision=ReviewStatus.CHANGES_REQUESTED,
            reason=message,
        )
    product_submit(user=owner, product=product)

    latest = review_message_latest(target=product)
    assert (latest.reason, latest.actor) == ("Précisez l'affinage.", reviewer)
