"""A page of a ranked queryset (a search's, best first) with the total of its rows, in one
statement.

Ranking reads every matching row, so the statement carries each of them no further than its
key and sort values: they are worked out in a subquery kept apart from the rest (`OFFSET 0`,
so the text searched is not carried into the count or the sort), the total is counted over
these narrow rows (`COUNT(*) OVER ()`), and only then are they sorted, keeping the page's rows
alone (a top-N sort, not a sort of every row). The page's whole rows, with the related rows
the queryset selects, are read last by key: `items`' conditions chose the keys already, and
carrying wide rows through the count and the sort would cost several times more; their read is
compiled once for each shape of queryset (shop.compiled_reads).

A caller that can name the shape of its ranking (a search with no other condition) passes a
`RankedRead` instead of a queryset: the ranking is then also compiled once, and a request only
binds its values (the words, the day), where building and compiling the queryset cost about as
much CPU as PostgreSQL spends ranking a common word.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import F, Model, OrderBy, QuerySet
from django.db.models.sql.query import get_order_dir

from catalogue.search import planned_for_its_values
from shop.compiled_reads import CompiledRead


def _sort_keys(items: QuerySet) -> list[OrderBy]:
    """The order of `items` as expressions, reversed when the queryset is (`reverse()`)."""
    sorts = []
    for field in items.query.order_by:
        if isinstance(field, str):
            name, direction = get_order_dir(field)
            field = OrderBy(F(name), descending=direction == "DESC")
        elif not isinstance(field, OrderBy):
            field = field.asc()
        if not items.query.standard_ordering:
            field = field.copy()
            field.reverse_ordering()
        sorts.append(field)
    return sorts


def _order_clause(table: str, names: list[str], sorts: list[OrderBy]) -> str:
    return ", ".join(
        f"{table}.{name} {'DESC' if sort.descending else 'ASC'}"
        + (" NULLS FIRST" if sort.nulls_first else " NULLS LAST" if sort.nulls_last else "")
        for name, sort in zip(names, sorts, strict=True)
    )


def _related_names(tree: dict, prefix: str = "") -> list[str]:
    names = []
    for name, below in tree.items():
        names.append(f"{prefix}{name}")
        names.extend(_related_names(below, f"{prefix}{name}__"))
    return names


def _whole_rows(model: type[Model], related: tuple | bool, fields: frozenset, deferred: bool):
    """Every row of `model`, unordered, with the `related` rows and the `fields` (deferred or
    only those) a queryset selects, but none of its conditions."""
    rows = model._base_manager.order_by()
    if related:
        rows = rows.select_related(*([] if related is True else related))
    if fields:
        rows = rows.defer(*fields) if deferred else rows.only(*fields)
    return rows


# The whole rows of a ranked page, by the shape of the queryset ranked: compiled once.
_whole_reads: dict[tuple, CompiledRead] = {}


def _whole_read(items: QuerySet) -> CompiledRead:
    related = items.query.select_related
    fields, deferred = items.query.deferred_loading
    shape = (
        items.model,
        related if related is True else tuple(_related_names(related or {})),
        frozenset(fields),
        deferred,
    )
    if shape not in _whole_reads:
        _whole_reads[shape] = CompiledRead(partial(_whole_rows, *shape))
    return _whole_reads[shape]


@dataclass(frozen=True)
class RankedRead:
    """A ranked queryset of one shape, `build(**values)`, whose statement `ranked_rows` compiles
    once per `shape` (shop.compiled_reads), each value of `values` a placeholder made by its
    maker in `placeholders`. Two reads of the same shape must differ by their values alone."""

    shape: Hashable
    build: Callable[..., QuerySet]
    values: dict[str, Any]
    placeholders: dict[str, Callable[[], Any]]
    db: str = DEFAULT_DB_ALIAS

    def queryset(self) -> QuerySet:
        return self.build(**self.values).using(self.db)

    def count(self) -> int:
        return self.queryset().count()


def _narrowed(items: QuerySet) -> tuple[QuerySet, list[OrderBy], list[str]]:
    """The keys and sort values of `items`' rows (`sort_0`...), unordered."""
    sorts = _sort_keys(items)
    names = [f"sort_{index}" for index in range(len(sorts))]
    narrow = items.order_by().annotate(
        **{name: sort.expression for name, sort in zip(names, sorts, strict=True)}
    )
    return narrow.values_list("pk", *names), sorts, names


@dataclass(frozen=True)
class _Ranking:
    model: type[Model]
    narrow: CompiledRead
    whole: CompiledRead
    sorts: list[OrderBy]
    names: list[str]


# The compiled statements of each shape of RankedRead, made by its first read.
_rankings: dict[Hashable, _Ranking] = {}


def _ranking(read: RankedRead) -> _Ranking:
    if read.shape not in _rankings:
        build = read.build  # not the read: its values (a shopper's words) are not kept
        built = build(**{name: make() for name, make in read.placeholders.items()})
        _narrow, sorts, names = _narrowed(built)
        _rankings[read.shape] = _Ranking(
            model=built.model,
            narrow=CompiledRead(
                lambda **values: _narrowed(build(**values))[0], **read.placeholders
            ),
            whole=_whole_read(built),
            sorts=sorts,
            names=names,
        )
    return _rankings[read.shape]


def ranked_rows(
    items: QuerySet | RankedRead, start: int, stop: int | None
) -> tuple[list, int | None]:
    """Rows `start` to `stop` of `items` (ordered) and the total of its rows; None for the total
    when the page is empty."""
    if isinstance(items, RankedRead):
        ranking = _ranking(items)
        model, sorts, names, whole = ranking.model, ranking.sorts, ranking.names, ranking.whole
        sql, params = ranking.narrow.statement(using=items.db, **items.values)
    else:
        narrow, sorts, names = _narrowed(items)
        sql, params = narrow.query.sql_with_params()
        model, whole = items.model, _whole_read(items)
    page = " OFFSET %s" if stop is None else " LIMIT %s OFFSET %s"
    params = [*params, *([start] if stop is None else [stop - start, start])]

    reading, reading_params = whole.statement(using=items.db)
    connection = connections[items.db]
    table = connection.ops.quote_name(model._meta.db_table)
    key = connection.ops.quote_name(model._meta.pk.column)
    with planned_for_its_values(items.db), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT whole.*, page.total FROM ("
            f"SELECT ranked.*, COUNT(*) OVER () AS total FROM ({sql} OFFSET 0) AS ranked"
            f" ORDER BY {_order_clause('ranked', names, sorts)}{page}"
            f") AS page CROSS JOIN LATERAL ({reading} WHERE {table}.{key} = page.pk) AS whole"
            f" ORDER BY {_order_clause('page', names, sorts)}",
            [*params, *reading_params],
        )
        rows = cursor.fetchall()
    if not rows:
        return [], None
    return whole.of_rows([row[:-1] for row in rows], using=items.db), rows[0][-1]
