"""Error codes of the producers domain, carried by its ValidationErrors (one enum per domain)."""

from enum import Enum


class ProducerErrorCode(str, Enum):  # noqa: UP042 (the shape every domain enum shares)
    INVALID_DOCUMENT = "INVALID_DOCUMENT"
    DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
    ALREADY_PRODUCER = "ALREADY_PRODUCER"
    IDENTITY_LOCKED = "IDENTITY_LOCKED"
    INVALID_INVITATION = "INVALID_INVITATION"
    ALREADY_MEMBER = "ALREADY_MEMBER"
    NOT_EDITABLE = "NOT_EDITABLE"
    UNKNOWN_SKU = "UNKNOWN_SKU"
    INVALID_CSV = "INVALID_CSV"
