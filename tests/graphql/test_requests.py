"""Requests as a whole: limits of depth and cost, reads and changes, malformed requests."""

import base64

import pytest
from graphql import OperationDefinitionNode, print_ast

from shop.graphql.limits import MAX_COST, MAX_DEPTH, MAX_PAGE_SIZE, _Walker
from tests.graphql.client import api_post
from tests.graphql.contract import OPERATION_FILES, contract_document

pytestmark = pytest.mark.django_db


def test_a_too_deep_query_is_refused_before_it_runs(client):
    nested = "children(first: 1) { edges { node { " * 6 + "id" + " } } }" * 6
    query = f"{{ categories(first: 1) {{ edges {{ node {{ {nested} }} }} }} }}"

    result = api_post(client, query)

    assert result.get("data") is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "QUERY_TOO_DEEP"
    assert result["errors"][0]["message"] == (
        f"The query is 22 levels deep; at most {MAX_DEPTH} are allowed."
    )


def test_a_too_expensive_query_is_refused_counting_page_sizes_given_as_variables(client):
    query = """query($n: Int) { categories(first: $n) { edges { node {
        children(first: $n) { edges { node { children(first: $n) { edges { node {
          id name slug level } } } } } } } } } }"""

    cheap = api_post(client, query, {"n": 20})
    dear = api_post(client, query, {"n": 100})

    assert "errors" not in cheap
    assert dear["errors"][0]["extensions"]["exception"]["code"] == "QUERY_TOO_EXPENSIVE"


def test_every_contract_operation_is_within_the_limits_for_the_largest_pages():
    for name in OPERATION_FILES:
        document = contract_document(name)
        fragments = {
            node.name.value: node
            for node in document.definitions
            if not isinstance(node, OperationDefinitionNode)
        }
        walker = _Walker(fragments, {"first": MAX_PAGE_SIZE, "last": MAX_PAGE_SIZE})
        for node in document.definitions:
            if isinstance(node, OperationDefinitionNode):
                depth, cost = walker.measure(node.selection_set)
                assert depth <= MAX_DEPTH, print_ast(node)[:80]
                assert cost <= MAX_COST, print_ast(node)[:80]


def test_a_get_may_read_but_not_change(client):
    read = client.get("/graphql/", {"query": "{ shop { name } }"}, HTTP_ACCEPT="application/json")
    change = client.get(
        "/graphql/",
        {"query": "mutation { checkoutCreate(input: {lines: []}) { errors { code } } }"},
        HTTP_ACCEPT="application/json",
    )

    assert read.json() == {"data": {"shop": {"name": "Oh my Lot !"}}}
    assert change.status_code == 405


def test_malformed_requests_are_client_errors(client):
    syntax = client.post("/graphql/", {"query": "{ products("}, content_type="application/json")
    unknown = client.post("/graphql/", {"query": "{ nope }"}, content_type="application/json")
    not_json = client.post("/graphql/", "{", content_type="application/json")

    assert syntax.status_code == unknown.status_code == not_json.status_code == 400
    assert unknown.json()["errors"][0]["message"] == "Cannot query field 'nope' on type 'Query'."


@pytest.mark.parametrize(
    "body",
    [
        {"query": ["{ shop { name } }"]},
        {"query": "{ shop { name } }", "variables": ["channel"]},
        {"query": "{ shop { name } }", "operationName": {"name": "Shop"}},
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["query-list", "variables-list", "name-object", "deep-json"],
)
def test_a_request_of_the_wrong_shape_is_a_coded_client_error(client, body):
    response = client.post("/graphql/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == "INVALID_REQUEST"


def test_a_query_nested_beyond_the_parser_is_a_client_error(client):
    query = "{ shop " + "{ name " * 20_000 + "}" * 20_000 + " }"

    response = client.post("/graphql/", {"query": query}, content_type="application/json")

    assert response.status_code == 400
    assert "errors" in response.json()


def test_a_cursor_with_digits_that_are_not_ascii_is_a_typed_error(client):
    cursor = base64.b64encode("offset:²".encode()).decode()

    result = api_post(
        client, "query($c: String) { products(first: 1, after: $c) { totalCount } }", {"c": cursor}
    )

    assert result["errors"][0]["extensions"]["exception"]["code"] == "INVALID"
