"""What an operation may ask for: the name of every field it selects, at any depth and in any of
its document's fragments. A list's query joins no table and reads no column that no field of
the operation needs (the names are a superset: a name asked anywhere counts everywhere)."""

from collections.abc import Iterable
from weakref import WeakKeyDictionary

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    Node,
    ObjectFieldNode,
    OperationDefinitionNode,
    Visitor,
    visit,
)

METADATA = "metadata"
METADATA_FIELDS = frozenset(
    {
        METADATA,
        "metafield",
        "metafields",
        "privateMetadata",
        "privateMetafield",
        "privateMetafields",
    }
)
_found: WeakKeyDictionary[OperationDefinitionNode, frozenset[str]] = WeakKeyDictionary()
_inputs: WeakKeyDictionary[OperationDefinitionNode, frozenset[str]] = WeakKeyDictionary()


class _Names(Visitor):
    """Names of the fields selected and, with `inputs`, of the arguments and input fields."""

    def __init__(self, *, inputs: bool = False) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.inputs = inputs

    def enter_field(self, node: FieldNode, *_args) -> None:
        self.names.add(node.name.value)

    def enter_argument(self, node: ArgumentNode, *_args) -> None:
        if self.inputs:
            self.names.add(node.name.value)

    def enter_object_field(self, node: ObjectFieldNode, *_args) -> None:
        if self.inputs:
            self.names.add(node.name.value)


def _names_in(nodes: Iterable[Node], *, inputs: bool = False) -> frozenset[str]:
    names = _Names(inputs=inputs)
    for node in nodes:
        visit(node, names)
    return frozenset(names.names)


def requested_names(info) -> frozenset[str]:
    """The field names of the operation being run, worked out once per parsed operation (the
    API keeps its parsed queries)."""
    operation = info.operation
    if operation not in _found:
        _found[operation] = _names_in((operation, *info.fragments.values()))
    return _found[operation]


def asks_for_metadata(info) -> bool:
    return not METADATA_FIELDS.isdisjoint(requested_names(info))


def _holds_key(value: object, key: str) -> bool:
    if isinstance(value, dict):
        return key in value or any(_holds_key(item, key) for item in value.values())
    if isinstance(value, list):
        return any(_holds_key(item, key) for item in value)
    return False


def reads_metadata(
    document: DocumentNode, operation: OperationDefinitionNode, variables: dict | None
) -> bool:
    """Whether running `operation` may read an object's metadata: it asks for a metadata field,
    or filters on metadata (a `metadata` argument or input field, written in the document or
    sent in the variables). Loaders leave the metadata unread otherwise."""
    if operation not in _inputs:
        fragments = [
            node for node in document.definitions if isinstance(node, FragmentDefinitionNode)
        ]
        _inputs[operation] = _names_in((operation, *fragments), inputs=True)
    return not METADATA_FIELDS.isdisjoint(_inputs[operation]) or _holds_key(variables, METADATA)
