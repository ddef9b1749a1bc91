"""What an operation may ask for: the name of every field it selects, at any depth and in any of
its document's fragments. A list's query joins no table and reads no column that no field of
the operation needs (the names are a superset: a name asked anywhere counts everywhere)."""

from weakref import WeakKeyDictionary

from graphql import FieldNode, OperationDefinitionNode, Visitor, visit

METADATA_FIELDS = frozenset(
    {
        "metadata",
        "metafield",
        "metafields",
        "privateMetadata",
        "privateMetafield",
        "privateMetafields",
    }
)
_found: WeakKeyDictionary[OperationDefinitionNode, frozenset[str]] = WeakKeyDictionary()


class _Names(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_field(self, node: FieldNode, *_args) -> None:
        self.names.add(node.name.value)


def requested_names(info) -> frozenset[str]:
    """The field names of the operation being run, worked out once per parsed operation (the
    API keeps its parsed queries)."""
    operation = info.operation
    if operation not in _found:
        names = _Names()
        for node in (operation, *info.fragments.values()):
            visit(node, names)
        _found[operation] = frozenset(names.names)
    return _found[operation]


def asks_for_metadata(info) -> bool:
    return not METADATA_FIELDS.isdisjoint(requested_names(info))
