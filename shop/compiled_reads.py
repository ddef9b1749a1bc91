"""Reads of a fixed shape whose SQL is compiled once per process, then only run.

Django builds and compiles a queryset's SQL on every evaluation: for the reads every checkout
page makes (the visitor's checkout, its lines with their products and sellers, the order), that
costs more CPU than PostgreSQL spends running them. A `CompiledRead` builds its queryset once,
with a placeholder for each value that changes between calls, compiles it, and afterwards only
binds the new values to the same SQL (which, on persistent connections, PostgreSQL has also
planned once: settings.DATABASE_PREPARED_STATEMENTS). Rows become model instances, related
objects and annotations exactly as the queryset would make them.

The contract: every value that may differ between two calls (an id, a token, today's date) comes
through a placeholder; anything else the builder reads is fixed at the first call. Reads only:
no locking (`select_for_update`), no slicing by the caller, no chaining on the result.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Generic, TypeVar
from uuid import UUID, uuid4

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.sql.compiler import SQLCompiler

M = TypeVar("M", bound=Model)


class Placeholder:
    """Makers of the stand-in values a read is built with: each unique, so its place among the
    compiled parameters is found by value."""

    @staticmethod
    def uuid() -> UUID:
        return uuid4()

    @staticmethod
    def integer() -> int:
        return -(uuid4().int % 2**62) - 1  # no id is negative

    @staticmethod
    def text() -> str:
        return f"placeholder-{uuid4().hex}"

    @staticmethod
    def moment() -> datetime:
        return datetime(1000, 1, 1, tzinfo=UTC) + timedelta(microseconds=uuid4().int % 2**54)

    @staticmethod
    def day() -> date:
        return date(1000, 1, 1) + timedelta(days=uuid4().int % 300_000)


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet
    compiler: SQLCompiler
    sql: str
    params: tuple
    positions: dict[str, tuple[int, ...]]


class CompiledReadError(Exception):
    """A read that cannot be compiled once: a placeholder that does not reach its parameters,
    or a shape it does not support."""


class CompiledRead(Generic[M]):
    """A queryset built by `build(**placeholders)`, compiled once per database alias; each call
    runs its SQL with the values given for the placeholders."""

    def __init__(self, build: Callable[..., QuerySet[M]], **placeholders: Callable[[], object]):
        self._build = build
        self._makers = placeholders
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, using: str) -> _Compiled:
        stand_ins = {name: make() for name, make in self._makers.items()}
        queryset = self._build(**stand_ins).using(using)
        query = queryset.query
        if query.select_for_update or query.low_mark or query.high_mark is not None:
            raise CompiledReadError("a compiled read neither locks nor slices")
        compiler = query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = {}
        for name, stand_in in stand_ins.items():
            found = tuple(index for index, value in enumerate(params) if value == stand_in)
            if not found or str(stand_in) in sql:
                raise CompiledReadError(f"the placeholder {name} is not a parameter of the query")
            positions[name] = found
        return _Compiled(queryset, compiler, sql, tuple(params), positions)

    def all(self, *, using: str = DEFAULT_DB_ALIAS, **values: object) -> list[M]:
        """The rows for these values, as the built queryset would give them."""
        if values.keys() != self._makers.keys():
            raise TypeError(f"values for {sorted(self._makers)} expected, got {sorted(values)}")
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        params = list(compiled.params)
        for name, indexes in compiled.positions.items():
            for index in indexes:
                params[index] = values[name]
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connections[using]  # this thread's connection
        bound = (compiled.sql, tuple(params))
        compiler.as_sql = lambda *args, **kwargs: bound
        queryset = compiled.queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)

    def first(self, *, using: str = DEFAULT_DB_ALIAS, **values: object) -> M | None:
        """The first row for these values, or None."""
        rows = self.all(using=using, **values)
        return rows[0] if rows else None
