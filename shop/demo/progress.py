"""One line of progress for the long generators: a bar, the count and the rate."""

BAR_WIDTH = 24


def progress_line(*, done: int, total: int, what: str, seconds: float, extra: str = "") -> str:
    """`[#########...............]  40 % 4,000/10,000 products, 12 producers (1,600/s)`."""
    share = done / total if total else 1.0
    filled = round(share * BAR_WIDTH)
    rate = f"{done / seconds:,.0f}/s" if seconds > 0 else "-"
    details = f", {extra}" if extra else ""
    return (
        f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} "
        f"{done:,}/{total:,} {what}{details} ({rate})"
    )
