"""The load run's stack side: its database and folder, the CPU each process group uses, and
when the Celery worker has nothing left to do."""

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
import psycopg
import redis
from django.db import connections
from psycopg import sql

from bench.environment import BENCH_DATABASE, DATA_DIR, url_with_database
from bench.report import Timings
from deploy.stack import Stack

LOAD_DATABASE = os.environ.get("BENCH_LOAD_DATABASE") or "ohmylot_loadstack"
TASK_RECEIVED = re.compile(r"Task \S+\[[^]]+\] received")
TASK_ENDED = re.compile(r"Task \S+\[[^]]+\] (succeeded|raised|retry)")


class LoadError(Exception):
    """The load could not start: the figures would mean nothing."""


def load_database_copy(*, bench_url: str) -> str:
    """A fresh copy of the bench database for the stack; its URL."""
    url = url_with_database(bench_url, LOAD_DATABASE)
    connections.close_all()  # a database in use cannot be copied
    with psycopg.connect(url_with_database(bench_url, "postgres"), autocommit=True) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(LOAD_DATABASE))
        )
        try:
            server.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(LOAD_DATABASE), sql.Identifier(BENCH_DATABASE)
                )
            )
        except psycopg.errors.ObjectInUse as error:
            raise LoadError(f"{BENCH_DATABASE} is in use by another process: {error}") from error
    return url


def run_dir_prepare() -> Path:
    """The stack's folder, emptied; its media are the bench's, where the copied database's
    photos are."""
    run_dir = DATA_DIR / "bench-load"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    for name, bench_name in (("media", "bench-media"), ("private", "bench-private")):
        (DATA_DIR / bench_name).mkdir(parents=True, exist_ok=True)
        (run_dir / name).symlink_to(DATA_DIR / bench_name, target_is_directory=True)
    return run_dir


@dataclass
class CpuMeter:
    """CPU seconds used by groups of processes between `start()` and `stop()`."""

    groups: dict[str, Callable[[], list[psutil.Process]]]

    def _seconds(self) -> dict[str, dict[int, float]]:
        used: dict[str, dict[int, float]] = {}
        for name, processes in self.groups.items():
            used[name] = {}
            for process in processes():
                try:
                    times = process.cpu_times()
                except psutil.Error:
                    continue
                # Reaped children count too: gunicorn replaces a worker after max_requests.
                used[name][process.pid] = (
                    times.user + times.system + times.children_user + times.children_system
                )
        return used

    def start(self) -> None:
        self._before = self._seconds()
        self._machine = psutil.cpu_times()
        self._started = time.perf_counter()

    def stop(self) -> list[tuple[str, float]]:
        """(group, share of one core) for each group, then the whole machine's."""
        after, wall = self._seconds(), time.perf_counter() - self._started
        shares = []
        for name, used in after.items():
            # A process gone since start had its time moved to its parent's children's time.
            seconds = sum(used.values()) - sum(self._before.get(name, {}).values())
            shares.append((name, seconds / wall))
        machine_after = psutil.cpu_times()
        busy = sum(machine_after) - sum(self._machine)
        idle = (machine_after.idle + machine_after.iowait) - (
            self._machine.idle + self._machine.iowait
        )
        whole = (busy - idle) / wall
        shares.append(
            ("other processes (other users' tests, the system)", whole - sum(s for _n, s in shares))
        )
        shares.append(("whole machine", whole))
        return shares


def _tree(popen) -> list[psutil.Process]:
    try:
        parent = psutil.Process(popen.pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return []


def _postgres() -> list[psutil.Process]:
    return [
        process for process in psutil.process_iter(["name"]) if process.info["name"] == "postgres"
    ]


def cpu_meter(stack: Stack) -> CpuMeter:
    return CpuMeter(
        {
            "load generator (this process: shoppers and the stack's log readers)": lambda: [
                psutil.Process()
            ],
            "gunicorn (master and 2 workers)": lambda: _tree(stack.processes["web"]),
            "Celery worker": lambda: _tree(stack.processes["worker"]),
            "PostgreSQL (every database of the server)": _postgres,
        }
    )


def worker_idle(stack: Stack, timeout: float) -> bool:
    """Wait until the queue is empty and the worker ended every task it took (it takes a few
    ahead); False after `timeout` seconds. Waits on the worker's log, line by line."""
    deadline = time.monotonic() + timeout
    log = stack.logs["worker"]
    broker = redis.Redis.from_url(stack.config.redis_url)
    try:
        while True:
            received = sum(1 for line in list(log.lines) if TASK_RECEIVED.search(line))
            remaining = deadline - time.monotonic()
            try:
                if broker.llen(stack.config.queue):
                    # Tasks still queued: wait for the worker to take the next one.
                    log.wait_for(TASK_RECEIVED.pattern, remaining, count=received + 1)
                    continue
                log.wait_for(TASK_ENDED.pattern, remaining, count=received)
            except RuntimeError:
                return False
            taken = sum(1 for line in list(log.lines) if TASK_RECEIVED.search(line))
            if taken == received and not broker.llen(stack.config.queue):
                return True
    finally:
        broker.close()


def server_times(lines: list[str], kind_of: Callable[[str], str | None]) -> dict[str, Timings]:
    """Per kind of page, how long the web workers took over each GET, from their JSON log
    (middleware, view, SQL and templates; not the wait for a free worker), for the paths that
    `kind_of` names."""
    seconds: dict[str, list[float]] = {}
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("method") != "GET" or "duration_ms" not in entry:
            continue
        kind = kind_of(entry.get("path", ""))
        if kind:
            seconds.setdefault(kind, []).append(entry["duration_ms"] / 1000)
    return {kind: Timings(tuple(values)) for kind, values in seconds.items()}
