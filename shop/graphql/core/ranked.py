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
"""

from functools import partial

from django.db import connections
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


def ranked_rows(items: QuerySet, start: int, stop: int | None) -> tuple[list, int | None]:
    """Rows `start` to `stop` of `items` (ordered) and the total of its rows; None for the total
    when the page is empty."""
    sorts = _sort_keys(items)
    names = [f"sort_{index}" for index in range(len(sorts))]
    narrow = items.order_by().annotate(
        **{name: sort.expression for name, sort in zip(names, sorts, strict=True)}
    )
    ranking, params = narrow.values_list("pk", *names).query.sql_with_params()
    page = " OFFSET %s" if stop is None else " LIMIT %s OFFSET %s"
    params = [*params, *([start] if stop is None else [stop - start, start])]

    whole = _whole_read(items)
    reading, reading_params = whole.statement(using=items.db)
    connection = connections[items.db]
    table = connection.ops.quote_name(items.model._meta.db_table)
    key = connection.ops.quote_name(items.model._meta.pk.column)
    with planned_for_its_values(items.db), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT whole.*, page.total FROM ("
            f"SELECT ranked.*, COUNT(*) OVER () AS total FROM ({ranking} OFFSET 0) AS ranked"
            f" ORDER BY {_order_clause('ranked', names, sorts)}{page}"
            f") AS page CROSS JOIN LATERAL ({reading} WHERE {table}.{key} = page.pk) AS whole"
            f" ORDER BY {_order_clause('page', names, sorts)}",
            [*params, *reading_params],
        )
        rows = cursor.fetchall()
    if not rows:
        return [], None
    return whole.of_rows([row[:-1] for row in rows], using=items.db), rows[0][-1]
