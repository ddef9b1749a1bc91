"""A real Celery worker, started as a subprocess on Redis, runs the catalogue's thumbnail task.

Each run uses its own queue, so parallel runs do not take each other's tasks (tests/workers.py).
"""

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery
from celery.exceptions import TimeoutError as CeleryTimeoutError
from celery.result import AsyncResult
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from catalogue.models import ProductImage, ProductThumbnail
from tests.factories import make_product
from tests.workers import (
    REDIS_URL,
    Worker,
    new_queue,
    queue_forget,
    redis_require,
    worker_start,
)

TASK_NAME = "catalogue.product_image_thumbnails_make"
RESULT_TIMEOUT_SECONDS = 60


@pytest.fixture
def celery_worker_process(isolated_media, tmp_path) -> Iterator[Worker]:
    """A real worker consuming a queue of its own, stopped at teardown whatever happens."""
    redis_require()
    queue = new_queue()
    worker = worker_start(queue=queue, log_path=tmp_path / "worker.log")
    try:
        yield worker
    finally:
        worker.stop()
        queue_forget(queue)


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
