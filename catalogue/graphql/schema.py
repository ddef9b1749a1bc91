"""The catalogue's queries: products, variants, categories, collections, producers, signs."""

import graphene
from django.db.models import QuerySet

from catalogue.graphql.categories import (
    Category,
    CategoryCountableConnection,
    Collection,
    CollectionCountableConnection,
)
from catalogue.graphql.dataloaders import PRODUCT, SELLER, CategoryTree
from catalogue.graphql.filters import products_page
from catalogue.graphql.products import Product, ProductCountableConnection
from catalogue.graphql.sellers import Producer, ProducerCountableConnection, QualitySign
from catalogue.graphql.variants import page_arguments
from catalogue.models import Collection as CollectionModel
from catalogue.models import ProductVariant as VariantModel
from catalogue.models import QualitySign as QualitySignModel
from catalogue.models import Seller
from catalogue.search import sellers_search
from catalogue.selectors import products_for_sale
from shop.graphql.core.channel import channel_check
from shop.graphql.core.connections import connection_page
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.metadata_filters import metadata_filters_of, metadata_narrow

LANGUAGE_CODE = graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum")


def _by_id_or_slug(queryset: QuerySet, type_name: str, id: str | None, slug: str | None):
    if id is not None:
        pk = pk_from_global_id(id, type_name)
        return queryset.filter(pk=pk).first() if pk is not None else None
    if slug is not None:
        return queryset.filter(slug=slug).first()
    return None


def _names_matching(items: list, search: str | None) -> list:
    if not search:
        return items
    needle = search.casefold()
    return [item for item in items if needle in item.translated("name").casefold()]


class CatalogueQueries(graphene.ObjectType):
    products = graphene.Field(
        ProductCountableConnection,
        filter=graphene.Argument("catalogue.graphql.inputs.ProductFilterInput"),
        where=graphene.Argument("catalogue.graphql.inputs.ProductWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductOrder"),
        search=graphene.String(),
        channel=graphene.String(),
        **page_arguments(),
    )
    product = graphene.Field(
        Product,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=LANGUAGE_CODE,
        external_reference=graphene.String(),
        channel=graphene.String(),
    )
    product_variant = graphene.Field(
        "catalogue.graphql.variants.ProductVariant",
        id=graphene.ID(),
        sku=graphene.String(),
        external_reference=graphene.String(),
        channel=graphene.String(),
    )
    categories = graphene.Field(
        CategoryCountableConnection,
        filter=graphene.Argument("catalogue.graphql.inputs.CategoryFilterInput"),
        where=graphene.Argument("catalogue.graphql.inputs.CategoryWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.CategorySortingInput"),
        level=graphene.Int(),
        **page_arguments(),
    )
    category = graphene.Field(
        Category, id=graphene.ID(), slug=graphene.String(), slug_language_code=LANGUAGE_CODE
    )
    collections = graphene.Field(
        CollectionCountableConnection,
        filter=graphene.Argument("catalogue.graphql.inputs.CollectionFilterInput"),
        where=graphene.Argument("catalogue.graphql.inputs.CollectionWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.CollectionSortingInput"),
        channel=graphene.String(),
        **page_arguments(),
    )
    collection = graphene.Field(
        Collection,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=LANGUAGE_CODE,
        channel=graphene.String(),
    )
    producers = graphene.Field(
        ProducerCountableConnection,
        search=graphene.String(),
        description="Producers selling in the shop, by name; `search` looks in names and towns.",
        **page_arguments(),
    )
    producer = graphene.Field(Producer, id=graphene.ID(), slug=graphene.String())
    quality_signs = graphene.List(
        graphene.NonNull(QualitySign),
        required=True,
        description="Every quality sign and title a product or producer can hold.",
    )

    @staticmethod
    def resolve_products(root, info, **arguments):
        return products_page(info, **arguments)

    @staticmethod
    def resolve_product(root, info, id=None, slug=None, channel=None, **_unused):
        channel_check(channel)
        products = products_for_sale().select_related("seller", "category", "product_type")
        product = _by_id_or_slug(products, "Product", id, slug)
        if product is not None:
            info.context.loaders.announce(PRODUCT, [product.pk])
            info.context.loaders.announce(SELLER, [product.seller_id])
        return product

    @staticmethod
    def resolve_product_variant(root, info, id=None, sku=None, channel=None, **_unused):
        channel_check(channel)
        variants = VariantModel.objects.filter(product__in=products_for_sale()).select_related(
            "product__seller", "product__category", "product__product_type"
        )
        if id is not None:
            pk = pk_from_global_id(id, "ProductVariant")
            return variants.filter(pk=pk).first() if pk is not None else None
        return variants.filter(sku=sku).first() if sku is not None else None

    @staticmethod
    def resolve_categories(root, info, filter=None, where=None, sort_by=None, level=None, **page):
        tree = info.context.loaders.get(CategoryTree)
        categories = tree.categories()
        if level is not None:
            categories = [item for item in categories if tree.level(item) == level]
        if filter:
            if filter.get("slugs"):
                categories = [item for item in categories if item.slug in filter["slugs"]]
            if filter.get("ids"):
                wanted = {pk_from_global_id(value, "Category") for value in filter["ids"]}
                categories = [item for item in categories if item.pk in wanted]
            categories = _names_matching(categories, filter.get("search"))
        categories = metadata_narrow(categories, metadata_filters_of(filter, where))
        return connection_page(categories, **page)

    @staticmethod
    def resolve_category(root, info, id=None, slug=None, **_unused):
        by_id = info.context.loaders.get(CategoryTree).by_id()
        if id is not None:
            return by_id.get(pk_from_global_id(id, "Category"))
        return next((item for item in by_id.values() if item.slug == slug), None)

    @staticmethod
    def resolve_collections(
        root, info, filter=None, where=None, sort_by=None, channel=None, **page
    ):
        channel_check(channel)
        collections = metadata_narrow(
            CollectionModel.objects.filter(is_published=True), metadata_filters_of(filter, where)
        )
        collections = list(collections.order_by("name"))
        if filter:
            if filter.get("slugs"):
                collections = [item for item in collections if item.slug in filter["slugs"]]
            collections = _names_matching(collections, filter.get("search"))
        return connection_page(collections, **page)

    @staticmethod
    def resolve_collection(root, info, id=None, slug=None, channel=None, **_unused):
        channel_check(channel)
        return _by_id_or_slug(
            CollectionModel.objects.filter(is_published=True), "Collection", id, slug
        )

    @staticmethod
    def resolve_producers(root, info, search=None, **page):
        if search:
            sellers = sellers_search(query=search)
        else:
            sellers = Seller.objects.filter(is_selling=True).order_by("name", "id")
        result = connection_page(sellers, **page)
        info.context.loaders.announce(SELLER, (seller.pk for seller in result.nodes))
        return result

    @staticmethod
    def resolve_producer(root, info, id=None, slug=None):
        seller = _by_id_or_slug(Seller.objects.filter(is_selling=True), "Producer", id, slug)
        if seller is not None:
            info.context.loaders.announce(SELLER, [seller.pk])
        return seller

    @staticmethod
    def resolve_quality_signs(root, info) -> list:
        return list(QualitySignModel.objects.order_by("position", "name"))
