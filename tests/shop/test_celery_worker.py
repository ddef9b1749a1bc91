"""A real Celery worker, started as a subprocess on Redis, runs the catalogue's thumbnail task.

Redis comes from REDIS_URL (default redis://127.0.0.1:6379/0). Without Redis the test is skipped,
except on CI (CI=true), where it fails. Each run uses its own queue, so parallel runs do not take
each other's tasks.
"""

import io
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import redis
from celery import Celery
from celery.exceptions import TimeoutError as CeleryTimeoutError
from celery.result import AsyncResult
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image

from catalogue.models import ProductImage, ProductThumbnail
from tests.factories import make_product

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TASK_NAME = "catalogue.product_image_thumbnails_make"
RESULT_TIMEOUT_SECONDS = 60
WORKER_STOP_TIMEOUT_SECONDS = 20


def running_on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def redis_unreachable_reason() -> str | None:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except (redis.RedisError, OSError) as error:
        return f"Redis at {REDIS_URL} cannot be reached ({error}); start it or set REDIS_URL"
    finally:
        client.close()
    return None


def worker_database_url() -> str:
    """A DATABASE_URL for the test database this process uses, for the worker to share it."""
    database = connection.settings_dict
    user = quote(database["USER"] or "", safe="")
    password = quote(database["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = database["HOST"] or ""
    query = {
        key: value
        for key, value in (database.get("OPTIONS") or {}).items()
        if isinstance(value, str | int) and not isinstance(value, bool)
    }
    port = f":{database['PORT']}" if database["PORT"] else ""
    url = f"postgres://{credentials}{quote(host, safe='')}{port}/{quote(database['NAME'], safe='')}"
    return f"{url}?{urlencode(query)}" if query else url


@dataclass
class Worker:
    process: subprocess.Popen
    queue: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture
def celery_worker_process(isolated_media, tmp_path) -> Iterator[Worker]:
    """A real worker consuming a queue of its own, stopped at teardown whatever happens."""
    reason = redis_unreachable_reason()
    if reason:
        if running_on_ci():
            pytest.fail(f"{reason} (CI is set: the real-worker test must run)")
        pytest.skip(reason)

    queue = f"test-worker-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shop.settings",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": worker_database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "shop",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "-Q",
                queue,
                f"--hostname={queue}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "info",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    worker = Worker(process=process, queue=queue, log_path=log_path)
    try:
        yield worker
    finally:
        process.terminate()
        try:
            process.wait(timeout=WORKER_STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        _forget_queue(queue)


def _forget_queue(queue: str) -> None:
    """Remove what the run left in Redis: its queue and kombu's bindings naming it."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        for key in client.scan_iter(match="_kombu.binding*"):
            if client.type(key) != b"set":
                continue
            for member in client.smembers(key):
                if queue.encode() in member:
                    client.srem(key, member)
    finally:
        client.close()


def wait_for_result(result: AsyncResult, worker: Worker) -> object:
    """The task's return value, failing early with the worker's log if the worker dies."""
    deadline = time.monotonic() + RESULT_TIMEOUT_SECONDS
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"no result after {RESULT_TIMEOUT_SECONDS} s; worker log:\n{worker.log()}")
        try:
            return result.get(timeout=min(remaining, 5))
        except CeleryTimeoutError:
            if worker.process.poll() is not None:
                pytest.fail(
                    f"the worker exited with code {worker.process.returncode}; "
                    f"its log:\n{worker.log()}"
                )


def committed_image() -> ProductImage:
    """A product image stored without the service, so no thumbnail task runs in this process."""
    product = make_product()
    picture = Image.new("RGB", (600, 300), (200, 30, 30))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    image = ProductImage(product=product, width=600, height=300)
    image.image.save("worker.jpg", ContentFile(buffer.getvalue()), save=False)
    image.save()
    return image


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_makes_the_thumbnails(celery_worker_process: Worker):
    image = committed_image()
    assert ProductThumbnail.objects.filter(image=image).count() == 0
    client = Celery("test-client", broker=REDIS_URL, backend=REDIS_URL)
    try:
        result = client.send_task(
            TASK_NAME, kwargs={"image_id": image.pk}, queue=celery_worker_process.queue
        )
        made_ids = wait_for_result(result, celery_worker_process)
        result.forget()
    finally:
        client.close()

    thumbnails = list(ProductThumbnail.objects.filter(image=image).order_by("size"))
    assert sorted(made_ids) == sorted(thumbnail.pk for thumbnail in thumbnails)
    assert [thumbnail.size for thumbnail in thumbnails] == sorted(settings.THUMBNAIL_SIZES)
    for thumbnail in thumbnails:
        path = Path(settings.MEDIA_ROOT) / thumbnail.file.name
        with Image.open(path) as picture:
            assert picture.format == "WEBP"
            assert max(picture.size) == min(thumbnail.size, 600)
