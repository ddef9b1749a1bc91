"""Running attempts at the same moment, each in its own thread and database connection."""

import threading
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
