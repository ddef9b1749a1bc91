from producers.models.audit import AuditEntry
from producers.models.chamber import Chamber, ChamberCode, ChamberReviewer
from producers.models.producer import (
    COMPETENT_CHAMBER,
    LOT_POSTCODE_PATTERN,
    ActivityKind,
    MemberRole,
    Producer,
    ProducerMember,
)

__all__ = [
    "COMPETENT_CHAMBER",
    "LOT_POSTCODE_PATTERN",
    "ActivityKind",
    "AuditEntry",
    "Chamber",
    "ChamberCode",
    "ChamberReviewer",
    "MemberRole",
    "Producer",
    "ProducerMember",
]
