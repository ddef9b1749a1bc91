"""The scheduled jobs of the review workflow, run as Celery runs them (inline in tests)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from catalogue.models import ClaimStatus, ReviewStatus
from producers.models import AuditEntry
from producers.review_tasks import chamber_digests_send_task, claims_expiry_sweep_task
from producers.services.submission import product_submit
from tests.factories import make_claim, make_listed_product

pytestmark = pytest.mark.django_db


def test_both_jobs_are_scheduled_daily():
    schedule = settings.CELERY_BEAT_SCHEDULE
    tasks = {entry["task"] for entry in schedule.values()}
    assert {"producers.claims_expiry_sweep", "producers.chamber_digests_send"} <= tasks
    assert "producers.review_tasks" in settings.CELERY_IMPORTS


def test_the_daily_digest_goes_to_the_chambers_with_new_items():
    _producer, owner, product = make_listed_product()
    product_submit(user=owner, product=product)

    sent = chamber_digests_send_task.delay().get()

    assert sent == {"agriculture": 1, "cma": 0, "cci": 0}
    assert len(mail.outbox) == 1


def test_the_sweep_suspends_what_expired_yesterday(django_capture_on_commit_callbacks):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(
        product=product,
        status=ClaimStatus.APPROVED,
        valid_until=timezone.localdate() - timedelta(days=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = claims_expiry_sweep_task.delay().get()

    claim.refresh_from_db()
    assert result == {"warned": 0, "suspended": 1}
    assert claim.status == ClaimStatus.SUSPENDED
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [
        "producers.claim.suspended",
        "producers.product.suspended",
    ]
    assert len(mail.outbox) == 2
