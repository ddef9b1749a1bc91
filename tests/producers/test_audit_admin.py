import pytest
from django.urls import reverse

from producers.audit import audit_record
from producers.models import AuditEntry
from tests.factories import make_producer, make_user

pytestmark = pytest.mark.django_db


def test_the_admin_reads_the_audit_log_and_cannot_add_change_or_delete(client):
    producer = make_producer()
    entry = audit_record(
        actor=None, action="producers.producer.submitted", producer=producer, target=producer
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))
    change_url = reverse("admin:producers_auditentry_change", args=[entry.pk])

    assert client.get(reverse("admin:producers_auditentry_changelist")).status_code == 200
    assert client.get(change_url).status_code == 200
    assert client.get(reverse("admin:producers_auditentry_add")).status_code == 403
    assert client.post(change_url, {"reason": "rewritten"}).status_code == 403
    delete_url = reverse("admin:producers_auditentry_delete", args=[entry.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert list(AuditEntry.objects.values_list("reason", flat=True)) == [""]
