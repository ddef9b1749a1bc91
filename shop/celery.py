"""The Celery app: a real worker with CELERY_BROKER_URL, tasks inline (eager) without one."""

import logging.config
import os

from celery import Celery, signals

from shop.request_id import task_headers_stamp, task_request_id_set

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# A task queued during a request is logged by the worker under that request's id.
signals.before_task_publish.connect(task_headers_stamp, weak=False)
signals.task_prerun.connect(task_request_id_set, weak=False)


@signals.setup_logging.connect
def _logging_from_settings(**_kwargs) -> None:
    """Workers and beat log like the web process (settings.LOGGING), not in Celery's own format."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
