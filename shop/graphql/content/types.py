from datetime import datetime

import graphene
from django.utils import translation

from shop.graphql.content.pages import (
    LEGAL_TEXTS_PUBLISHED,
    PAGE_TYPE,
    has_own_text,
    legal_content,
)
from shop.graphql.core.connections import countable_connection
from shop.graphql.core.ids import from_global_id, to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.translations import language_of, translated_fields, translation_id


class AddressValidationData(graphene.ObjectType):
    address_format = graphene.String(required=True)
    allowed_fields = graphene.Field(graphene.List(graphene.NonNull(graphene.String)), required=True)
    required_fields = graphene.Field(
        graphene.List(graphene.NonNull(graphene.String)), required=True
    )
    country_area_type = graphene.String(required=True)
    country_area_choices = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ChoiceValue)), required=True
    )
    city_type = graphene.String(required=True)
    postal_code_type = graphene.String(required=True)


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String()
    verbose = graphene.String()


class Menu(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    items = graphene.Field(graphene.List(graphene.NonNull(lambda: MenuItem)))


class MenuItem(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    category = graphene.Field("catalogue.graphql.categories.Category")
    collection = graphene.Field("catalogue.graphql.categories.Collection")
    page = graphene.Field(lambda: Page)
    level = graphene.Int(required=True)
    children = graphene.Field(graphene.List(graphene.NonNull(lambda: MenuItem)))
    url = graphene.String()
    translation = graphene.Field(
        lambda: MenuItemTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        fields = translated_fields(root.translatable, language_code)
        if fields is None:
            return None
        key = from_global_id(root.id, "MenuItem")
        return {"id": translation_id("MenuItem", key, language_code), "name": fields["name"]}


class MenuItemTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)


class Page(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    assigned_attributes = graphene.Field(
        graphene.List(graphene.NonNull("catalogue.graphql.assigned.AssignedAttribute")),
        required=True,
    )
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String(required=True)
    content = graphene.JSONString()
    is_published = graphene.Boolean(required=True)
    slug = graphene.String(required=True)
    page_type = graphene.Field(lambda: PageType, required=True)
    created = graphene.DateTime(required=True)
    translation = graphene.Field(
        lambda: PageTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )

    @staticmethod
    def resolve_assigned_attributes(root, info) -> list:
        return []

    @staticmethod
    def resolve_title(root, info) -> str:
        return str(root.title)

    @staticmethod
    def resolve_seo_title(root, info) -> str:
        return str(root.title)

    @staticmethod
    def resolve_seo_description(root, info) -> str:
        return ""

    @staticmethod
    def resolve_content(root, info) -> dict:
        return legal_content(root)

    @staticmethod
    def resolve_is_published(root, info) -> bool:
        return True

    @staticmethod
    def resolve_page_type(root, info) -> dict:
        return {"id": to_global_id("PageType", PAGE_TYPE), "slug": PAGE_TYPE}

    @staticmethod
    def resolve_created(root, info) -> datetime:
        return LEGAL_TEXTS_PUBLISHED

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        if not has_own_text(language_code):
            return None
        with translation.override(language_of(language_code)):
            title = str(root.title)
        return {
            "id": translation_id("Page", root.slug, language_code),
            "title": title,
            "seo_title": title,
            "content": legal_content(root, language_code),
            "slug": root.slug,
        }


PageCountableConnection = countable_connection(Page, "Page")


class PageTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    title = graphene.String()
    content = graphene.JSONString()


class PageType(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
