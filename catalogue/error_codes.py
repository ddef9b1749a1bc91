"""Error codes of the catalogue domain, carried by its ValidationErrors and turned into typed
API errors by the GraphQL layer (Saleor style: one enum per domain, UPPER_CASE values)."""

from enum import Enum


class CatalogueErrorCode(str, Enum):  # noqa: UP042 (the shape every domain enum shares)
    INVALID_IMAGE = "INVALID_IMAGE"
    UNSUPPORTED_IMAGE_FORMAT = "UNSUPPORTED_IMAGE_FORMAT"
    IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE"
    IMAGE_TOO_MANY_PIXELS = "IMAGE_TOO_MANY_PIXELS"
    ANIMATED_IMAGE = "ANIMATED_IMAGE"
    INVALID_TRANSLATION = "INVALID_TRANSLATION"
