"""A page of a ranked queryset (a search's, best first) with the total of its rows, in one
statement.

Ranking reads every matching row, so the statement carries each of them no further than its
key and sort values: they are worked out in a subquery kept apart from the rest (`OFFSET 0`,
so the text searched is not carried into the count or the sort), the total is counted over
these narrow rows (`COUNT(*) OVER ()`), and only then are they sorted, keeping the page's rows
alone (a top-N sort, not a sort of every row). The page's whole rows, with the related rows
the queryset selects, are read last by key: `items`' conditions chose the keys already, and
carrying wide rows through the count and the sort would cost several times more.
"""

from django.db import connections
from django.db.models import F, OrderBy, QuerySet
from django.db.models.query import get_related_populators
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.query import get_order_dir

from catalogue.search import planned_for_its_values


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


def _whole_rows(items: QuerySet) -> QuerySet:
    """Every row of `items`' model, unordered, with the related rows and the fields `items`
    selects, but none of its conditions."""
    rows = items.model._base_manager.order_by()
    related = items.query.select_related
    if related:
        rows = rows.select_related(*([] if related is True else _related_names(related)))
    fields, deferred = items.query.deferred_loading
    if fields:
        rows = rows.defer(*fields) if deferred else rows.only(*fields)
    return rows


def _instances(compiler: SQLCompiler, rows: list[tuple], database: str) -> list:
    """The model instances (with their related ones) of `rows` read by `compiler`'s columns, as
    a queryset builds them."""
    select, klass_info = compiler.select, compiler.klass_info
    first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[first:last]]
    related = get_related_populators(klass_info, select, database)
    instances = []
    for row in compiler.results_iter([rows]):
        instance = klass_info["model"].from_db(database, names, row[first:last])
        for populator in related:
            populator.populate(row, instance)
        instances.append(instance)
    return instances


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

    whole = _whole_rows(items)
    compiler = whole.query.get_compiler(items.db)
    reading, reading_params = compiler.as_sql()
    table = compiler.quote_name_unless_alias(whole.query.get_initial_alias())
    key = compiler.connection.ops.quote_name(items.model._meta.pk.column)
    with planned_for_its_values(items.db), connections[items.db].cursor() as cursor:
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
    return _instances(compiler, [row[:-1] for row in rows], items.db), rows[0][-1]
