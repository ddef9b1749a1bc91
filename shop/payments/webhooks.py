"""Stripe's webhook: verified, each event processed once, in whatever order events arrive."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from shop.payments import stripe_gateway
from shop.payments.gateway import STRIPE_GATEWAY_ID
from shop.payments.models import WebhookEvent
from shop.payments.refunds import stripe_charge_refunded
from shop.payments.services import stripe_intent_failed, stripe_intent_succeeded
from shop.payments.stripe_gateway import WebhookRejected

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebhookOutcome:
    status: int
    outcome: str


class _Malformed(Exception):
    pass


def _field(obj: dict, name: str, kind: type):
    value = obj.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _Malformed(name)
    return value


def _intent_succeeded(obj: dict, event_id: str) -> str:
    return stripe_intent_succeeded(
        intent_id=_field(obj, "id", str), amount_cents=_field(obj, "amount", int)
    )


def _intent_failed(obj: dict, event_id: str) -> str:
    error = obj.get("last_payment_error") or {}
    reason = error.get("message") if isinstance(error, dict) else None
    return stripe_intent_failed(
        intent_id=_field(obj, "id", str), reason=str(reason or "declined by Stripe")
    )


def _charge_refunded(obj: dict, event_id: str) -> str:
    intent_id = _field(obj, "payment_intent", str)
    # A refund can be reported before the payment it refunds: the charge proves the payment.
    if obj.get("paid") is True or obj.get("status") == "succeeded":
        stripe_intent_succeeded(intent_id=intent_id, amount_cents=_field(obj, "amount", int))
    return stripe_charge_refunded(
        intent_id=intent_id,
        amount_refunded_cents=_field(obj, "amount_refunded", int),
        event_id=event_id,
    )


_HANDLERS = {
    "payment_intent.succeeded": _intent_succeeded,
    "payment_intent.payment_failed": _intent_failed,
    "charge.refunded": _charge_refunded,
}


def stripe_webhook_handle(*, payload: bytes, signature: str | None) -> WebhookOutcome:
    """Verify one webhook call and process its event once. 400 for anything that is not a
    genuine, well-formed event (every call while STRIPE_WEBHOOK_SECRET is empty); 200 for the
    rest, including events we ignore, events already processed and payments we do not know."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        return WebhookOutcome(400, "webhook secret not configured")
    try:
        event = stripe_gateway.event_verify(
            payload=payload, signature=signature, secret=settings.STRIPE_WEBHOOK_SECRET
        )
        event_id = _field(event, "id", str)
        event_type = _field(event, "type", str)
        obj = _field(_field(event, "data", dict), "object", dict)
    except (WebhookRejected, _Malformed) as error:
        logger.warning("Stripe webhook refused: %s", error)
        return WebhookOutcome(400, str(error))
    handler = _HANDLERS.get(event_type)
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = WebhookEvent.objects.create(
                        gateway=STRIPE_GATEWAY_ID, event_id=event_id, event_type=event_type
                    )
            except IntegrityError:
                return WebhookOutcome(200, "already processed")
            record.outcome = handler(obj, event_id) if handler else "ignored"
            record.save(update_fields=["outcome"])
    except _Malformed as error:
        return WebhookOutcome(400, f"malformed {event_type}: {error}")
    logger.info("Stripe webhook %s %s: %s", event_type, event_id, record.outcome)
    return WebhookOutcome(200, record.outcome)
