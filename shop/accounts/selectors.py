"""Reads of the shoppers' accounts that the pages and the API share."""

from shop.accounts.addresses import ID_LIMIT, AddressKind
from shop.accounts.models import Address, User

DEFAULT_MARKS = {kind: f"is_default_{kind.value}_address" for kind in AddressKind}


def address_defaults_mark(*, user: User, book: list[Address]) -> list[Address]:
    """`book`, each address marked `is_default_shipping_address` and
    `is_default_billing_address` when it is one of `user`'s defaults."""
    for address in book:
        for kind, mark in DEFAULT_MARKS.items():
            setattr(address, mark, address.pk == getattr(user, f"default_{kind.value}_address_id"))
    return book


def address_book_of(*, user: User) -> list[Address]:
    """`user`'s addresses in the order they were added, their defaults marked."""
    rows = User.addresses.through.objects.filter(user_id=user.pk).select_related("address")
    return address_defaults_mark(user=user, book=[row.address for row in rows.order_by("id")])


def book_address_of(*, user: User, address_id: int) -> Address | None:
    """An address of `user`'s own book, else None (someone else's as well as a missing one)."""
    if not 0 < address_id < ID_LIMIT:
        return None
    return user.addresses.filter(pk=address_id).first()
