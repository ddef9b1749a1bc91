"""Celery tasks of the catalogue: they take ids and call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from catalogue import services


@shared_task(
    name="catalogue.product_image_thumbnails_make",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def product_image_thumbnails_make_task(image_id: int) -> list[int]:
    """Make the missing thumbnails of an image; idempotent, so a redelivery is harmless.

    Returns the ids of the thumbnails this run made.
    """
    thumbnails = services.product_image_thumbnails_make(image_id=image_id)
    return [thumbnail.pk for thumbnail in thumbnails]
