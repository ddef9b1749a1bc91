from producers.models.audit import AuditEntry
from producers.models.chamber import Chamber, ChamberCode, ChamberReviewer
from producers.models.documents import DocumentKind, ProducerDocument, ProducerPhoto
from producers.models.producer import (
    COMPETENT_CHAMBER,
    LOT_POSTCODE_PATTERN,
    SHIPPING_METHODS,
    ActivityKind,
    MemberRole,
    Producer,
    ProducerMember,
)
from producers.models.revision import (
    ClaimExpiryWarning,
    ProductRevision,
    ProductRoute,
    RevisionStatus,
)

__all__ = [
    "COMPETENT_CHAMBER",
    "LOT_POSTCODE_PATTERN",
    "SHIPPING_METHODS",
    "ActivityKind",
    "AuditEntry",
    "Chamber",
    "ChamberCode",
    "ChamberReviewer",
    "ClaimExpiryWarning",
    "DocumentKind",
    "MemberRole",
    "Producer",
    "ProducerDocument",
    "ProducerMember",
    "ProducerPhoto",
    "ProductRevision",
    "ProductRoute",
    "RevisionStatus",
]
