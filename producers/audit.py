"""Writing to the audit log: every state machine of the producers room calls `audit_record`."""

from django.db import models

from producers.models import AuditEntry, Chamber, Producer
from shop.accounts.models import User


def audit_record(
    *,
    actor: User | None,
    action: str,
    producer: Producer,
    target: models.Model,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    chamber: Chamber | None = None,
) -> AuditEntry:
    """Append one entry: `action` is dotted (`producers.product.approved`), `target` the item.

    `chamber` defaults to the producer's chamber, so each chamber's export finds its items.
    """
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=actor.email if actor else "",
        action=action,
        producer=producer,
        chamber=chamber or producer.chamber,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
    )
