"""What the brand knows of a visit: the campaign tag it came with, kept in the session.

A tag arrives in a link (`?c=<tag>`, printed in the posters' QR codes). The visit is given an id
once; the last tag seen decides which campaign an order of that visit counts for.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode
from uuid import UUID, uuid4

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

TAG_PARAMETER = "c"
SESSION_KEY = "brand_visit"


@dataclass
class VisitRef:
    """The brand's part of a session: the visit's id and the campaign it counts for."""

    visit_id: UUID = field(default_factory=uuid4)
    campaign_id: int | None = None

    def as_session(self) -> dict:
        return {"id": str(self.visit_id), "campaign": self.campaign_id}


def visit_of(session: SessionBase) -> VisitRef | None:
    """The visit kept in `session`, or None when the visit came through no campaign tag."""
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return None
    try:
        visit_id = UUID(str(stored.get("id")))
    except ValueError:
        return None
    campaign_id = stored.get("campaign")
    return VisitRef(
        visit_id=visit_id, campaign_id=campaign_id if isinstance(campaign_id, int) else None
    )


def visit_remember(session: SessionBase, visit: VisitRef) -> None:
    """Keep `visit` in the session for the rest of the visit."""
    session[SESSION_KEY] = visit.as_session()


def producer_landing_url(*, seller_slug: str, tag: str) -> str:
    """The public address a poster's QR code opens: the producer's page with the campaign tag.

    It carries no language prefix: the shop sends the visitor on in their phone's language.
    """
    return f"{settings.PUBLIC_URL}/producers/{seller_slug}/?{urlencode({TAG_PARAMETER: tag})}"
