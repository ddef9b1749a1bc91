"""Mutation payloads' `errors { field message code }` from the services' ValidationErrors."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from graphene.utils.str_converters import to_camel_case


def error_type(name: str, code_enum: str, **extra_fields) -> type[graphene.ObjectType]:
    """A payload error type `{ field message code }` of one domain, as Saleor names them."""
    fields = {
        "field": graphene.String(),
        "message": graphene.String(),
        "code": graphene.Field(code_enum, required=True),
        **extra_fields,
    }
    return type(name, (graphene.ObjectType,), fields)


@dataclass(frozen=True)
class ErrorValue:
    field: str | None
    message: str
    code: str


def _messages(error: ValidationError) -> Iterable[tuple[str, str | None]]:
    for item in error.error_list:
        message = item.message % item.params if item.params else item.message
        yield str(message), item.code


def mutation_errors(
    error: ValidationError,
    *,
    codes: Iterable[str],
    fields: Mapping[str, str | None] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[ErrorValue]:
    """One error per message, its field in the API's camelCase (or as `fields` names it), its
    code one of `codes` ("INVALID" for a code the API does not know), a domain's own code
    given the API's name for it in `aliases`."""
    known = {str(code) for code in codes}
    fields = fields or {}
    aliases = aliases or {}
    by_field = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: [error]}
    found = []
    for name, errors in by_field.items():
        api_field = fields.get(name, None if name == NON_FIELD_ERRORS else to_camel_case(name))
        for item in errors:
            for message, code in _messages(
                item if isinstance(item, ValidationError) else ValidationError(item)
            ):
                code = str(code).upper() if code else "INVALID"
                code = aliases.get(code, code)
                found.append(ErrorValue(api_field, message, code if code in known else "INVALID"))
    return found


def error(field: str | None, message: str, code: str) -> list[ErrorValue]:
    """A payload's single error."""
    return [ErrorValue(field, str(message), code)]


def unavailable_resolver(
    field: str | None = None,
    *,
    message: Promise | None = None,
    code: str = "INVALID",
    **answer,
) -> Callable:
    """A resolver for a mutation of the contract the shop does not offer (yet): a typed error
    (`message`, in the request's language, and `code`) in the payload rather than a null
    payload clients may not expect, beside the payload's required fields' `answer`."""

    def resolve(root, info, **_arguments) -> dict:
        text = message if message is not None else _("This is not available in this shop.")
        return {"errors": error(field, str(text), code), **answer}

    return resolve
