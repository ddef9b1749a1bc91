"""Real Celery workers for tests: started as subprocesses on Redis, each on a queue of its own.

Redis comes from REDIS_URL (default redis://127.0.0.1:6379/0). Without Redis a test is skipped,
except on CI (CI=true), where it fails.
"""

import os
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import redis
from django.conf import settings
from django.db import connection

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
WORKER_STOP_TIMEOUT_SECONDS = 20


def running_on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def redis_require() -> None:
    """Skip the test without Redis; fail it on CI."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except (redis.RedisError, OSError) as error:
        reason = f"Redis at {REDIS_URL} cannot be reached ({error}); start it or set REDIS_URL"
        if running_on_ci():
            pytest.fail(f"{reason} (CI is set: the real-worker tests must run)")
        pytest.skip(reason)
    finally:
        client.close()


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


def new_queue() -> str:
    return f"test-worker-{uuid.uuid4().hex}"


@dataclass
class Worker:
    process: subprocess.Popen
    queue: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no warm shutdown, the task it holds stays unacknowledged."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=WORKER_STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def worker_start(*, queue: str, log_path: Path, env: dict[str, str] | None = None) -> Worker:
    """A solo worker consuming `queue`, on the test database and this test's media folder."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shop.settings",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": worker_database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    arguments = [
        *("-m", "celery", "-A", "shop", "worker", "--pool=solo", "--concurrency=1"),
        *("-Q", queue, f"--hostname={uuid.uuid4().hex[:8]}-{queue}@%h"),
        *("--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"),
    ]
    with log_path.open("ab") as log_file:
        process = subprocess.Popen(
            [sys.executable, *arguments],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    return Worker(process=process, queue=queue, log_path=log_path)


def queue_forget(queue: str) -> None:
    """Remove what a run left in Redis: its queue and kombu's bindings naming it."""
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
