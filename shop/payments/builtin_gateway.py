"""The built-in test gateway: no money moves, the shopper (or the API caller) picks the outcome."""

import uuid


def builtin_reference(*, kind: str = "payment") -> str:
    """A unique reference for a simulated payment or refund."""
    return f"test-{kind}-{uuid.uuid4().hex[:16]}"


def builtin_declines(*, data: dict | None) -> bool:
    """The API asks for a declined test payment with data {"decline": true}."""
    return bool(data) and data.get("decline") is True
