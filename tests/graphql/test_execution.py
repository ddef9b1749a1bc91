"""The API's execution answers exactly as graphql-core's own: values, nulls, errors and where
they stop, on a schema holding each case its shortcuts take or leave."""

import graphene
from graphql import execute, parse

from shop.graphql.execution import ApiExecutionContext, never_awaitable


class Broken(Exception):
    pass


class Part(graphene.ObjectType):
    label = graphene.String()
    required_label = graphene.String(required=True)


class Item(graphene.ObjectType):
    name = graphene.String()
    required_name = graphene.String(required=True)
    count = graphene.Int()
    doubled = graphene.Int(factor=graphene.Int(default_value=2))
    scaled = graphene.Int(factor=graphene.Int(required=True))
    failing = graphene.String()
    failing_required = graphene.String(required=True)
    tags = graphene.List(graphene.String)
    # objects read from their parent's key
    part = graphene.Field(lambda: Part)
    required_part = graphene.Field(lambda: Part, required=True)

    @staticmethod
    def resolve_doubled(root, info, factor):
        return root["count"] * factor

    @staticmethod
    def resolve_scaled(root, info, factor):
        return root["count"] * factor

    @staticmethod
    def resolve_failing(root, info):
        raise Broken(f"cannot read {root['name']}")

    @staticmethod
    def resolve_failing_required(root, info):
        raise Broken("required and broken")


class Query(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(Item), required=True)
    optional_items = graphene.List(Item)

    @staticmethod
    def resolve_items(root, info):
        return [
            {
                "name": "a",
                "required_name": "A",
                "count": 1,
                "tags": ["x", None],
                "part": {"label": "p", "required_label": None},
                "required_part": {"label": None, "required_label": "R"},
            },
            {
                "name": None,
                "required_name": None,
                "count": "not a number",
                "tags": None,
                "part": None,
                "required_part": None,
            },
        ]

    @staticmethod
    def resolve_optional_items(root, info):
        return [{"name": "b", "required_name": "B", "count": 2}, None]


SCHEMA = graphene.Schema(query=Query).graphql_schema

QUERIES = [
    "{ items { name count doubled tags } }",
    "{ items { name doubled(factor: 5) } }",
    "query($f: Int) { items { doubled(factor: $f) } }",
    "{ items { requiredName } }",
    "{ optionalItems { name requiredName } }",
    "{ optionalItems { name failing } }",
    "{ optionalItems { failingRequired } }",
    "{ items { name count } optionalItems { count } }",
    "{ items { __typename name } }",
    "query($f: Int) { items { scaled(factor: $f) } }",
    "{ items { part { label } requiredPart { label requiredLabel } } }",
    "{ optionalItems { name part { label requiredLabel } } }",
    "{ items { name requiredPart { label } } }",
]


def _both(query: str, variables: dict | None = None):
    document = parse(query)
    ours = execute(
        SCHEMA,
        document,
        variable_values=variables,
        is_awaitable=never_awaitable,
        execution_context_class=ApiExecutionContext,
    )
    theirs = execute(SCHEMA, document, variable_values=variables)
    return ours, theirs


def test_every_case_answers_as_graphql_core_does():
    for query in QUERIES:
        ours, theirs = _both(query, {"f": 3})

        assert ours.data == theirs.data, query
        assert [error.formatted for error in ours.errors or []] == [
            error.formatted for error in theirs.errors or []
        ], query


def test_the_cases_hold_values_nulls_and_errors():
    ours, _theirs = _both("{ items { name count doubled(factor: 5) } optionalItems { failing } }")

    assert ours.data == {
        "items": [
            {"name": "a", "count": 1, "doubled": 5},
            {"name": None, "count": None, "doubled": None},
        ],
        "optionalItems": [{"failing": None}, None],
    }
    assert [(error.message, error.path) for error in ours.errors] == [
        ("Int cannot represent non-integer value: 'not a number'", ["items", 1, "count"]),
        (
            "Int cannot represent non-integer value: '" + "not a number" * 5 + "'",
            ["items", 1, "doubled"],
        ),
        ("cannot read b", ["optionalItems", 0, "failing"]),
    ]


def test_an_argument_its_variable_leaves_out_is_an_error_of_the_field():
    ours, _theirs = _both("query($f: Int) { optionalItems { scaled(factor: $f) } }")

    assert ours.data == {"optionalItems": [{"scaled": None}, None]}
    assert [(error.message, error.path) for error in ours.errors] == [
        (
            "Argument 'factor' of required type 'Int!' was provided the variable '$f'"
            " which was not provided a runtime value.",
            ["optionalItems", 0, "scaled"],
        )
    ]
