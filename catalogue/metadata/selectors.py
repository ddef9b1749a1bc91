"""Lists narrowed by metadata: the objects whose public metadata holds some keys, or some keys
with given values. In the database for lists read from it (what PostgreSQL's GIN index of the
column with `jsonb_path_ops` answers: `@>` for a key with its value, `@?` for a key alone), in
memory for lists already read whole."""

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from django.db.models import BooleanField, F, Func, QuerySet, Value

from catalogue.metadata.checks import metadata_key_check, metadata_value_check

# A key the metadata must hold, with the value it must have there (None: any value).
MetadataCondition = tuple[str, str | None]
Row = TypeVar("Row")

FIELD = "metadata"  # the input field the refusals name


class _HoldsPath(Func):
    """`column @? path`: whether the JSON column holds the JSON path."""

    arg_joiner = " @? "
    template = "(%(expressions)s::jsonpath)"
    output_field = BooleanField()


def _checked(conditions: Iterable[MetadataCondition]) -> list[MetadataCondition]:
    return [
        (
            metadata_key_check(key, FIELD),
            None if value is None else metadata_value_check(value, FIELD),
        )
        for key, value in conditions
    ]


def metadata_filter(
    queryset: QuerySet[Row], *, conditions: Iterable[MetadataCondition]
) -> QuerySet[Row]:
    """The rows of `queryset` whose public metadata holds every condition. Refuses, before any
    query (ValidationError with MetadataErrorCode, on the `metadata` field), a key or value the
    shop would never store: empty, overlong, with control characters."""
    for key, value in _checked(conditions):
        if value is None:
            # A JSON string is a valid JSON path string: quotes and backslashes escaped.
            path = f"$.{json.dumps(key)}"
            queryset = queryset.filter(_HoldsPath(F("metadata"), Value(path)))
        else:
            queryset = queryset.filter(metadata__contains={key: value})
    return queryset


def metadata_matching(rows: Sequence[Row], *, conditions: Iterable[MetadataCondition]) -> list[Row]:
    """The rows (objects already read, with their metadata) whose public metadata holds every
    condition; refuses what `metadata_filter` refuses."""
    checked = _checked(conditions)

    def holds(stored: Mapping[str, str]) -> bool:
        return all(key in stored and value in (None, stored[key]) for key, value in checked)

    return [row for row in rows if holds(row.metadata)]
