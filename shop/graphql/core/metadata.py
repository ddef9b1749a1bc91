"""`updateMetadata`, `deleteMetadata` and their private twins: the object the ID names, written
through the metadata services, which check who asks. Refusals are typed errors in the payload.
Who may not write the object is answered first, exactly as for an ID that names nothing
(NOT_FOUND, "Nothing has this ID."), before the input is read: whether an object exists is
never told to someone who may not touch it."""

from collections.abc import Callable
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from catalogue.metadata.error_codes import MetadataErrorCode
from catalogue.metadata.models import ModelWithMetadata
from catalogue.metadata.services import (
    Requester,
    metadata_delete,
    metadata_update,
    metadata_write_require,
)
from catalogue.models import Category, Collection, Product, ProductImage, ProductVariant
from shop.accounts.models import Address, User
from shop.checkout.graphql.summary import summary_forget, summary_of
from shop.checkout.models import Checkout, CheckoutLine
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import type_and_key
from shop.graphql.core.mutations import mutation_errors
from shop.orders.models import Order, OrderLine

CODES = [member.value for member in MetadataErrorCode]
# The API's type names of the models that carry metadata, with the field their IDs hold.
TARGETS: dict[str, tuple[type[ModelWithMetadata], str]] = {
    "Checkout": (Checkout, "token"),
    "CheckoutLine": (CheckoutLine, "token"),
    "Order": (Order, "token"),
    "OrderLine": (OrderLine, "pk"),
    "User": (User, "pk"),
    "Address": (Address, "pk"),
    "Product": (Product, "pk"),
    "ProductVariant": (ProductVariant, "pk"),
    "ProductMedia": (ProductImage, "pk"),
    "Category": (Category, "pk"),
    "Collection": (Collection, "pk"),
}


def _id_error(message: str, code: MetadataErrorCode) -> ValidationError:
    return ValidationError({"id": ValidationError(message, code=code.value)})


def _key_value(field: str, key: str) -> object | None:
    if field == "token":
        try:
            return UUID(key)
        except ValueError:
            return None
    return int(key) if key.isascii() and key.isdigit() and len(key) < 19 else None


def metadata_target(*, global_id: str, user: Requester, private: bool) -> ModelWithMetadata:
    """The object with metadata that `global_id` names, whose public (or `private`) metadata
    `user` may write; ValidationError (GRAPHQL_ERROR for an ID of no such object type,
    NOT_FOUND for one naming nothing or an object `user` may not write)."""
    found = type_and_key(global_id)
    if found is None or found[0] not in TARGETS:
        raise _id_error(
            _("This ID does not name an object that carries metadata."),
            MetadataErrorCode.GRAPHQL_ERROR,
        )
    model, field = TARGETS[found[0]]
    value = _key_value(field, found[1])
    instance: Model | None = (
        model._default_manager.filter(**{field: value}).first() if value is not None else None
    )
    if instance is not None:
        try:
            metadata_write_require(user=user, instance=instance, private=private)
        except PermissionDenied:
            instance = None
    if instance is None:
        raise _id_error(_("Nothing has this ID."), MetadataErrorCode.NOT_FOUND)
    return instance


def _item(info, instance: ModelWithMetadata) -> object:
    """The written object as its API type reads it: a checkout line within its checkout's
    summary, read again."""
    if not isinstance(instance, CheckoutLine):
        return instance
    summary_forget(info, instance.checkout)
    lines = summary_of(info, instance.checkout).lines
    return next(line for line in lines if line.line.pk == instance.pk)


def metadata_resolver(*, private: bool, delete: bool) -> Callable:
    """The resolver of one of the four metadata mutations."""

    def resolve(root, info, id: str, input=None, keys=None) -> dict:
        user = info.context.user
        try:
            instance = metadata_target(global_id=id, user=user, private=private)
            if delete:
                metadata_delete(instance=instance, keys=keys, user=user, private=private)
            else:
                items = {item.key: item.value for item in input}
                metadata_update(instance=instance, items=items, user=user, private=private)
        except PermissionDenied as denied:  # the right was withdrawn since the check above
            raise api_error(str(denied), "PERMISSION_DENIED") from denied
        except ValidationError as failure:
            return {"errors": mutation_errors(failure, codes=CODES), "item": None}
        return {"errors": [], "item": _item(info, instance)}

    return resolve
