"""Relay connections over querysets or lists: edges, pageInfo, totalCount, offset cursors."""

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import graphene
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from shop.graphql.core.errors import api_error
from shop.graphql.core.ranked import RankedRead, ranked_rows
from shop.graphql.limits import page_size_check

CURSOR_PREFIX = "offset:"


def offset_cursor(offset: int) -> str:
    return base64.b64encode(f"{CURSOR_PREFIX}{offset}".encode()).decode()


def cursor_offset(cursor: str | None) -> int | None:
    """The offset in `cursor`; None for no cursor; an error for one we did not make."""
    if cursor is None:
        return None
    try:
        decoded = base64.b64decode(cursor, validate=True).decode()
    except ValueError:
        decoded = ""
    number = decoded.removeprefix(CURSOR_PREFIX)
    if not decoded.startswith(CURSOR_PREFIX) or not (number.isascii() and number.isdigit()):
        raise api_error(_("This cursor is not valid: %(cursor)s") % {"cursor": cursor}, "INVALID")
    return int(number)


@dataclass(frozen=True)
class Edge:
    node: Any
    cursor: str


@dataclass(frozen=True)
class PageInfoValue:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@dataclass
class ConnectionValue:
    edges: list[Edge]
    page_info: PageInfoValue
    count: Callable[[], int]

    @cached_property
    def total_count(self) -> int:
        """Counted only when a client asks for it."""
        return self.count()

    @property
    def nodes(self) -> list:
        return [edge.node for edge in self.edges]


def _count_of(items: QuerySet | RankedRead | Sequence) -> Callable[[], int]:
    return items.count if isinstance(items, QuerySet | RankedRead) else lambda: len(items)


def _rows(items: QuerySet | RankedRead | Sequence, start: int, stop: int | None, ranked: bool):
    if isinstance(items, RankedRead) or (ranked and isinstance(items, QuerySet)):
        return ranked_rows(items, start, stop)
    return list(items[start:stop]), None


def connection_page(
    items: QuerySet | RankedRead | Sequence,
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    ranked: bool = False,
) -> ConnectionValue:
    """The page of `items` (ordered) that the Relay arguments ask for.

    Forwards (`first`, `after`), one row more than the page is read to learn whether another
    page follows. Backwards (`last` alone), the end is `before`, else the count of the items.
    `ranked`: the order makes the database read every matching row anyway (a search's
    ranking), so the total comes with the page's rows (see `ranked_rows`); a RankedRead always
    is.
    """
    page_size_check(first=first, last=last)
    count = _count_of(items)
    start = cursor_offset(after) + 1 if after is not None else 0
    end = cursor_offset(before)
    if first is not None:
        stop = start + first + 1
        rows, total = _rows(items, start, stop if end is None else min(stop, end), ranked)
        has_next = len(rows) > first or (end is not None and start + len(rows) < end)
        rows = rows[:first]
        if last is not None and len(rows) > last:
            start, rows = start + len(rows) - last, rows[-last:]
    else:
        end = count() if end is None else end
        begin = max(start, end - last)
        rows, total = _rows(items, begin, end, ranked) if end > begin else ([], None)
        start, has_next = begin, before is not None
    if total is not None:
        count = lambda: total  # noqa: E731 - the total came with the rows
    edges = [Edge(node=row, cursor=offset_cursor(start + index)) for index, row in enumerate(rows)]
    page_info = PageInfoValue(
        has_next_page=has_next,
        has_previous_page=start > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return ConnectionValue(edges=edges, page_info=page_info, count=count)


def countable_connection(node, name: str) -> type[graphene.ObjectType]:
    """The `<name>CountableConnection` type (and its edge type) over `node`, a type or the import
    path of one, as Saleor names them."""
    edge = type(
        f"{name}CountableEdge",
        (graphene.ObjectType,),
        {"node": graphene.Field(node, required=True), "cursor": graphene.String(required=True)},
    )
    fields = {
        "page_info": graphene.Field("shop.graphql.core.types.PageInfo", required=True),
        "edges": graphene.List(graphene.NonNull(edge), required=True),
        "total_count": graphene.Int(),
    }
    return type(f"{name}CountableConnection", (graphene.ObjectType,), fields)
