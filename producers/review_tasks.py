"""Celery tasks of the review workflow: they take ids or nothing and call a service.

Loaded by the worker through CELERY_IMPORTS (shop/settings.py).
"""

from datetime import timedelta

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from producers import review_emails
from producers.models import Chamber
from producers.services import expiry

_RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "max_retries": 8,
}


@shared_task(name="producers.review_notice_send", **_RETRY)
def review_notice_send_task(entry_id: int) -> bool:
    """Email the producer about one decision of the audit log."""
    return review_emails.review_notice_send(entry_id=entry_id)


@shared_task(name="producers.chamber_digests_send")
def chamber_digests_send_task() -> dict[str, int]:
    """Daily: tell each chamber what joined its queue in the last day."""
    since = timezone.now() - timedelta(days=1)
    return {
        chamber.code: review_emails.chamber_digest_send(chamber_id=chamber.pk, since=since)
        for chamber in Chamber.objects.all()
    }


@shared_task(name="producers.claims_expiry_sweep")
def claims_expiry_sweep_task() -> dict[str, int]:
    """Daily: warn of proofs expiring within 30 days, suspend the expired ones."""
    result = expiry.claims_expiry_sweep(today=timezone.localdate())
    return {"warned": result.warned, "suspended": result.suspended}
