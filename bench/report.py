"""Figures and how benchmarks print them: percentiles, aligned tables, the machine."""

import os
import platform
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timings:
    """Durations of repeated requests, in seconds."""

    seconds: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        """The 95th percentile (inclusive method: a value between two measured ones)."""
        if len(self.seconds) < 2:
            return self.seconds[0] * 1000
        return statistics.quantiles(self.seconds, n=100, method="inclusive")[94] * 1000


def yes_no(condition: bool) -> str:
    return "yes" if condition else "NO"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A text table: text columns aligned left, figures right."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def is_figure(text: str) -> bool:
        return text.replace(".", "", 1).replace(",", "").isdigit()

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(cell).rjust(width) if is_figure(str(cell)) else str(cell).ljust(width)
            for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The same table in Markdown, for docs/performance.md."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """One line on the machine the figures come from."""
    return f"{os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}"


def python_speed_ms(rounds: int = 5) -> float:
    """The median time of a fixed piece of pure Python (dicts, strings, sorting: what a request
    of the shop does most), in ms: cloud cores of the same name differ from day to day, and
    figures of two runs compare once divided by it."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        rows = [{"id": n, "name": f"product {n}", "price": n % 97} for n in range(60_000)]
        rows.sort(key=lambda row: (row["price"], row["name"]))
        "".join(f"<li>{row['name']}: {row['price']}</li>" for row in rows)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)
