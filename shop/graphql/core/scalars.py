"""Scalars of the API beyond graphene's own."""

from decimal import Decimal, InvalidOperation

import graphene
from django.core.files.uploadedfile import UploadedFile
from graphene.types.generic import GenericScalar
from graphql import GraphQLError
from graphql.language import ast


class JSON(GenericScalar):
    """Any JSON value: objects, lists, strings, numbers, booleans, null."""


class PositiveDecimal(graphene.Scalar):
    """A decimal number greater than or equal to zero."""

    @staticmethod
    def serialize(value: Decimal) -> str:
        return str(value)

    @staticmethod
    def parse_value(value) -> Decimal:
        try:
            number = Decimal(str(value))
        except InvalidOperation as error:
            raise GraphQLError(f"Not a decimal number: {value!r}.") from error
        if not number.is_finite() or number < 0:
            raise GraphQLError(f"Not a positive decimal number: {value!r}.")
        return number

    @classmethod
    def parse_literal(cls, node, _variables=None) -> Decimal:
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return cls.parse_value(node.value)
        raise GraphQLError("A positive decimal number is expected.")


class PositiveInt(graphene.Scalar):
    """An integer greater than or equal to zero."""

    @staticmethod
    def serialize(value: int) -> int:
        return int(value)

    @staticmethod
    def parse_value(value) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GraphQLError(f"Not a positive integer: {value!r}.")
        return value

    @classmethod
    def parse_literal(cls, node, _variables=None) -> int:
        if isinstance(node, ast.IntValueNode):
            return cls.parse_value(int(node.value))
        raise GraphQLError("A positive integer is expected.")


class Metadata(graphene.Scalar):
    """Metadata as one object: string keys to string values (an answer only, never an input)."""

    @staticmethod
    def serialize(value: dict[str, str]) -> dict[str, str]:
        return dict(value)


class Upload(graphene.Scalar):
    """A file sent beside the operation in a multipart request (the GraphQL multipart request
    spec): the variable is null in `operations` and named in `map`."""

    @staticmethod
    def serialize(value) -> None:
        return None  # files go in, never out

    @staticmethod
    def parse_value(value) -> UploadedFile:
        if not isinstance(value, UploadedFile):
            raise GraphQLError("Send the file in a multipart request whose map names it.")
        return value

    @staticmethod
    def parse_literal(node, _variables=None) -> UploadedFile:
        raise GraphQLError("A file cannot be written in the query: send it as a variable.")


class Minute(PositiveInt):
    """A number of minutes, zero or more."""
