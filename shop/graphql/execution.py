"""How the API runs an operation: graphql-core's execution, with the work it does for every
field of every object done once per field of the operation.

A page of 100 products resolves about 5,000 fields, most of them the same few fields of the
operation applied to object after object. For each of them graphql-core looks up the field's
definition, coerces its arguments from the document and the variables, builds the resolver's
`info` and walks the field's type (non-null, list, scalar...) before serialising a scalar.
Within one execution the document and the variables do not change, so the definition and the
arguments are worked out once per field of the operation; a scalar read straight from its
object's attribute (graphene's default resolver) is serialised without the `info` and the path
it never reads, and an object read so goes straight to its own fields. Nulls, errors and every
other type go through graphql-core's own completion, so answers and errors are the same.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    ExecutionContext,
    FieldNode,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    Undefined,
    get_argument_values,
    get_nullable_type,
    is_leaf_type,
    located_error,
)
from graphql.execution.execute import get_field_def
from graphql.pyutils import Path


def never_awaitable(_value) -> bool:
    """Our resolvers are synchronous: no value needs the check for an awaitable, which
    graphql-core otherwise makes for every field resolved."""
    return False


@dataclass(frozen=True)
class FieldPlan:
    """What executing one field of the operation on any object needs, worked out once."""

    definition: GraphQLField
    resolve: Callable
    arguments: dict[str, Any]
    # (attribute, default) when the field reads its object's attribute (or key) and no more
    attribute: tuple[str, Any] | None
    # the scalar's or enum's serialiser, when the field's type is one (nullable or not)
    serialize: Callable[[Any], Any] | None
    # the field's object type (nullable or not), when its values are completed field by field
    object_type: GraphQLObjectType | None


def _serialized(plan: FieldPlan, source: Any) -> Any:
    """The attribute the plan reads, serialised; None when the field needs its whole execution
    (no value, an error), which then reads it again and says what is wrong."""
    name, default = plan.attribute
    try:
        value = (
            source.get(name, default)
            if isinstance(source, dict)
            else getattr(source, name, default)
        )
        if value is None or value is Undefined or isinstance(value, Exception):
            return None
        serialized = plan.serialize(value)
    except Exception:
        return None
    return None if serialized is Undefined else serialized


class ApiExecutionContext(ExecutionContext):
    """graphql-core's execution of a synchronous operation (no resolver returns an awaitable),
    each field planned once."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[int, int], FieldPlan | None] = {}

    def _plan(self, parent_type: GraphQLObjectType, field_node: FieldNode) -> FieldPlan | None:
        definition = get_field_def(self.schema, parent_type, field_node)
        if definition is None:
            return None
        resolve = definition.resolve or self.field_resolver
        is_attribute = (
            isinstance(resolve, partial)
            and resolve.func is dict_or_attr_resolver
            and len(resolve.args) == 2
            and not resolve.keywords
        )
        nullable = get_nullable_type(definition.type)
        return FieldPlan(
            definition=definition,
            resolve=resolve,
            arguments=get_argument_values(definition, field_node, self.variable_values),
            attribute=resolve.args if is_attribute else None,
            serialize=nullable.serialize if is_leaf_type(nullable) else None,
            object_type=nullable
            if isinstance(nullable, GraphQLObjectType) and nullable.is_type_of is None
            else None,
        )

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_nodes: list[FieldNode],
        path: Path,
    ) -> Any:
        key = (id(parent_type), id(field_nodes[0]))
        if key not in self._plans:
            try:
                self._plans[key] = self._plan(parent_type, field_nodes[0])
            except Exception:
                # Arguments the variables cannot fill: graphql-core reports it for the field.
                return super().execute_field(parent_type, source, field_nodes, path)
        plan = self._plans[key]
        if plan is None:
            return Undefined
        if self.middleware_manager:
            return super().execute_field(parent_type, source, field_nodes, path)
        return_type: GraphQLOutputType = plan.definition.type
        info = None
        try:
            if plan.attribute is not None:
                name, default = plan.attribute
                if isinstance(source, dict):
                    result = source.get(name, default)
                else:
                    result = getattr(source, name, default)
            else:
                info = self.build_resolve_info(plan.definition, field_nodes, parent_type, path)
                result = plan.resolve(source, info, **plan.arguments)
            has_value = not (result is None or result is Undefined or isinstance(result, Exception))
            if plan.serialize is not None and has_value:
                serialized = plan.serialize(result)
                if serialized is not None and serialized is not Undefined:
                    return serialized
            if plan.object_type is not None and has_value:
                # what completing the value does for an object, without the resolver's info
                fields = self.collect_subfields(plan.object_type, field_nodes)
                return self.execute_fields(plan.object_type, result, path, fields)
            if info is None:
                info = self.build_resolve_info(plan.definition, field_nodes, parent_type, path)
            return self.complete_value(return_type, field_nodes, info, path, result)
        except Exception as raw_error:
            error = located_error(raw_error, field_nodes, path.as_list())
            self.handle_field_error(error, return_type, path)
            return None

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        fields: dict[str, list[FieldNode]],
    ) -> dict[str, Any]:
        results = {}
        plans = self._plans
        for response_name, field_nodes in fields.items():
            plan = plans.get((id(parent_type), id(field_nodes[0])))
            if (
                plan is not None
                and plan.attribute is not None
                and plan.serialize is not None
                and not self.middleware_manager
            ):
                # a scalar read from its object: no path is made unless it goes wrong
                serialized = _serialized(plan, source_value)
                if serialized is not None:
                    results[response_name] = serialized
                    continue
            field_path = Path(path, response_name, parent_type.name)
            result = self.execute_field(parent_type, source_value, field_nodes, field_path)
            if result is not Undefined:
                results[response_name] = result
        return results

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_nodes: list[FieldNode],
        info: Any,
        path: Path,
        result: Any,
    ) -> Any:
        """An object (the items of lists, mostly) straight to its fields; every other case as
        graphql-core completes it."""
        if type(return_type) is GraphQLNonNull:
            completed = self.complete_value(return_type.of_type, field_nodes, info, path, result)
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type.name}.{info.field_name}."
                )
            return completed
        if (
            isinstance(return_type, GraphQLObjectType)
            and return_type.is_type_of is None
            and result is not None
            and result is not Undefined
            and not isinstance(result, Exception)
        ):
            fields = self.collect_subfields(return_type, field_nodes)
            return self.execute_fields(return_type, result, path, fields)
        return super().complete_value(return_type, field_nodes, info, path, result)
