"""Typo tolerance needs PostgreSQL's pg_trgm extension, which the embedded server lacks."""

import os

import pytest

from catalogue.search import trigram_available


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_trigram() -> None:
    """Skip the calling test when pg_trgm is missing; on CI (CI=true), fail instead: the CI
    database has it, so its absence there is a broken setup, not a laptop."""
    if trigram_available():
        return
    reason = "PostgreSQL has no pg_trgm extension here (embedded server?): typo tolerance is off"
    if on_ci():
        pytest.fail(f"{reason}, and CI is set: the CI database must provide pg_trgm.")
    pytest.skip(reason)
