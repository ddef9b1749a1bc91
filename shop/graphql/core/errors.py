"""Request-level errors of the API (the `errors` beside `data`), each with a code."""

from graphql import GraphQLError


def api_error(message: str, code: str = "GRAPHQL_ERROR") -> GraphQLError:
    """A top-level error whose code clients read from `extensions.exception.code`."""
    return GraphQLError(message, extensions={"exception": {"code": code}})
