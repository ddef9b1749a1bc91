"""Relay global IDs: base64 of "<Type>:<key>", the form Saleor's clients pass around."""

import base64
import binascii
from uuid import UUID


def to_global_id(type_name: str, key: object) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


def type_and_key(global_id: str | None) -> tuple[str, str] | None:
    """The type name and the key inside `global_id`, else None (malformed)."""
    if not global_id:
        return None
    try:
        decoded = base64.b64decode(global_id, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    found_type, _sep, key = decoded.partition(":")
    return (found_type, key) if found_type and key else None


def from_global_id(global_id: str | None, type_name: str) -> str | None:
    """The key inside `global_id` when it names `type_name`, else None (malformed, other type)."""
    found = type_and_key(global_id)
    return found[1] if found is not None and found[0] == type_name else None


def pk_from_global_id(global_id: str | None, type_name: str) -> int | None:
    """The integer primary key inside `global_id` of `type_name`, else None."""
    key = from_global_id(global_id, type_name)
    if key is None or not (key.isascii() and key.isdigit() and len(key) < 19):
        return None
    return int(key)


def uuid_from_global_id(global_id: str | None, type_name: str) -> UUID | None:
    """The UUID (a secret token) inside `global_id` of `type_name`, else None."""
    key = from_global_id(global_id, type_name)
    try:
        return UUID(key) if key is not None else None
    except ValueError:
        return None
