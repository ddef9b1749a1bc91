"""What one request may ask: a page of at most 100 items, a bounded depth and a bounded cost.

Over a limit the request gets a clear error (code QUERY_TOO_DEEP, QUERY_TOO_EXPENSIVE or
PAGE_SIZE_EXCEEDED) and nothing runs. The cost of a query is the number of fields it may
resolve: each field counts one, times the page size (`first` or `last`) of every connection
above it, so `products(first: 100) { edges { node { name } } }` costs about 300. The storefront's
own listing of 100 products, each with a page of 50 variants, costs about 100,000: the cap lets
it through with some room, and refuses the nesting of a third page.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.language import IntValueNode
from graphql.utilities import value_from_ast_untyped

from shop.graphql.core.errors import api_error

MAX_PAGE_SIZE = 100
MAX_DEPTH = 16
MAX_COST = 150_000
PAGE_ARGUMENTS = ("first", "last")


def page_size_check(*, first: int | None, last: int | None) -> None:
    """Refuse a page of more than MAX_PAGE_SIZE items, a negative one, or none asked for."""
    if first is None and last is None:
        raise api_error(
            _("Say how many items the page holds, with `first` or `last`."),
            "PAGE_SIZE_REQUIRED",
        )
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
            raise api_error(
                _("`%(argument)s` must be between 0 and %(limit)s; %(value)s was asked.")
                % {"argument": name, "limit": MAX_PAGE_SIZE, "value": value},
                "PAGE_SIZE_EXCEEDED",
            )


class _Walker:
    """Depth and cost of an operation, fragments followed (each at most once per path)."""

    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode], variables: Mapping):
        self.fragments = fragments
        self.variables = variables

    def _page_size(self, field: FieldNode) -> int:
        for argument in field.arguments or ():
            if argument.name.value not in PAGE_ARGUMENTS:
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                found = self.variables.get(value.name.value)
            elif isinstance(value, IntValueNode):
                found = int(value.value)
            else:
                found = None
            if isinstance(found, int) and found > 0:
                return min(found, MAX_PAGE_SIZE)
        return 1

    def measure(
        self, selection_set: SelectionSetNode | None, seen: frozenset = frozenset()
    ) -> tuple[int, int]:
        """(depth, cost) of a selection set."""
        depth, cost = 0, 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                inner_depth, inner_cost = self.measure(selection.selection_set, seen)
                depth = max(depth, inner_depth + 1)
                cost += 1 + self._page_size(selection) * inner_cost
            elif isinstance(selection, InlineFragmentNode):
                inner_depth, inner_cost = self.measure(selection.selection_set, seen)
                depth, cost = max(depth, inner_depth), cost + inner_cost
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:
                    inner_depth, inner_cost = self.measure(fragment.selection_set, seen | {name})
                    depth, cost = max(depth, inner_depth), cost + inner_cost
        return depth, cost


def limits_errors(
    document: DocumentNode, operation_name: str | None, variables: Mapping[str, Any] | None
) -> list[GraphQLError]:
    """Why the operation to run is over the limits (empty: within them). `variables` are the
    request's, else the variables' defaults, so a page size given as a variable counts."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    errors = []
    for node in document.definitions:
        if not isinstance(node, OperationDefinitionNode):
            continue
        if operation_name is not None and (node.name is None or node.name.value != operation_name):
            continue
        defaults = {
            definition.variable.name.value: value_from_ast_untyped(definition.default_value)
            for definition in node.variable_definitions or ()
            if definition.default_value is not None
        }
        walker = _Walker(fragments, {**defaults, **(variables or {})})
        depth, cost = walker.measure(node.selection_set)
        if depth > MAX_DEPTH:
            errors.append(
                api_error(
                    _("The query is %(depth)s levels deep; at most %(limit)s are allowed.")
                    % {"depth": depth, "limit": MAX_DEPTH},
                    "QUERY_TOO_DEEP",
                )
            )
        if cost > MAX_COST:
            errors.append(
                api_error(
                    _("The query costs %(cost)s; at most %(limit)s is allowed.")
                    % {"cost": cost, "limit": MAX_COST},
                    "QUERY_TOO_EXPENSIVE",
                )
            )
    return errors
