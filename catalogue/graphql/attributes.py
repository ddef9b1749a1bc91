"""Attributes: what our variants differ by (size, colour, weight), each a dropdown of values."""

import graphene

from catalogue.graphql.attribute_lists import (
    ATTRIBUTE_TYPE,
    INPUT_TYPE,
    VALUE_REQUIRED,
    VISIBLE_IN_STOREFRONT,
    WITH_CHOICES,
    choices_page,
)
from catalogue.graphql.variants import LANGUAGE_ARGUMENT, page_arguments
from shop.graphql.core.connections import ConnectionValue, countable_connection
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.translations import translated_fields, translation_id


class AttributeTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)


class AttributeValueTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    rich_text = graphene.JSONString()


def _name_translation(root, type_name: str, language_code) -> dict | None:
    fields = translated_fields(root, language_code)
    if fields is None:
        return None
    return {
        "id": translation_id(type_name, root.pk, language_code),
        "name": fields["name"] or root.name,
        "rich_text": None,
    }


class Attribute(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    input_type = graphene.Field("catalogue.graphql.enums.AttributeInputTypeEnum")
    entity_type = graphene.Field("catalogue.graphql.enums.AttributeEntityTypeEnum")
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    type = graphene.Field("catalogue.graphql.enums.AttributeTypeEnum", required=True)
    unit = graphene.Field("catalogue.graphql.enums.MeasurementUnitsEnum")
    choices = graphene.Field(
        lambda: AttributeValueCountableConnection,
        sort_by=graphene.Argument("catalogue.graphql.inputs.AttributeChoicesSortingInput"),
        where=graphene.Argument("catalogue.graphql.inputs.AttributeValueWhereInput"),
        search=graphene.String(),
        **page_arguments(),
    )
    value_required = graphene.Boolean(required=True)
    visible_in_storefront = graphene.Boolean(required=True)
    translation = graphene.Field(lambda: AttributeTranslation, language_code=LANGUAGE_ARGUMENT)
    with_choices = graphene.Boolean(required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Attribute", root.pk)

    @staticmethod
    def resolve_input_type(root, info) -> str:
        return INPUT_TYPE

    @staticmethod
    def resolve_entity_type(root, info) -> None:
        return None  # only references point to entities

    @staticmethod
    def resolve_type(root, info) -> str:
        return ATTRIBUTE_TYPE

    @staticmethod
    def resolve_unit(root, info) -> None:
        return None  # our values are words ("250 g" is a value's name), not measures

    @staticmethod
    def resolve_choices(root, info, **arguments) -> ConnectionValue:
        return choices_page(info, root, **arguments)

    @staticmethod
    def resolve_value_required(root, info) -> bool:
        return VALUE_REQUIRED

    @staticmethod
    def resolve_visible_in_storefront(root, info) -> bool:
        return VISIBLE_IN_STOREFRONT

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        return _name_translation(root, "Attribute", language_code)

    @staticmethod
    def resolve_with_choices(root, info) -> bool:
        return WITH_CHOICES


class AttributeValue(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    translation = graphene.Field(lambda: AttributeValueTranslation, language_code=LANGUAGE_ARGUMENT)
    input_type = graphene.Field("catalogue.graphql.enums.AttributeInputTypeEnum")
    reference = graphene.ID()
    file = graphene.Field("shop.graphql.core.types.File")
    rich_text = graphene.JSONString()
    plain_text = graphene.String()
    boolean = graphene.Boolean()
    date = graphene.Date()
    date_time = graphene.DateTime()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("AttributeValue", root.pk)

    @staticmethod
    def resolve_value(root, info) -> str:
        return root.slug

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        return _name_translation(root, "AttributeValue", language_code)

    @staticmethod
    def resolve_input_type(root, info) -> str:
        return INPUT_TYPE

    @staticmethod
    def _none(root, info) -> None:
        """A choice of a dropdown holds its name and slug only."""
        return None

    resolve_reference = resolve_file = resolve_rich_text = resolve_plain_text = _none
    resolve_boolean = resolve_date = resolve_date_time = _none


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = graphene.List(graphene.NonNull(AttributeValue), required=True)


AttributeCountableConnection = countable_connection(Attribute, "Attribute")
AttributeValueCountableConnection = countable_connection(AttributeValue, "AttributeValue")
