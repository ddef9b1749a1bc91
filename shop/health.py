"""Probes: /healthz (liveness: the process answers and reaches its database) and /readyz
(readiness: the database and the Celery broker both answer, so the pod may take traffic)."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from kombu.exceptions import KombuError

from shop.celery import app as celery_app

BROKER_TIMEOUT_SECONDS = 2


def database_is_up() -> bool:
    """True when the default database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("select 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def broker_state() -> str:
    """ "up" or "down" for the Celery broker; "inline" when tasks run in the web process."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "inline"
    try:
        with celery_app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except (KombuError, OSError):
        return "down"
    return "up"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    if database_is_up():
        return JsonResponse({"status": "ok", "database": "up"})
    return JsonResponse({"status": "unavailable", "database": "down"}, status=503)


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    database = "up" if database_is_up() else "down"
    broker = broker_state()
    ready = database == "up" and broker != "down"
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "database": database, "broker": broker},
        status=200 if ready else 503,
    )
