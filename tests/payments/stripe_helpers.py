"""Helpers for the Stripe tests: Stripe's webhook signature scheme, the browser's part of a
card payment (what Stripe.js does), and events read back from localstripe."""

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
import urllib.request

WEBHOOK_SECRET = "whsec_ohmylot_test_secret"
WEBHOOK_URL = "/payments/stripe/webhook/"


def stripe_signature(payload: bytes, *, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """The Stripe-Signature header: t=timestamp,v1=HMAC-SHA256 of "timestamp.payload"."""
    timestamp = int(time.time()) if at is None else at
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def make_event(event_type: str, obj: dict, *, event_id: str | None = None) -> dict:
    return {
        "id": event_id or f"evt_test_{next(_events)}",
        "object": "event",
        "type": event_type,
        "created": int(time.time()),
        "data": {"object": obj},
    }


_events = itertools.count(1)


def post_event(client, event: dict | bytes, **headers):
    """POST an event the way Stripe does, signed with the test secret unless told otherwise."""
    payload = event if isinstance(event, bytes) else json.dumps(event).encode()
    if "signature" not in headers:
        headers["signature"] = stripe_signature(payload)
    signature = headers.pop("signature")
    extra = {"HTTP_STRIPE_SIGNATURE": signature} if signature is not None else {}
    return client.post(WEBHOOK_URL, payload, content_type="application/json", **extra)


def _call(base: str, method: str, path: str, data: dict | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data else None
    request = urllib.request.Request(
        base + path,
        data=body,
        method=method,
        headers={"Authorization": "Bearer sk_test_ohmylot"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def browser_pays(base: str, *, intent_id: str, payment_method: str) -> dict:
    """What Stripe.js does with the Payment Element: attach the card and confirm the intent.
    Returns the intent; a declined card raises urllib's HTTPError (402)."""
    _call(base, "POST", f"/v1/payment_intents/{intent_id}", {"payment_method": payment_method})
    return _call(base, "POST", f"/v1/payment_intents/{intent_id}/confirm")


def stripe_events(base: str, *, event_type: str, object_id: str) -> list[dict]:
    """The events localstripe generated for one object, as Stripe would send them."""
    events = _call(base, "GET", "/v1/events?limit=100")["data"]
    return [e for e in events if e["type"] == event_type and e["data"]["object"]["id"] == object_id]


def stripe_get(base: str, path: str) -> dict:
    return _call(base, "GET", path)


def stripe_charge_of(base: str, *, intent_id: str) -> dict:
    """The intent's charge as Stripe holds it now (with what was refunded)."""
    latest = _call(base, "GET", f"/v1/payment_intents/{intent_id}")["latest_charge"]
    charge_id = latest["id"] if isinstance(latest, dict) else latest
    return _call(base, "GET", f"/v1/charges/{charge_id}")
