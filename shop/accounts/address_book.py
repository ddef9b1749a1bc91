"""Every write of a shopper's address book: their addresses, checked by the same rule as the
checkout's, and the defaults for delivery and billing."""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.services import metadata_bounds_check
from shop.accounts.addresses import (
    ADDRESS_FIELDS,
    AddressData,
    AddressKind,
    address_clean,
    address_same,
    address_same_place,
)
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import Address, User
from shop.accounts.selectors import book_address_of


def address_book_access(*, actor: User | AnonymousUser, user_id: int | None) -> None:
    """Refuse (PermissionDenied) unless `actor` may change the address book of the account
    `user_id`: their own, or anyone's for the brand team. It needs no account, so a front
    checks it before looking one up, and a refusal tells nothing of whether it exists."""
    if not actor.is_active or (actor.pk != user_id and not actor.is_staff):
        raise PermissionDenied(_("You may not change this account's addresses."))


def _not_found(field: str) -> ValidationError:
    return ValidationError(
        {
            field: ValidationError(
                _("This address is not in the account's address book."),
                code=AccountErrorCode.NOT_FOUND.value,
            )
        }
    )


def _locked_book_address(user: User, address_id: int, field: str = "id") -> tuple[User, Address]:
    """The user, locked, and one address of their book; anyone else's is NOT_FOUND."""
    user = User.objects.select_for_update().get(pk=user.pk)
    address = book_address_of(user=user, address_id=address_id)
    if address is None:
        raise _not_found(field)
    return user, address


def _defaults_set(user: User, address: Address, kinds: list[AddressKind]) -> None:
    fields = [f"default_{kind.value}_address" for kind in kinds]
    for field in fields:
        setattr(user, field, address)
    if fields:
        user.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def address_book_add(
    *,
    actor: User | AnonymousUser,
    user: User,
    data: AddressData,
    default_for: Iterable[AddressKind] = (),
) -> Address:
    """Add an address to `user`'s book, the default of each kind in `default_for`.

    The user may change their own book, the brand team anyone's, else PermissionDenied.
    Raises ValidationError keyed by field (codes of AccountErrorCode) and saves nothing when
    the address fails the checkout's rule.
    """
    address_book_access(actor=actor, user_id=user.pk)
    address = Address.objects.create(**vars(address_clean(data)))
    user = User.objects.select_for_update().get(pk=user.pk)
    user.addresses.add(address)
    _defaults_set(user, address, list(default_for))
    return address


@transaction.atomic
def address_book_update(
    *,
    user: User,
    address_id: int,
    data: AddressData,
    fields: Collection[str] = ADDRESS_FIELDS,
    fields_in_place: Collection[str] | None = None,
) -> Address:
    """Change an address of `user`'s own book: the `fields` named (all by default) take
    `data`'s values and the others keep the ones the address holds under its lock, so that a
    change of other fields at the same moment is not lost; its public metadata gets
    `data.metadata`'s keys and keeps its others.

    With `fields_in_place` (the fields a page shows), only those change while `data` stays in
    the locked address's place (address_same_place), which keeps its district and region;
    `data` in another place changes `fields`. Decided under the lock, so that a district
    changed meanwhile is neither undone nor kept in a place it is not in.

    Raises ValidationError (NOT_FOUND on `id` for an address that is not in their book, be it
    someone else's or none; codes of AccountErrorCode per field, of MetadataErrorCode on
    `metadata`) and changes nothing.
    """
    _user, address = _locked_book_address(user, address_id)
    # Locked as updateMetadata locks it, so that neither loses the other's keys.
    address = Address.objects.select_for_update().get(pk=address.pk)
    if fields_in_place is not None and address_same_place(address, data):
        fields = fields_in_place
    changed = {name: getattr(data, name) for name in fields}
    cleaned = address_clean(replace(AddressData.of(address), **changed, metadata=data.metadata))
    metadata = {**address.metadata, **cleaned.metadata}
    metadata_bounds_check(metadata, "metadata")
    for name in ADDRESS_FIELDS:
        setattr(address, name, getattr(cleaned, name))
    address.metadata = metadata
    address.save()
    return address


@transaction.atomic
def address_book_delete(*, user: User, address_id: int) -> Address:
    """Remove an address from `user`'s own book (a default it was is unset) and return it,
    unsaved. Raises ValidationError (NOT_FOUND on `id`) for an address out of their book."""
    _user, address = _locked_book_address(user, address_id)
    pk = address.pk
    address.delete()
    address.pk = pk
    return address


@transaction.atomic
def user_default_address_set(
    *, actor: User | AnonymousUser, user: User, address_id: int, kind: AddressKind
) -> User:
    """Make an address of `user`'s address book their default shipping or billing address.

    The user may change their own book, the brand team anyone's: anyone else gets
    PermissionDenied. Raises ValidationError (code NOT_FOUND, field `address_id`) and changes
    nothing when the address is not in the user's book.
    """
    address_book_access(actor=actor, user_id=user.pk)
    user, address = _locked_book_address(user, address_id, field="address_id")
    _defaults_set(user, address, [kind])
    return user


@transaction.atomic
def address_book_keep_order_addresses(*, user: User, shipping: Address, billing: Address) -> None:
    """After `user` placed an order: its delivery and billing addresses join their book unless
    one with the same fields is there, which gets their metadata's keys instead, and become
    the defaults the user does not have yet."""
    user = User.objects.select_for_update().get(pk=user.pk)
    book = list(user.addresses.all())
    for kind, placed in ((AddressKind.SHIPPING, shipping), (AddressKind.BILLING, billing)):
        data = AddressData.of(placed)
        address = next((known for known in book if address_same(known, data)), None)
        if address is None:
            address = Address.objects.create(**vars(data))
            user.addresses.add(address)
            book.append(address)
        else:
            _metadata_merge(address, data.metadata)
        if getattr(user, f"default_{kind.value}_address_id") is None:
            _defaults_set(user, address, [kind])


def _metadata_merge(address: Address, metadata: Mapping[str, str]) -> None:
    """Set `metadata`'s keys on the book's `address` (locked as updateMetadata locks it, so
    that neither loses the other's keys); left as it was when they would take it over the
    bounds of an object's metadata, which must not stop an order being placed."""
    if not metadata.items() - address.metadata.items():
        return
    locked = Address.objects.select_for_update().get(pk=address.pk)
    merged = {**locked.metadata, **metadata}
    try:
        metadata_bounds_check(merged, "metadata")
    except ValidationError:
        return
    locked.metadata = address.metadata = merged
    locked.save(update_fields=["metadata"])
