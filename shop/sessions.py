"""Sessions in the database, as Django's own database engine keeps them, with fewer round trips:
the read every request makes is compiled once (shop.compiled_reads), and a save is one
statement. settings.SESSION_ENGINE names this module."""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from shop.compiled_reads import CompiledRead, Placeholder

_live_session = CompiledRead(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
    key=Placeholder.text,
    now=Placeholder.moment,
)


def _session_insert(session: Session) -> bool:
    """Insert `session` unless its key is taken; whether it was inserted."""
    table = connection.ops.quote_name(Session._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (session_key, session_data, expire_date) VALUES (%s, %s, %s)"
            " ON CONFLICT (session_key) DO NOTHING",
            [session.session_key, session.session_data, session.expire_date],
        )
        return cursor.rowcount == 1


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        session = _live_session.first(key=self.session_key, now=timezone.now())
        if session is None:
            self._session_key = None
        return session

    def _get_new_session_key(self) -> str:
        # 32 characters drawn from 36 are never drawn twice; the insert refuses a key in use all
        # the same (CreateError, and `create` draws again), so asking first only cost a query.
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create: bool = False) -> None:
        """Django's save as one statement, without its transaction: an insert that leaves a
        taken key alone, or an update; neither can fail half-way."""
        if self.session_key is None:
            return self.create()
        session = self.create_model_instance(self._get_session(no_load=must_create))
        if must_create:
            if not _session_insert(session):
                raise CreateError
            return None
        try:
            updated = Session.objects.filter(session_key=session.session_key).update(
                session_data=session.session_data, expire_date=session.expire_date
            )
        except DatabaseError as error:  # as Django's: the visitor is asked to try again (400)
            raise UpdateError from error
        if not updated:
            raise UpdateError
        return None
