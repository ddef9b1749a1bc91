"""Celery tasks of the brand: they take ids and call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from branding.services import campaigns, share_images

_RETRIED = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="branding.share_image_refresh", **_RETRIED)
def share_image_refresh_task(product_id: int) -> int | None:
    """Make a product's share picture when it is missing or out of date; idempotent."""
    stored = share_images.share_image_refresh(product_id=product_id)
    return stored.pk if stored is not None else None


@shared_task(name="branding.seller_share_image_refresh", **_RETRIED)
def seller_share_image_refresh_task(seller_id: int) -> int | None:
    """Make a seller's share picture when it is missing or out of date; idempotent."""
    stored = share_images.seller_share_image_refresh(seller_id=seller_id)
    return stored.pk if stored is not None else None


@shared_task(name="branding.reminders_send")
def reminders_send_task() -> int:
    """One batch of campaign reminders; celery beat runs it every ten minutes."""
    return campaigns.reminder_batch_send()
