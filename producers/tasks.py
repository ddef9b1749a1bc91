"""Celery tasks of the producers room: they take ids and call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from producers.services import members, onboarding

_RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "max_retries": 8,
}


@shared_task(name="producers.signup_confirmation_send", **_RETRY)
def signup_confirmation_send_task(user_id: int) -> bool:
    """Email a new producer account its confirmation link (nothing once it is confirmed)."""
    return onboarding.signup_confirmation_email_send(user_id=user_id)


@shared_task(name="producers.staff_invitation_send", **_RETRY)
def staff_invitation_send_task(
    producer_id: int, inviter_id: int, email: str, language: str
) -> bool:
    """Email a staff invitation with a freshly signed link."""
    return members.staff_invitation_email_send(
        producer_id=producer_id, inviter_id=inviter_id, email=email, language=language
    )
