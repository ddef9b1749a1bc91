"""Attributes assigned to an object, as Saleor types them by kind of value.

Ours are dropdowns on variants: a variant's attribute is an `AssignedSingleChoiceAttribute`.
The other kinds of Saleor's contract are typed here for clients that ask for them by fragment;
nothing of ours has them.
"""

from dataclasses import dataclass

import graphene

from catalogue.models import Attribute, AttributeValue
from shop.graphql.core.translations import translated_fields

LANGUAGE_ARGUMENT = graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True)


@dataclass(frozen=True)
class AssignedChoiceValue:
    """An attribute of an object with its single chosen value."""

    attribute: Attribute
    value: AttributeValue


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field("catalogue.graphql.attributes.Attribute", required=True)

    @classmethod
    def resolve_type(cls, instance, info):
        return AssignedSingleChoiceAttribute


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    translation = graphene.String(language_code=LANGUAGE_ARGUMENT)

    @staticmethod
    def resolve_translation(root: AttributeValue, info, language_code) -> str | None:
        fields = translated_fields(root, language_code)
        return fields["name"] if fields else None


class AssignedSwatchAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    hex_color = graphene.String()
    translation = graphene.String(language_code=LANGUAGE_ARGUMENT)


def _assigned(name: str, value: graphene.Field, **fields) -> type[graphene.ObjectType]:
    """An `Assigned<Kind>Attribute` type holding a value of that kind."""
    meta = type("Meta", (), {"interfaces": (AssignedAttribute,)})
    return type(name, (graphene.ObjectType,), {"Meta": meta, "value": value, **fields})


def _reference(type_path: str, *, many: bool) -> graphene.Field:
    if many:
        return graphene.Field(graphene.List(graphene.NonNull(type_path)), required=True)
    return graphene.Field(type_path)


CATEGORY = "catalogue.graphql.categories.Category"
COLLECTION = "catalogue.graphql.categories.Collection"
PAGE = "shop.graphql.content.types.Page"
PRODUCT = "catalogue.graphql.products.Product"
VARIANT = "catalogue.graphql.variants.ProductVariant"

AssignedBooleanAttribute = _assigned("AssignedBooleanAttribute", graphene.Boolean())
AssignedDateAttribute = _assigned("AssignedDateAttribute", graphene.Date())
AssignedDateTimeAttribute = _assigned("AssignedDateTimeAttribute", graphene.DateTime())
AssignedFileAttribute = _assigned(
    "AssignedFileAttribute", graphene.Field("shop.graphql.core.types.File")
)
AssignedMultiChoiceAttribute = _assigned(
    "AssignedMultiChoiceAttribute",
    graphene.Field(graphene.List(graphene.NonNull(AssignedChoiceAttributeValue)), required=True),
)
AssignedNumericAttribute = _assigned("AssignedNumericAttribute", graphene.Float())
AssignedPlainTextAttribute = _assigned(
    "AssignedPlainTextAttribute",
    graphene.String(),
    translation=graphene.String(language_code=LANGUAGE_ARGUMENT),
)
AssignedSingleChoiceAttribute = _assigned(
    "AssignedSingleChoiceAttribute", graphene.Field(AssignedChoiceAttributeValue)
)
AssignedSwatchAttribute = _assigned(
    "AssignedSwatchAttribute", graphene.Field(AssignedSwatchAttributeValue)
)
AssignedTextAttribute = _assigned(
    "AssignedTextAttribute",
    graphene.Field("shop.graphql.core.scalars.JSON"),
    translation=graphene.Field("shop.graphql.core.scalars.JSON", language_code=LANGUAGE_ARGUMENT),
)
REFERENCE_TYPES = [
    _assigned(f"Assigned{count}{kind}ReferenceAttribute", _reference(path, many=count == "Multi"))
    for kind, path in (
        ("Category", CATEGORY),
        ("Collection", COLLECTION),
        ("Page", PAGE),
        ("Product", PRODUCT),
        ("ProductVariant", VARIANT),
    )
    for count in ("Single", "Multi")
]

# Kinds of assigned attribute, listed for the schema: nothing refers to most of them but the
# interface.
ASSIGNED_ATTRIBUTE_TYPES = [
    AssignedBooleanAttribute,
    AssignedDateAttribute,
    AssignedDateTimeAttribute,
    AssignedFileAttribute,
    AssignedMultiChoiceAttribute,
    AssignedNumericAttribute,
    AssignedPlainTextAttribute,
    AssignedSingleChoiceAttribute,
    AssignedSwatchAttribute,
    AssignedTextAttribute,
    *REFERENCE_TYPES,
]
