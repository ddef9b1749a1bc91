"""Attributes: what our variants differ by (size, colour, weight), and the attribute kinds of
Saleor's contract that our products do not use yet."""

import graphene

from catalogue.graphql.variants import LANGUAGE_ARGUMENT
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.translations import translated_fields


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(lambda: Attribute, required=True)


class AssignedBooleanAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Boolean()


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    translation = graphene.String(
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    )


class AssignedFileAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Field("shop.graphql.core.types.File")


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Field(
        graphene.List(graphene.NonNull(lambda: AssignedChoiceAttributeValue)), required=True
    )


class AssignedNumericAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Float()


class AssignedPlainTextAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.String()
    translation = graphene.String(
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    )


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Field(lambda: AssignedChoiceAttributeValue)


class AssignedSingleCollectionReferenceAttribute(graphene.ObjectType):
    class Meta:
        interfaces = (AssignedAttribute,)

    value = graphene.Field("catalogue.graphql.categories.Collection")


class AttributeTranslation(graphene.ObjectType):
    name = graphene.String(required=True)


class AttributeValueTranslation(graphene.ObjectType):
    name = graphene.String(required=True)


class Attribute(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    input_type = graphene.Field("catalogue.graphql.enums.AttributeInputTypeEnum")
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    translation = graphene.Field(lambda: AttributeTranslation, language_code=LANGUAGE_ARGUMENT)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Attribute", root.pk)

    @staticmethod
    def resolve_input_type(root, info) -> str:
        return "DROPDOWN"

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        return translated_fields(root, language_code)


class AttributeValue(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    translation = graphene.Field(lambda: AttributeValueTranslation, language_code=LANGUAGE_ARGUMENT)
    file = graphene.Field("shop.graphql.core.types.File")
    boolean = graphene.Boolean()
    date_time = graphene.DateTime()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("AttributeValue", root.pk)

    @staticmethod
    def resolve_value(root, info) -> str:
        return root.slug

    @staticmethod
    def resolve_file(root, info) -> None:
        return None

    @staticmethod
    def resolve_boolean(root, info) -> None:
        return None

    @staticmethod
    def resolve_date_time(root, info) -> None:
        return None

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        return translated_fields(root, language_code)


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = graphene.List(graphene.NonNull(AttributeValue), required=True)


# Kinds of assigned attribute, listed for the schema: nothing refers to them but the interface.
ASSIGNED_ATTRIBUTE_TYPES = [
    AssignedBooleanAttribute,
    AssignedFileAttribute,
    AssignedMultiChoiceAttribute,
    AssignedNumericAttribute,
    AssignedPlainTextAttribute,
    AssignedSingleChoiceAttribute,
    AssignedSingleCollectionReferenceAttribute,
]
