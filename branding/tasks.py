"""Celery tasks of the brand: they take ids and call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from branding import services


@shared_task(
    name="branding.share_image_refresh",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def share_image_refresh_task(product_id: int) -> int | None:
    """Make a product's share picture when it is missing or out of date; idempotent."""
    stored = services.share_image_refresh(product_id=product_id)
    return stored.pk if stored is not None else None


@shared_task(name="branding.reminders_send", acks_late=False)
def reminders_send_task() -> int:
    """One batch of campaign reminders (celery beat runs it every ten minutes).

    Not acknowledged late: a redelivered batch would only find fewer people left to write to,
    but there is no reason to run it twice.
    """
    return services.reminder_batch_send()
