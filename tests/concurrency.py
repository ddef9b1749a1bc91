"""Running attempts at the same moment, each in its own thread and database connection."""

import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from django.db import connection

Item = TypeVar("Item")


def at_once(attempt: Callable[[Item], str], items: Sequence[Item]) -> list[str]:
    """`attempt(item)` for every item, each in a thread of its own, all released together by a
    barrier; each thread closes its connection. The outcomes, in the order they finished."""
    start = threading.Barrier(len(items))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(item: Item) -> None:
        try:
            start.wait(timeout=30)
            outcome = attempt(item)
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def waiting_for_a_lock(count: int) -> None:
    """Return once `count` other connections of this database wait for a row lock."""
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            # Within a transaction the statistics are read once unless their snapshot is cleared.
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0] >= count:
                return
    raise AssertionError(f"{count} requests never waited for the lock")
