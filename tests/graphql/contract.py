"""The Saleor storefront contract kept beside the project in ../shared/saleor/ (never copied in)."""

import os
from pathlib import Path
from typing import Any

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    OperationDefinitionNode,
    Visitor,
    build_schema,
    parse,
    print_ast,
    visit,
)

CONTRACT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "saleor"
OPERATION_FILES = ("operations-storefront.graphql", "operations-sdk.graphql")


def contract_path(name: str) -> Path:
    """A file of the contract; the calling test skips when the folder is missing (a laptop's
    clone), except on CI where it must be there."""
    path = CONTRACT_DIR / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"The API contract is missing on CI: {path}")
        pytest.skip(f"The API contract is not beside the project: {path}")
    return path


def contract_document(name: str) -> DocumentNode:
    return parse(contract_path(name).read_text())


def operation_names(document: DocumentNode) -> list[str]:
    return [
        node.name.value
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode) and node.name
    ]


def _spreads(node) -> set[str]:
    names: set[str] = set()

    class Spreads(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_args) -> None:
            names.add(spread.name.value)

    visit(node, Spreads())
    return names


def operation_source(file_name: str, operation_name: str) -> str:
    """The text of one operation of a contract file with the fragments it uses (transitively),
    ready to send."""
    document = contract_document(file_name)
    fragments = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    operation = next(
        node
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode)
        and node.name
        and node.name.value == operation_name
    )
    needed, waiting = [], list(_spreads(operation))
    while waiting:
        name = waiting.pop()
        if name not in needed:
            needed.append(name)
            waiting.extend(_spreads(fragments[name]))
    return "\n\n".join(print_ast(node) for node in [operation, *(fragments[n] for n in needed)])


def contract_schema() -> GraphQLSchema:
    """Saleor's schema as the contract states it (schema.graphql)."""
    return build_schema(contract_path("schema.graphql").read_text())


KINDS = (
    GraphQLObjectType,
    GraphQLInterfaceType,
    GraphQLUnionType,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLScalarType,
)


def _kind_of(kind: GraphQLNamedType) -> type:
    return next(base for base in KINDS if isinstance(kind, base))


def _members(kind: GraphQLNamedType) -> dict[str, Any]:
    if isinstance(kind, GraphQLEnumType):
        return kind.values
    if isinstance(kind, GraphQLUnionType):
        return {member.name: member for member in kind.types}
    return getattr(kind, "fields", {})


def _field_gaps(name: str, theirs: Any, ours: Any) -> list[str]:
    gaps = []
    if str(theirs.type) != str(ours.type):
        gaps.append(f"{name}: {ours.type} instead of {theirs.type}")
    for argument, expected in getattr(theirs, "args", {}).items():
        found = ours.args.get(argument)
        if found is None:
            gaps.append(f"{name}({argument}:) missing")
        elif str(found.type) != str(expected.type):
            gaps.append(f"{name}({argument}:) {found.type} instead of {expected.type}")
    return gaps


def contract_gaps(ours: GraphQLSchema) -> list[str]:
    """What the contract states that `ours` lacks: types (of the same kind), their fields and
    input fields (of the same type), arguments (of the same type), enum values and union
    members. Our schema may hold more."""
    gaps = []
    for name, theirs in contract_schema().type_map.items():
        if name.startswith("__"):
            continue
        kind = ours.type_map.get(name)
        if kind is None or _kind_of(kind) is not _kind_of(theirs):
            gaps.append(f"type {name} missing" if kind is None else f"type {name}: another kind")
            continue
        found = _members(kind)
        for member, expected in _members(theirs).items():
            if member not in found:
                gaps.append(f"{name}.{member} missing")
            elif isinstance(theirs, GraphQLObjectType | GraphQLInterfaceType):
                gaps.extend(_field_gaps(f"{name}.{member}", expected, found[member]))
            elif isinstance(theirs, GraphQLInputObjectType) and (
                str(found[member].type) != str(expected.type)
            ):
                gaps.append(f"{name}.{member}: {found[member].type} instead of {expected.type}")
    return gaps
