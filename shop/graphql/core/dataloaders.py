"""Batching of the API's relations within one request, without an event loop.

Execution is synchronous, so a loader cannot wait for its siblings to ask. Instead, whoever
resolves a list (a connection's page, a product's variants) announces the keys it is about to
resolve under a kind ("product", "seller"...); the first `load` of a key then fetches every
announced key of that kind not fetched yet, in one query. A page of 100 products thus costs
one query per relation, whatever the page size.
"""

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any, ClassVar, TypeVar

from django.db.models import QuerySet

Loader = TypeVar("Loader", bound="DataLoader")
METADATA_COLUMNS = ("metadata", "private_metadata")


class Loaders:
    """The loaders of one request and the keys announced to them. `metadata`: whether the
    operation may read metadata; loaders leave it unread otherwise (see `reads_metadata`)."""

    def __init__(self, *, metadata: bool = True) -> None:
        self.metadata = metadata
        self.announced: dict[str, set[Hashable]] = defaultdict(set)
        self._loaders: dict[type, DataLoader] = {}
        self._memos: dict[str, dict] = defaultdict(dict)

    def announce(self, kind: str, keys: Iterable[Hashable]) -> None:
        self.announced[kind].update(keys)

    def memo(self, name: str) -> dict:
        """A dictionary kept for the request, for values worked out once (a cart's summary)."""
        return self._memos[name]

    def trimmed(self, rows: QuerySet) -> QuerySet:
        """`rows` without their metadata when the operation reads none."""
        return rows if self.metadata else rows.defer(*METADATA_COLUMNS)

    def get(self, loader_class: type[Loader]) -> Loader:
        if loader_class not in self._loaders:
            self._loaders[loader_class] = loader_class(self)
        return self._loaders[loader_class]  # type: ignore[return-value]


class DataLoader(ABC):
    """Loads values by key, in batches of the announced keys of `kind`."""

    kind: ClassVar[str]
    default: ClassVar[Any] = None

    def __init__(self, loaders: Loaders) -> None:
        self.loaders = loaders
        self.cache: dict[Hashable, Any] = {}

    @abstractmethod
    def batch_load(self, keys: list[Hashable]) -> dict[Hashable, Any]:
        """The values of `keys` (missing keys get `default`)."""

    def load(self, key: Hashable) -> Any:
        if key not in self.cache:
            wanted = {key} | (self.loaders.announced[self.kind] - self.cache.keys())
            found = self.batch_load(sorted(wanted, key=str))
            for wanted_key in wanted:
                self.cache[wanted_key] = found.get(wanted_key, self.default_value())
        return self.cache[key]

    def prime(self, key: Hashable, value: Any) -> None:
        """`value` for `key`, read along with another loader's batch (kept if loaded already)."""
        self.cache.setdefault(key, value)

    def default_value(self) -> Any:
        return list(self.default) if isinstance(self.default, list | tuple) else self.default


def grouped(rows: Iterable[Any], key_attribute: str) -> dict[Hashable, list]:
    """Rows grouped by the value of one of their attributes, in their order."""
    groups: dict[Hashable, list] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key_attribute)].append(row)
    return groups
