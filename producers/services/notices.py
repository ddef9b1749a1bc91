"""Decisions the producer hears of: the audit entry is written now, the email after commit."""

from functools import partial

from django.db import transaction

from producers.audit import audit_record
from producers.models import AuditEntry


def _notice_queue(*, entry_id: int) -> None:
    # Imported here: the tasks module imports the services (tasks call services).
    from producers.review_tasks import review_notice_send_task

    review_notice_send_task.delay(entry_id=entry_id)


def audit_record_notify(**fields) -> AuditEntry:
    """`audit_record(**fields)`, then email the producer about it once the transaction commits
    (see producers.review_emails.NOTICE_SUBJECTS for the actions that send one)."""
    entry = audit_record(**fields)
    transaction.on_commit(partial(_notice_queue, entry_id=entry.pk), robust=True)
    return entry
