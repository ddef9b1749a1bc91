"""The one module that talks to Stripe (official SDK): intents, refunds, webhook signatures.

It keeps no state and touches no database; callers get plain dataclasses or GatewayError.
"""

import json
from dataclasses import dataclass

import stripe
from django.conf import settings

from shop.payments.gateway import GatewayError


class WebhookRejected(Exception):
    """A webhook call that is not a genuine Stripe event: bad or missing signature, not JSON."""


@dataclass(frozen=True)
class StripeIntent:
    id: str
    status: str
    amount: int
    currency: str
    client_secret: str


def _client() -> stripe.StripeClient:
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    # The shop retries on its own terms (the shopper reloads, Stripe redelivers webhooks); a
    # test server answering 500 must not be hammered either.
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=0
    )


def _intent(obj) -> StripeIntent:
    return StripeIntent(
        id=obj.id,
        status=obj.status,
        amount=obj.amount,
        currency=obj.currency,
        client_secret=obj.client_secret or "",
    )


def intent_create(
    *, amount_cents: int, currency: str, metadata: dict[str, str], idempotency_key: str
) -> StripeIntent:
    """Create a PaymentIntent for cards (the Payment Element confirms it in the browser)."""
    params = {
        "amount": amount_cents,
        "currency": currency,
        "metadata": metadata,
        "payment_method_types": ["card"],
    }
    try:
        obj = _client().v1.payment_intents.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    except stripe.StripeError as error:
        raise GatewayError(str(error.user_message or error)) from error
    return _intent(obj)


def intent_retrieve(*, intent_id: str) -> StripeIntent:
    """The PaymentIntent as Stripe knows it now."""
    try:
        return _intent(_client().v1.payment_intents.retrieve(intent_id))
    except stripe.StripeError as error:
        raise GatewayError(str(error.user_message or error)) from error


def refund_create(
    *, intent_id: str, amount_cents: int, idempotency_key: str, metadata: dict[str, str]
) -> str:
    """Refund part or all of a PaymentIntent's charge; returns the refund's id."""
    params = {"payment_intent": intent_id, "amount": amount_cents, "metadata": metadata}
    try:
        refund = _client().v1.refunds.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    except stripe.StripeError as error:
        raise GatewayError(str(error.user_message or error)) from error
    if refund.status in {"failed", "canceled"}:
        raise GatewayError(f"refund {refund.id} {refund.status}")
    return refund.id


def event_verify(*, payload: bytes, signature: str | None, secret: str) -> dict:
    """The event a webhook call carries, once its signature is proven (the SDK's own check,
    with its five-minute tolerance against replays of old calls)."""
    # The SDK expects a JSON object: anything else is turned away before it looks.
    try:
        event = json.loads(payload)
    except ValueError as error:
        raise WebhookRejected("not JSON") from error
    if not isinstance(event, dict):
        raise WebhookRejected("not an event")
    try:
        stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError as error:
        raise WebhookRejected("bad signature") from error
    return event
