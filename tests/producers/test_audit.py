import pytest
from django.db import DatabaseError, transaction

from producers.audit import audit_record
from producers.models import AuditEntry
from tests.factories import make_producer, make_product, make_user

pytestmark = pytest.mark.django_db


def test_an_entry_records_who_what_from_to_and_why():
    producer = make_producer()
    product = make_product(seller=producer.seller)
    reviewer = make_user(email="revue@cma-lot.fr")

    entry = audit_record(
        actor=reviewer,
        action="producers.product.changes_requested",
        producer=producer,
        target=product,
        from_state="submitted",
        to_state="changes_requested",
        reason="Photo floue",
    )

    entry.refresh_from_db()
    assert (entry.actor, entry.actor_label, entry.action) == (
        reviewer,
        "revue@cma-lot.fr",
        "producers.product.changes_requested",
    )
    assert (entry.target_type, entry.target_id) == ("catalogue.product", product.pk)
    assert (entry.from_state, entry.to_state, entry.reason) == (
        "submitted",
        "changes_requested",
        "Photo floue",
    )
    assert entry.chamber == producer.chamber


def test_a_scheduled_job_is_recorded_without_an_actor():
    producer = make_producer()

    entry = audit_record(
        actor=None, action="producers.claim.suspended", producer=producer, target=producer
    )

    assert (entry.actor, entry.actor_label) == (None, "")


@pytest.mark.parametrize("change", ["update", "delete"])
def test_the_database_refuses_to_rewrite_history(change):
    producer = make_producer()
    entry = audit_record(
        actor=None, action="producers.producer.submitted", producer=producer, target=producer
    )
    entries = AuditEntry.objects.filter(pk=entry.pk)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        if change == "update":
            entries.update(reason="rewritten")
        else:
            entries.delete()

    assert entries.get().reason == ""
