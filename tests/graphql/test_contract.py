"""Our schema speaks Saleor's storefront API: it holds every type, field, argument and enum
value of the contract, every operation of its storefront and SDK validates against it, and the
committed printed schema is the one the code builds."""

from pathlib import Path

from graphql import validate

from shop.graphql.api import schema
from tests.graphql.contract import (
    OPERATION_FILES,
    contract_document,
    contract_gaps,
    operation_names,
)

PRINTED_SCHEMA = Path(__file__).resolve().parents[2] / "shop" / "graphql" / "schema.graphql"


def test_the_schema_holds_the_whole_contract():
    assert contract_gaps(schema.graphql_schema) == []


def test_every_storefront_and_sdk_operation_validates():
    documents = [contract_document(name) for name in OPERATION_FILES]
    failures = {}
    for document in documents:
        for error in validate(schema.graphql_schema, document):
            failures.setdefault(error.message, 0)
            failures[error.message] += 1
    assert failures == {}
    assert sum(len(operation_names(document)) for document in documents) == 83


def test_printed_schema_is_committed():
    assert PRINTED_SCHEMA.read_text() == str(schema), (
        "The schema changed: print it again with "
        "`.venv/bin/python manage.py graphql_schema --schema shop.graphql.api.schema "
        "--out shop/graphql/schema.graphql`"
    )
