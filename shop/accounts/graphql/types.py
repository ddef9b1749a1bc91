from functools import reduce
from operator import or_

import graphene
from django.db.models import Prefetch, QuerySet

from shop.accounts.addresses import AddressKind
from shop.accounts.graphql.dataloaders import AddressBookByUser, CheckoutsByUser
from shop.accounts.selectors import DEFAULT_MARKS, address_defaults_mark
from shop.graphql.core.channel import channel_check
from shop.graphql.core.connections import connection_page
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.metadata_filters import metadata_narrow
from shop.graphql.core.places import country_display
from shop.orders.models import FulfilmentGroup, Order
from shop.orders.selectors import orders_of
from shop.payments.graphql.transactions import ORDER
from shop.publisher import PostalAddress


def _metadata_where(orders: QuerySet[Order], metadata) -> QuerySet[Order]:
    """`orders` narrowed by a `where`'s MetadataFilterInput: those holding its key, with the
    value `eq` names or one of those `oneOf` lists when it gives one."""
    if not metadata:
        return orders
    key, value = metadata["key"], metadata.get("value") or {}
    if value.get("one_of") is None:
        return metadata_narrow(orders, [{"key": key, "value": value.get("eq")}])
    held = [metadata_narrow(orders, [{"key": key, "value": one}]) for one in value["one_of"]]
    return reduce(or_, held, orders.none())


class Address(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True)
    street_address_2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field("shop.graphql.core.types.CountryDisplay", required=True)
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean()
    is_default_billing_address = graphene.Boolean()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Address", root.key if isinstance(root, PostalAddress) else root.pk)

    @staticmethod
    def resolve_country(root, info) -> dict:
        return country_display(root.country)

    @staticmethod
    def resolve_is_default_shipping_address(root, info) -> bool:
        return getattr(root, DEFAULT_MARKS[AddressKind.SHIPPING], False)

    @staticmethod
    def resolve_is_default_billing_address(root, info) -> bool:
        return getattr(root, DEFAULT_MARKS[AddressKind.BILLING], False)


def _address_book(info, user) -> list:
    """The user's address book, each address marked when it is one of the user's defaults."""
    book = info.context.loaders.get(AddressBookByUser).load(user.pk)
    return address_defaults_mark(user=user, book=book)


def _book_default(info, user, kind: AddressKind):
    wanted = getattr(user, f"default_{kind.value}_address_id")
    return next((address for address in _address_book(info, user) if address.pk == wanted), None)


class User(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)
    is_active = graphene.Boolean(required=True)
    is_confirmed = graphene.Boolean(required=True)
    addresses = graphene.List(graphene.NonNull(lambda: Address), required=True)
    checkout_ids = graphene.List(graphene.NonNull(graphene.ID), channel=graphene.String())
    checkouts = graphene.Field(
        "shop.checkout.graphql.types.CheckoutCountableConnection",
        channel=graphene.String(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    orders = graphene.Field(
        "shop.orders.graphql.types.OrderCountableConnection",
        where=graphene.Argument("shop.orders.graphql.inputs.CustomerOrderWhereInput"),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    user_permissions = graphene.List(graphene.NonNull("shop.graphql.core.types.UserPermission"))
    avatar = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    language_code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    default_shipping_address = graphene.Field(lambda: Address)
    default_billing_address = graphene.Field(lambda: Address)
    last_login = graphene.DateTime()
    date_joined = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("User", root.pk)

    @staticmethod
    def resolve_is_confirmed(root, info) -> bool:
        return True  # accounts open at once; there is no confirmation email

    @staticmethod
    def resolve_addresses(root, info) -> list:
        return _address_book(info, root)

    @staticmethod
    def resolve_default_shipping_address(root, info):
        return _book_default(info, root, AddressKind.SHIPPING)

    @staticmethod
    def resolve_default_billing_address(root, info):
        return _book_default(info, root, AddressKind.BILLING)

    @staticmethod
    def resolve_checkout_ids(root, info, channel=None) -> list[str]:
        channel_check(channel)
        checkouts = info.context.loaders.get(CheckoutsByUser).load(root.pk)
        return [to_global_id("Checkout", checkout.token) for checkout in checkouts]

    @staticmethod
    def resolve_checkouts(root, info, channel=None, **page):
        channel_check(channel)
        return connection_page(info.context.loaders.get(CheckoutsByUser).load(root.pk), **page)

    @staticmethod
    def resolve_orders(root, info, where=None, **page):
        orders = _metadata_where(orders_of(user=root), (where or {}).get("metadata"))
        orders = orders.select_related("shipping_address", "billing_address")
        groups = FulfilmentGroup.objects.select_related("seller").prefetch_related("lines")
        result = connection_page(orders.prefetch_related(Prefetch("groups", groups)), **page)
        info.context.loaders.announce(ORDER, (order.pk for order in result.nodes))
        return result

    @staticmethod
    def resolve_user_permissions(root, info) -> list:
        return []

    @staticmethod
    def resolve_avatar(root, info, size=None, format=None) -> None:
        return None

    @staticmethod
    def resolve_language_code(root, info) -> str:
        return root.language_code.upper()
