"""Helpers for tests that start real servers as subprocesses."""

import socket
import subprocess
from pathlib import Path

from deploy.stack import ProcessLog


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spawn(name: str, command: list[str], log_dir: Path, **options) -> ProcessLog:
    """Start `command` with its output copied to <log_dir>/<name>.log and waitable line by line."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **options
    )
    return ProcessLog(name, process, log_dir / f"{name}.log", echo=False)


def stop(log: ProcessLog, timeout: float = 30) -> None:
    """SIGTERM, then SIGKILL if the process is still there after `timeout` seconds."""
    log.process.terminate()
    try:
        log.process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log.process.kill()
        log.process.wait()
    log.join()
