"""Why a metadata write was refused (Saleor's MetadataErrorCode)."""

from enum import Enum


class MetadataErrorCode(str, Enum):  # noqa: UP042 (the shape every domain enum shares)
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    NOT_UPDATED = "NOT_UPDATED"
