"""The address book's mutations: a signed-in shopper's own addresses, through the same
services as the shop's "My addresses" page."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from shop.accounts.address_book import (
    address_book_access,
    address_book_add,
    address_book_delete,
    address_book_update,
    user_default_address_set,
)
from shop.accounts.addresses import AddressKind
from shop.accounts.graphql.enums import ACCOUNT_CODES
from shop.accounts.graphql.inputs import address_data, address_fields_given
from shop.accounts.models import User
from shop.accounts.selectors import address_defaults_mark
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.mutations import error, mutation_errors

# Our services name an address's first street line street_address_1, Saleor street_address1.
ADDRESS_FIELDS = {"street_address_1": "streetAddress1", "street_address_2": "streetAddress2"}


def signed_in(info) -> User:
    """The signed-in user, else a PERMISSION_DENIED request error."""
    user = info.context.signed_in_user
    if user is None:
        raise api_error(_("Sign in to change your account."), "PERMISSION_DENIED")
    return user


def refused(failure: ValidationError, **fields: str) -> dict:
    """A payload holding the service's refusal as typed errors."""
    return {"errors": mutation_errors(failure, codes=ACCOUNT_CODES, fields=ADDRESS_FIELDS | fields)}


def _other_account(info, global_id: str) -> User | None:
    """The account `global_id` names, None when none has this ID. A requester who may not
    change its address book gets a PERMISSION_DENIED request error first, whether it exists
    or not."""
    user_id = pk_from_global_id(global_id, "User")
    try:
        address_book_access(actor=info.context.user, user_id=user_id)
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    return User.objects.filter(pk=user_id).first()


def _kind(type) -> AddressKind:
    return AddressKind(getattr(type, "value", type).lower())


def account_address_create(root, info, input, type=None, customer_id=None) -> dict:
    """Add an address to the signed-in shopper's book (the brand team's: to `customerId`'s),
    the default of `type` when one is given."""
    actor = user = signed_in(info)
    if customer_id is not None:
        user = _other_account(info, customer_id)
        if user is None:
            return {"errors": error("customerId", _("No account has this ID."), "NOT_FOUND")}
    try:
        address = address_book_add(
            actor=actor,
            user=user,
            data=address_data(input),
            default_for=[_kind(type)] if type else [],
        )
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    except ValidationError as failure:
        return refused(failure)
    user.refresh_from_db()
    address_defaults_mark(user=user, book=[address])
    return {"address": address, "user": user, "errors": []}


def account_address_update(root, info, id: str, input) -> dict:
    """Change an address of the signed-in shopper's book; the fields left out keep their
    values."""
    user = signed_in(info)
    try:
        address = address_book_update(
            user=user,
            address_id=pk_from_global_id(id, "Address") or 0,
            data=address_data(input),
            fields=address_fields_given(input),
        )
    except ValidationError as failure:
        return refused(failure)
    address_defaults_mark(user=user, book=[address])
    return {"address": address, "user": user, "errors": []}


def account_address_delete(root, info, id: str) -> dict:
    """Remove an address from the signed-in shopper's book."""
    user = signed_in(info)
    try:
        address = address_book_delete(user=user, address_id=pk_from_global_id(id, "Address") or 0)
    except ValidationError as failure:
        return refused(failure)
    user.refresh_from_db()
    return {"address": address, "user": user, "errors": []}


def _default_address_set(info, *, user: User | None, address_id: str, type, field: str) -> dict:
    """Set one of the user's defaults through the accounts' services; refused input is a typed
    error, a requester who may not change the account a PERMISSION_DENIED request error."""
    if user is None:
        return {"errors": error("userId", _("No account has this ID."), "NOT_FOUND")}
    try:
        user = user_default_address_set(
            actor=info.context.user,
            user=user,
            address_id=pk_from_global_id(address_id, "Address") or 0,
            kind=_kind(type),
        )
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    except ValidationError as failure:
        return refused(failure, address_id=field)
    return {"user": user, "errors": []}


def address_set_default(root, info, address_id: str, type, user_id: str) -> dict:
    """Saleor's addressSetDefault: a default address of any account (the brand team's)."""
    user = _other_account(info, user_id)
    return _default_address_set(
        info, user=user, address_id=address_id, type=type, field="addressId"
    )


def account_set_default_address(root, info, id: str, type) -> dict:
    """A signed-in shopper's own default address."""
    user = info.context.signed_in_user
    if user is None:
        raise api_error(_("Sign in to change your addresses."), "PERMISSION_DENIED")
    return _default_address_set(info, user=user, address_id=id, type=type, field="id")
