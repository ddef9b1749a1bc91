"""A request id on every request, in every log line it causes, and in the tasks it queues.

The id comes from the X-Request-ID header when the proxy in front set a sane one, else a new one
is made. It is returned in the response's X-Request-ID header, so a shopper's report, the ingress
log, the web log and the worker log can be matched.
"""

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from celery import Task
from celery._state import get_current_task
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# What a proxy may hand us: ids made by ingress-nginx, AWS or uuid4, never free text for the logs.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")
request_logger = logging.getLogger("shop.request")


def request_id_for(incoming: str) -> str:
    """The incoming id when it looks like one, else a fresh one."""
    return incoming if _SANE_ID.match(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    """Sets the request id for the request's duration and logs one line per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER, ""))
        # Django logs server errors after the middleware returns: the filter finds the id here.
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds request_id (and the running Celery task, if any) to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get() or getattr(
            getattr(record, "request", None), "request_id", ""
        )
        task = get_current_task()
        if task is not None and task.request.id:
            record.task_id = task.request.id
            record.task_name = task.name
            record.request_id = record.request_id or getattr(task.request, "request_id", "") or ""
        return True


def task_headers_stamp(headers: dict | None = None, **_kwargs) -> None:
    """Celery before_task_publish: a task queued during a request carries the request's id."""
    request_id = current_request_id.get()
    if headers is not None and request_id:
        headers["request_id"] = request_id


def task_request_id_set(task: Task | None = None, **_kwargs) -> None:
    """Celery task_prerun: the worker logs the task under the id of the request that queued it."""
    if task is not None:
        current_request_id.set(getattr(task.request, "request_id", None) or "")
