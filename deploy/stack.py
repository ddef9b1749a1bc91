"""`make stack`: the shop in production mode on this machine, with real processes.

PostgreSQL and Redis are the ones already running on loopback. The stack creates its database if
missing, migrates it and loads the demo data, collects the static files, then runs two gunicorn
workers, one Celery worker and Celery beat with DEBUG=0, until Ctrl-C stops them all. Each process's
output goes to <run dir>/logs/<name>.log (and, for `make stack`, to the terminal).

The smoke test (tests/deploy/test_stack.py) runs this same class on a database and queue of its own.
Environment: STACK_DATABASE_URL, STACK_REDIS_URL, STACK_CACHE_URL, STACK_PORT, STACK_RUN_DIR,
STACK_QUEUE.
"""

import contextlib
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
STOP_TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class StackConfig:
    database_url: str = "postgres://postgres@127.0.0.1:5432/ohmylot_stack"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # The pages' cache: the same Redis, another database than the queues'.
    cache_url: str = "redis://127.0.0.1:6379/1"
    port: int = 8080
    run_dir: Path = ROOT / ".data" / "stack"
    queue: str = "ohmylot-stack"
    web_workers: int = 2

    @classmethod
    def from_env(cls) -> "StackConfig":
        defaults = cls()
        return cls(
            database_url=os.environ.get("STACK_DATABASE_URL") or defaults.database_url,
            redis_url=os.environ.get("STACK_REDIS_URL") or defaults.redis_url,
            cache_url=os.environ.get("STACK_CACHE_URL") or defaults.cache_url,
            port=int(os.environ.get("STACK_PORT") or defaults.port),
            run_dir=Path(os.environ.get("STACK_RUN_DIR") or defaults.run_dir),
            queue=os.environ.get("STACK_QUEUE") or defaults.queue,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def database_create(database_url: str) -> bool:
    """Create the database named by `database_url` if it does not exist; True when created."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if connection.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            return False
        connection.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    return True


class ProcessLog:
    """Copies a process's output, line by line, to its log file (and the terminal if asked),
    and lets a caller wait for a line matching a pattern."""

    def __init__(self, name: str, process: subprocess.Popen, path: Path, echo: bool) -> None:
        self.name = name
        self.process = process
        self.path = path
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(
            target=self._copy, args=(process, echo), name=f"log-{name}", daemon=True
        )
        self._thread.start()

    def _copy(self, process: subprocess.Popen, echo: bool) -> None:
        with self.path.open("a", encoding="utf-8") as log_file:
            for line in process.stdout:
                log_file.write(line)
                log_file.flush()
                if echo:
                    sys.stdout.write(f"{self.name:>6} | {line}")
                    sys.stdout.flush()
                with self._changed:
                    self.lines.append(line)
                    self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float, count: int = 1) -> list[str]:
        """The first `count` lines matching `pattern`; RuntimeError with the log after `timeout`
        seconds or when the process's output ends first."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [line for line in self.lines if regex.search(line)]
                if len(found) >= count:
                    return found[:count]
                remaining = deadline - time.monotonic()
                if self._closed or remaining <= 0:
                    raise RuntimeError(
                        f"{self.name}: no line matching {pattern!r}:\n{''.join(self.lines)[-4000:]}"
                    )
                self._changed.wait(remaining)

    def join(self) -> None:
        self._thread.join(timeout=STOP_TIMEOUT_SECONDS)


@dataclass
class Stack:
    config: StackConfig
    echo: bool = False
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: dict[str, ProcessLog] = field(default_factory=dict)

    def env(self, role: str) -> dict[str, str]:
        """Production settings for one process; each keeps its own DATA_DIR (so emails written
        by the worker land in <run dir>/worker/mail), all share the media folders."""
        run_dir = self.config.run_dir
        hosts = "127.0.0.1,localhost"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "shop.settings",
            "PYTHONUNBUFFERED": "1",
            "DEBUG": "0",
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": hosts,
            "CSRF_TRUSTED_ORIGINS": f"{self.config.url},http://localhost:{self.config.port}",
            "PUBLIC_URL": self.config.url,
            # Plain HTTP on loopback: no TLS proxy in front, so no redirect and no HSTS.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": self.config.database_url,
            "CELERY_BROKER_URL": self.config.redis_url,
            "CELERY_RESULT_BACKEND": self.config.redis_url,
            "CELERY_TASK_DEFAULT_QUEUE": self.config.queue,
            "CACHE_URL": self.config.cache_url,
            "DATA_DIR": str(run_dir / role),
            "MEDIA_ROOT": str(run_dir / "media"),
            "PRIVATE_MEDIA_ROOT": str(run_dir / "private"),
            "STATIC_ROOT": str(run_dir / "static"),
            "SERVE_MEDIA": "1",
            "LOG_FORMAT": "json",
            "GUNICORN_BIND": f"127.0.0.1:{self.config.port}",
            "GUNICORN_WORKERS": str(self.config.web_workers),
        }

    def prepare(self) -> None:
        """Database, migrations, demo data and static files, before any long-running process."""
        database_create(self.config.database_url)
        env = self.env("setup")
        # The demo's thumbnails are made inline here, so the worker starts with an empty queue.
        env.pop("CELERY_BROKER_URL")
        env.pop("CELERY_RESULT_BACKEND")
        for command in (
            ["migrate", "--noinput", "--verbosity", "0"],
            ["load_demo"],
            ["collectstatic", "--noinput", "--verbosity", "0"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

    def _spawn(self, name: str, command: list[str]) -> None:
        (self.config.run_dir / "logs").mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env(name),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # Its own process group: Ctrl-C reaches the stack, which stops each process in turn.
            start_new_session=True,
        )
        self.processes[name] = process
        log_path = self.config.run_dir / "logs" / f"{name}.log"
        self.logs[name] = ProcessLog(name, process, log_path, self.echo)

    def start(self, timeout: float = 90) -> None:
        """Start web, worker and beat; return once each is ready (RuntimeError otherwise)."""
        python = sys.executable
        node = f"{self.config.queue}@%h"
        self._spawn(
            "web",
            [python, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "shop.wsgi:application"],
        )
        self._spawn(
            "worker",
            [python, "-m", "celery", "-A", "shop", "worker", "--concurrency=1", "-n", node,
             "--without-gossip", "--without-mingle", "--loglevel=INFO"],
        )  # fmt: skip
        beat_dir = self.config.run_dir / "beat"
        beat_dir.mkdir(parents=True, exist_ok=True)
        self._spawn(
            "beat",
            [python, "-m", "celery", "-A", "shop", "beat", "--loglevel=INFO",
             f"--schedule={beat_dir / 'schedule'}"],
        )  # fmt: skip
        self.logs["web"].wait_for("Booting worker", timeout, count=self.config.web_workers)
        self.logs["worker"].wait_for(r"\bready\.", timeout)
        self.logs["beat"].wait_for("beat: Starting", timeout)

    def stop(self) -> None:
        """Stop every process: SIGTERM (gunicorn and Celery finish what they are doing), then
        SIGKILL for a process group still alive after STOP_TIMEOUT_SECONDS."""
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            # Children left behind by a master that died (a worker's pool) go with its group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        for log in self.logs.values():
            log.join()

    def wait(self) -> str:
        """Block until one process exits; its name."""
        while True:
            for name, process in self.processes.items():
                try:
                    process.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    continue
                return name


def _interrupt(signum: int, _frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    # Ctrl-C, or a supervisor's SIGTERM, stops every process, even when started from a
    # script that made the shell ignore SIGINT.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    config = StackConfig.from_env()
    stack = Stack(config, echo=True)
    try:
        print(f"==> Preparing {config.database_url} (migrations, demo data, static files)")
        stack.prepare()
        print("==> Starting 2 gunicorn workers, 1 Celery worker and beat (DEBUG=0)")
        stack.start()
        print(
            f"\n  shop      {config.url}/\n  admin     {config.url}/admin/  "
            "(admin@demo.ohmylot.fr / ohmylot-demo)\n"
            f"  probes    {config.url}/healthz  {config.url}/readyz\n"
            f"  emails    {config.run_dir / 'worker' / 'mail'}\n"
            f"  logs      {config.run_dir / 'logs'}\n\n  Ctrl-C stops everything.\n",
            flush=True,
        )
        name = stack.wait()
        print(f"==> {name} exited; stopping the stack", file=sys.stderr)
    except KeyboardInterrupt:
        print("\n==> Stopping the stack", flush=True)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stack.stop()


if __name__ == "__main__":
    main()
