"""Categories (a tree) and published collections, with their products for sale."""

import graphene

from catalogue.graphql.dataloaders import CategoryTree
from catalogue.graphql.described import (
    DescribedPage,
    DescribedTranslation,
    described_translation,
)
from catalogue.graphql.filters import products_page
from catalogue.graphql.variants import LANGUAGE_ARGUMENT, image_arguments, page_arguments
from catalogue.models import Category as CategoryModel
from catalogue.selectors import category_path, products_of_collection
from shop.graphql.core.channel import CHANNEL_SLUG
from shop.graphql.core.connections import connection_page, countable_connection
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata


def product_list_arguments() -> dict:
    return {
        "filter": graphene.Argument(
            "catalogue.graphql.inputs.ProductFilterInput", deprecation_reason=DEPRECATED
        ),
        "where": graphene.Argument("catalogue.graphql.inputs.ProductWhereInput"),
        "sort_by": graphene.Argument("catalogue.graphql.inputs.ProductOrder"),
        "search": graphene.String(),
        "channel": graphene.String(),
        **page_arguments(),
    }


class NamedContent(DescribedPage):
    """The fields categories and collections share."""

    class Meta:
        abstract = True

    background_image = graphene.Field("shop.graphql.core.types.Image", **image_arguments())

    @staticmethod
    def resolve_background_image(root, info, size=None, format=None) -> None:
        return None  # categories and collections have no picture of their own


class CategoryTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class Category(NamedContent):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    updated_at = graphene.DateTime(required=True)
    ancestors = graphene.Field(lambda: CategoryCountableConnection, **page_arguments())
    children = graphene.Field(lambda: CategoryCountableConnection, **page_arguments())
    products = graphene.Field(
        "catalogue.graphql.products.ProductCountableConnection", **product_list_arguments()
    )
    translation = graphene.Field(lambda: CategoryTranslation, language_code=LANGUAGE_ARGUMENT)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Category", root.pk)

    @staticmethod
    def resolve_parent(root, info) -> CategoryModel | None:
        return info.context.loaders.get(CategoryTree).by_id().get(root.parent_id)

    @staticmethod
    def resolve_level(root, info) -> int:
        return info.context.loaders.get(CategoryTree).level(root)

    @staticmethod
    def resolve_ancestors(root, info, **page):
        tree = info.context.loaders.get(CategoryTree).categories()
        return connection_page(category_path(categories=tree, category=root)[:-1], **page)

    @staticmethod
    def resolve_children(root, info, **page):
        tree = info.context.loaders.get(CategoryTree).categories()
        return connection_page([item for item in tree if item.parent_id == root.pk], **page)

    @staticmethod
    def resolve_products(root, info, **arguments):
        filter_ = dict(arguments.pop("filter", None) or {})
        filter_["categories"] = [to_global_id("Category", root.pk)]
        return products_page(info, filter=filter_, **arguments)

    @staticmethod
    def resolve_translation(root, info, language_code) -> DescribedTranslation | None:
        return described_translation(root, language_code)


CategoryCountableConnection = countable_connection(Category, "Category")


class CollectionTranslation(CategoryTranslation):
    """A collection's texts in another language."""


class Collection(NamedContent):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    channel = graphene.String()
    products = graphene.Field(
        "catalogue.graphql.products.ProductCountableConnection", **product_list_arguments()
    )
    translation = graphene.Field(lambda: CollectionTranslation, language_code=LANGUAGE_ARGUMENT)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Collection", root.pk)

    @staticmethod
    def resolve_channel(root, info) -> str:
        return CHANNEL_SLUG

    @staticmethod
    def resolve_products(root, info, **arguments):
        return products_page(info, products=products_of_collection(collection=root), **arguments)

    @staticmethod
    def resolve_translation(root, info, language_code) -> DescribedTranslation | None:
        return described_translation(root, language_code)


CollectionCountableConnection = countable_connection(Collection, "Collection")
