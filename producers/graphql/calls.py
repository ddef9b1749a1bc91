"""How the producers API calls a service: who asks, and the service's refusals turned into the
payload's typed errors (never a 500)."""

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from producers.graphql.enums import PRODUCER_CODES
from shop.accounts.models import User
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.mutations import ErrorValue, error, mutation_errors


class NotFound(Exception):
    """An ID that names nothing of its type: the payload says which argument."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def signed_in(info) -> User:
    """The signed-in user, or PermissionDenied for an anonymous call."""
    user = info.context.signed_in_user
    if user is None:
        raise PermissionDenied(_("Sign in first."))
    return user


def object_of(
    queryset: QuerySet, global_id: str, type_name: str, *, field: str, key: str = "pk"
) -> Model:
    """The row of `queryset` whose `key` is in `global_id`, or NotFound naming `field`."""
    pk = pk_from_global_id(global_id, type_name)
    found = queryset.filter(**{key: pk}).first() if pk is not None else None
    if found is None:
        raise NotFound(field)
    return found


def service_call(
    call: Callable[[], Any], *, fields: Mapping[str, str | None] | None = None
) -> tuple[Any, list[ErrorValue]]:
    """`call()`'s result and no errors, or None and the typed errors of its refusal."""
    try:
        return call(), []
    except NotFound as missing:
        return None, error(missing.field, _("Nothing has this ID."), "NOT_FOUND")
    except PermissionDenied as denied:
        return None, error(None, str(denied), "PERMISSION_DENIED")
    except ValidationError as failure:
        return None, mutation_errors(failure, codes=PRODUCER_CODES, fields=fields)
