"""The Saleor storefront contract kept beside the project in ../shared/saleor/ (never copied in)."""

import os
from pathlib import Path

import pytest
from graphql import DocumentNode, OperationDefinitionNode, parse

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
