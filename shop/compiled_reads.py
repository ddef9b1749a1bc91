"""Reads of a fixed shape whose SQL is compiled once per process, then only run.

Django builds and compiles a queryset's SQL on every evaluation: for the reads every checkout
page makes (the visitor's checkout, its lines with their products and sellers, the order), that
costs more CPU than PostgreSQL spends running them. A `CompiledRead` builds its queryset once,
with a placeholder for each value that changes between calls, compiles it, and afterwards only
binds the new values to the same SQL (which, on persistent connections, PostgreSQL has also
planned once: settings.DATABASE_PREPARED_STATEMENTS). Rows become model instances, related
objects and annotations exactly as the queryset would make them. A read may also run within a
larger statement (`statement`, then `of_rows`), and take any number of keys as one array
parameter (`among`).

The contract: every value that may differ between two calls (an id, a token, today's date) comes
through a placeholder; anything else the builder reads is fixed at the first call. Reads only:
no locking (`select_for_update`), no slicing by the caller, no chaining on the result.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Generic, TypeVar
from uuid import UUID, uuid4

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import BooleanField, Model, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler

M = TypeVar("M", bound=Model)
T = TypeVar("T")


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

    @staticmethod
    def keys() -> list[int]:
        """Keys for `among`: one array parameter, whatever their number."""
        return [Placeholder.integer()]


def among(model: type[Model], field_name: str, keys: list) -> RawSQL:
    """A condition for `filter()`: the row's `field_name` is one of `keys`, passed as one array
    of the column's type (`column = ANY(%s)`), so the SQL is the same however many keys a read
    is run for (`__in` writes a parameter per key)."""
    field = model._meta.get_field(field_name)
    connection = connections[DEFAULT_DB_ALIAS]
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(field.column)}"
    return RawSQL(
        f"{column} = ANY(%s::{field.db_type(connection)}[])", (keys,), output_field=BooleanField()
    )


def _twin(thing: T) -> T:
    """A shallow copy of `thing` made without its `__reduce__` (a queryset's would run it)."""
    twin = object.__new__(type(thing))
    twin.__dict__.update(thing.__dict__)
    return twin


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet
    compiler: SQLCompiler
    sql: str
    params: tuple
    positions: dict[str, tuple[int, ...]]
    # the columns' converters (JSON decoding...), by the columns read: worked out on first use
    converters: dict[tuple[int, ...], dict] = field(default_factory=dict)

    def converters_of(self, compiler: SQLCompiler, expressions: list) -> dict:
        """What `compiler.get_converters` gives for `expressions`, the columns of this read
        (the same objects at every call), worked out once."""
        key = tuple(map(id, expressions))
        if key not in self.converters:
            self.converters[key] = type(compiler).get_converters(compiler, expressions)
        return self.converters[key]


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

    def _built(self, using: str) -> tuple[QuerySet[M], SQLCompiler, str, tuple, dict]:
        stand_ins = {name: make() for name, make in self._makers.items()}
        queryset = self._build(**stand_ins).using(using)
        query = queryset.query
        if query.select_for_update or query.low_mark or query.high_mark is not None:
            raise CompiledReadError("a compiled read neither locks nor slices")
        if queryset._prefetch_related_lookups:
            # Django's prefetch writes the instances it reads into its querysets: shared by
            # every call, they would keep the last rows alive. prefetch_related_objects, per call.
            raise CompiledReadError("a compiled read prefetches nothing")
        compiler = query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, tuple(params), stand_ins

    def _compile(self, using: str) -> _Compiled:
        queryset, compiler, sql, params, stand_ins = self._built(using)
        positions = {}
        for name, stand_in in stand_ins.items():
            found = tuple(index for index, value in enumerate(params) if value == stand_in)
            if not found or str(stand_in) in sql:
                raise CompiledReadError(f"the placeholder {name} is not a parameter of the query")
            positions[name] = found
        # Built again with other stand-ins, only the placeholders' own places may differ: a
        # value the builder derives from one (a day after `day`) would be fixed at this build.
        _queryset, _compiler, other_sql, other_params, _stand_ins = self._built(using)
        placed = {index for indexes in positions.values() for index in indexes}
        if other_sql != sql or any(
            first != second
            for index, (first, second) in enumerate(zip(params, other_params, strict=True))
            if index not in placed
        ):
            raise CompiledReadError("the query holds a value derived from a placeholder")
        return _Compiled(queryset, compiler, sql, params, positions)

    def _compiled_for(self, using: str) -> _Compiled:
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        return compiled

    def _bound(self, using: str, values: dict[str, object]) -> tuple[_Compiled, str, tuple]:
        if values.keys() != self._makers.keys():
            raise TypeError(f"values for {sorted(self._makers)} expected, got {sorted(values)}")
        compiled = self._compiled_for(using)
        params = list(compiled.params)
        for name, indexes in compiled.positions.items():
            for index in indexes:
                params[index] = values[name]
        return compiled, compiled.sql, tuple(params)

    @staticmethod
    def _made(compiled: _Compiled, using: str, **compiler_methods: Callable) -> list:
        """The rows as the built queryset makes them, its compiler's methods replaced."""
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connections[using]  # this thread's connection
        compiler.get_converters = partial(compiled.converters_of, compiler)
        for name, method in compiler_methods.items():
            setattr(compiler, name, method)
        # Twins sharing the built queryset's state, which nothing here changes: cloning its
        # query (as chaining a queryset does) deep-copies its relations on every call.
        queryset, query = _twin(compiled.queryset), _twin(compiled.queryset.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        queryset._query = query  # not the setter, which would turn values_list() into values()
        return list(queryset)

    def all(self, *, using: str = DEFAULT_DB_ALIAS, **values: object) -> list[M]:
        """The rows for these values, as the built queryset would give them."""
        compiled, sql, params = self._bound(using, values)
        return self._made(compiled, using, as_sql=lambda *args, **kwargs: (sql, params))

    def statement(self, *, using: str = DEFAULT_DB_ALIAS, **values: object) -> tuple[str, tuple]:
        """The SQL and parameters of the read for these values, to run within a larger
        statement: `of_rows` then makes the rows it reads."""
        _compiled, sql, params = self._bound(using, values)
        return sql, params

    def of_rows(self, rows: list[tuple], *, using: str = DEFAULT_DB_ALIAS) -> list[M]:
        """`rows`, read by this read's SQL within another statement (`statement`), as the built
        queryset would give them."""
        compiled = self._compiled_for(using)
        return self._made(compiled, using, execute_sql=lambda *args, **kwargs: [rows])

    def first(self, *, using: str = DEFAULT_DB_ALIAS, **values: object) -> M | None:
        """The first row for these values, or None."""
        rows = self.all(using=using, **values)
        return rows[0] if rows else None
