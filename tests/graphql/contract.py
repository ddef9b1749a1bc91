"""The Saleor storefront contract kept beside the project in ../shared/saleor/ (never copied in)."""

import os
from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    Visitor,
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
