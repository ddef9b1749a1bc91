"""Sessions in the database, as Django's own database engine keeps them, with the read every
request makes compiled once (shop.compiled_reads). settings.SESSION_ENGINE names this module."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from shop.compiled_reads import CompiledRead, Placeholder

_live_session = CompiledRead(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
    key=Placeholder.text,
    now=Placeholder.moment,
)


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        session = _live_session.first(key=self.session_key, now=timezone.now())
        if session is None:
            self._session_key = None
        return session
