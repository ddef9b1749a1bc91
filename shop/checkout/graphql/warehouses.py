"""Saleor's warehouses are, in our shop, the producers' pickup places: a `Warehouse` is where
shoppers collect their order from one producer (click and collect of its own products)."""

from collections.abc import Hashable
from dataclasses import dataclass

import graphene

from catalogue.graphql.dataloaders import SELLER
from catalogue.models import Seller
from producers.models import Producer
from shop.graphql.core.dataloaders import DataLoader
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.publisher import PostalAddress
from shop.shipping.countries import FRANCE
from shop.shipping.selectors import pickup_detail, pickup_producers


@dataclass(frozen=True)
class WarehouseValue:
    """Pickup at a producer: its seller, and where and when (`detail`)."""

    seller: Seller
    detail: str

    @property
    def id(self) -> str:
        return to_global_id("Warehouse", self.seller.pk)

    @property
    def name(self) -> str:
        return ": ".join(part for part in (self.seller.name, self.detail) if part)


class ProducerBySeller(DataLoader):
    """The producer behind a seller (none for the programme)."""

    kind = SELLER

    def batch_load(self, keys: list[Hashable]) -> dict:
        return {
            producer.seller_id: producer for producer in Producer.objects.filter(seller__in=keys)
        }


def pickup_warehouses(info) -> list[WarehouseValue]:
    """Every pickup place of the producers selling now (their producers known to the loader)."""
    producers = list(pickup_producers())
    loader = info.context.loaders.get(ProducerBySeller)
    loader.cache.update({producer.seller_id: producer for producer in producers})
    return [
        WarehouseValue(seller=producer.seller, detail=pickup_detail(producer))
        for producer in producers
    ]


def _producer(info, warehouse: WarehouseValue) -> Producer:
    return info.context.loaders.get(ProducerBySeller).load(warehouse.seller.pk)


class Warehouse(graphene.ObjectType):
    """A pickup place: collection at the producer's."""

    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field("shop.accounts.graphql.types.Address", required=True)
    click_and_collect_option = graphene.Field(
        "shop.checkout.graphql.enums.WarehouseClickAndCollectOptionEnum", required=True
    )

    @staticmethod
    def resolve_slug(root: WarehouseValue, info) -> str:
        return root.seller.slug

    @staticmethod
    def resolve_email(root: WarehouseValue, info) -> str:
        return _producer(info, root).email

    @staticmethod
    def resolve_is_private(root, info) -> bool:
        return False  # shoppers come to it

    @staticmethod
    def resolve_address(root: WarehouseValue, info) -> PostalAddress:
        producer = _producer(info, root)
        return PostalAddress(
            key=f"pickup-{root.seller.pk}",
            company_name=root.seller.name,
            street_address_1=producer.pickup_place,
            street_address_2="",
            postal_code=producer.postcode,
            city=producer.town,
            country=FRANCE,
            phone=producer.phone,
        )

    @staticmethod
    def resolve_click_and_collect_option(root, info) -> str:
        return "LOCAL"  # the producer hands over its own products only
