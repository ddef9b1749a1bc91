"""A real gunicorn of the shop for benchmarks: started with deploy/gunicorn.conf.py, waited for
by reading its output (never by sleeping), asked over HTTP, stopped.

A thread drains gunicorn's output (its access log included) so that the pipe never fills and
blocks the server; the lines wait in a queue for whoever looks for one.
"""

import http.client
import queue
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
BOOTED = "Booting worker with pid: "


class ServerError(Exception):
    """gunicorn did not start, or answered with an error."""


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    seconds: float  # from sending the request to the last byte of the answer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`with Gunicorn(env=..., workers=1) as server:` a gunicorn on a free port of 127.0.0.1."""

    def __init__(self, *, env: Mapping[str, str], workers: int = 1, boot_timeout: float = 60):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"{HOST}:{self.port}",
            "GUNICORN_WORKERS": str(workers),
        }
        self.workers = workers
        self.boot_timeout = boot_timeout
        self.worker_pids: list[int] = []
        self.recent: deque[str] = deque(maxlen=40)
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> "Gunicorn":
        command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
        self._process = subprocess.Popen(
            [*command, "shop.wsgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._drain, daemon=True).start()
        try:
            while len(self.worker_pids) < self.workers:
                line = self.wait_for(BOOTED, timeout=self.boot_timeout)
                self.worker_pids.append(int(line.split(BOOTED)[1].split()[0]))
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _drain(self) -> None:
        assert self._process and self._process.stdout
        for line in self._process.stdout:
            self.recent.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def wait_for(self, marker: str, *, timeout: float) -> str:
        """The next output line holding `marker`; ServerError when gunicorn exits first or
        after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise ServerError(f"gunicorn exited:\n{''.join(self.recent)}")
            if marker in line:
                return line
        raise ServerError(f"{marker!r} not seen in {timeout:.0f} s:\n{''.join(self.recent)}")

    def get(self, path: str) -> Response:
        """GET `path` on a new connection (a sync worker closes each one)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            started = time.perf_counter()
            connection.request("GET", path)
            answer = connection.getresponse()
            body = answer.read()
            return Response(answer.status, body, time.perf_counter() - started)
        finally:
            connection.close()

    def worker_rss(self) -> dict[int, int]:
        """Resident memory in bytes of each worker still running, by pid."""
        sizes = {}
        for pid in self.worker_pids:
            try:
                sizes[pid] = psutil.Process(pid).memory_info().rss
            except psutil.NoSuchProcess:
                continue
        return sizes

    def stop(self) -> None:
        """Ask gunicorn to stop (SIGTERM: graceful), and kill it if it has not within 30 s."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=30)
