"""The accounts' relations, batched per request (see shop.graphql.core.dataloaders)."""

from collections.abc import Hashable

from shop.accounts.models import User
from shop.checkout.models import Checkout
from shop.graphql.core.dataloaders import DataLoader

USER = "user"


class AddressBookByUser(DataLoader):
    """The addresses of a user's address book, in the order they were added."""

    kind, default = USER, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        rows = (
            User.addresses.through.objects.filter(user_id__in=keys)
            .select_related("address")
            .order_by("user_id", "id")
        )
        found: dict[Hashable, list] = {}
        for row in rows:
            found.setdefault(row.user_id, []).append(row.address)
        return found


class CheckoutsByUser(DataLoader):
    """A signed-in shopper's checkouts (the shop keeps one per account)."""

    kind, default = USER, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        found: dict[Hashable, list] = {}
        for checkout in Checkout.objects.filter(user_id__in=keys).order_by("created_at", "id"):
            found.setdefault(checkout.user_id, []).append(checkout)
        return found
