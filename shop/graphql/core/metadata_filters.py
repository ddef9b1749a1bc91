"""Saleor's `metadata: [MetadataFilter!]` of list filters: each {key} keeps the objects whose
public metadata holds the key, each {key, value} those holding it with that value."""

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from catalogue.metadata.selectors import metadata_filter, metadata_matching
from shop.graphql.core.errors import api_error

Rows = TypeVar("Rows", QuerySet, list)


def metadata_filters_of(*inputs) -> list:
    """The metadata filters of a list's inputs (its `filter` and its `where`): all of them
    hold."""
    return [item for given in inputs for item in (given or {}).get("metadata") or ()]


def metadata_narrow(rows: Rows, filters: Iterable | None) -> Rows:
    """`rows` (a queryset, or a list already read whole) narrowed by the input's metadata
    filters; a key or value the shop never stores is a request error with its code."""
    conditions = [(item["key"], item.get("value")) for item in filters or ()]
    if not conditions:
        return rows
    try:
        if isinstance(rows, QuerySet):
            return metadata_filter(rows, conditions=conditions)
        return metadata_matching(rows, conditions=conditions)
    except ValidationError as refused:
        error = refused.error_dict["metadata"][0]
        raise api_error(error.messages[0], error.code) from refused
