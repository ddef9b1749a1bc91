import graphene

from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.interfaces import ObjectWithMetadata


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

    value = graphene.Field(lambda: Collection)


class Attribute(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    input_type = graphene.Field("catalogue.graphql.enums.AttributeInputTypeEnum")
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    translation = graphene.Field(
        lambda: AttributeTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )


class AttributeTranslation(graphene.ObjectType):
    name = graphene.String(required=True)


class AttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    translation = graphene.Field(
        lambda: AttributeValueTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )
    file = graphene.Field("shop.graphql.core.types.File")
    boolean = graphene.Boolean()
    date_time = graphene.DateTime()


class AttributeValueTranslation(graphene.ObjectType):
    name = graphene.String(required=True)


class Category(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    ancestors = graphene.Field(
        lambda: CategoryCountableConnection,
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    products = graphene.Field(
        lambda: ProductCountableConnection,
        filter=graphene.Argument(
            "catalogue.graphql.inputs.ProductFilterInput", deprecation_reason=DEPRECATED
        ),
        where=graphene.Argument("catalogue.graphql.inputs.ProductWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductOrder"),
        search=graphene.String(),
        channel=graphene.String(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    children = graphene.Field(
        lambda: CategoryCountableConnection,
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    background_image = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    translation = graphene.Field(
        lambda: CategoryTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )


class CategoryCountableConnection(graphene.ObjectType):
    page_info = graphene.Field("shop.graphql.core.types.PageInfo", required=True)
    edges = graphene.Field(
        graphene.List(graphene.NonNull(lambda: CategoryCountableEdge)), required=True
    )


class CategoryCountableEdge(graphene.ObjectType):
    node = graphene.Field(lambda: Category, required=True)


class CategoryTranslation(graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class Collection(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    products = graphene.Field(
        lambda: ProductCountableConnection,
        filter=graphene.Argument(
            "catalogue.graphql.inputs.ProductFilterInput", deprecation_reason=DEPRECATED
        ),
        where=graphene.Argument("catalogue.graphql.inputs.ProductWhereInput"),
        search=graphene.String(),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductOrder"),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    background_image = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    translation = graphene.Field(
        lambda: CollectionTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )


class CollectionCountableConnection(graphene.ObjectType):
    page_info = graphene.Field("shop.graphql.core.types.PageInfo", required=True)
    edges = graphene.Field(
        graphene.List(graphene.NonNull(lambda: CollectionCountableEdge)), required=True
    )


class CollectionCountableEdge(graphene.ObjectType):
    node = graphene.Field(lambda: Collection, required=True)
    cursor = graphene.String(required=True)


class CollectionTranslation(graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class Product(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    assigned_attribute = graphene.Field(
        lambda: AssignedAttribute, slug=graphene.String(required=True)
    )
    assigned_attributes = graphene.Field(
        graphene.List(graphene.NonNull(lambda: AssignedAttribute)),
        limit=graphene.Argument("shop.graphql.core.scalars.PositiveInt", default_value=100),
        required=True,
    )
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    product_type = graphene.Field(lambda: ProductType, required=True)
    slug = graphene.String(required=True)
    category = graphene.Field(lambda: Category)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    default_variant = graphene.Field(lambda: ProductVariant)
    thumbnail = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    pricing = graphene.Field(lambda: ProductPricingInfo)
    is_available = graphene.Boolean()
    variants = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ProductVariant)), deprecation_reason=DEPRECATED
    )
    product_variants = graphene.Field(
        lambda: ProductVariantCountableConnection,
        where=graphene.Argument("catalogue.graphql.inputs.ProductVariantWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductVariantSortingInput"),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    media = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ProductMedia)),
        sort_by=graphene.Argument("catalogue.graphql.inputs.MediaSortingInput"),
    )
    collections = graphene.Field(graphene.List(graphene.NonNull(lambda: Collection)))
    translation = graphene.Field(
        lambda: ProductTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )
    is_available_for_purchase = graphene.Boolean()


class ProductCountableConnection(graphene.ObjectType):
    page_info = graphene.Field("shop.graphql.core.types.PageInfo", required=True)
    edges = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ProductCountableEdge)), required=True
    )
    total_count = graphene.Int()


class ProductCountableEdge(graphene.ObjectType):
    node = graphene.Field(lambda: Product, required=True)
    cursor = graphene.String(required=True)


class ProductMedia(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field("catalogue.graphql.enums.ProductMediaType", required=True)
    url = graphene.String(
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
        required=True,
    )


class ProductPricingInfo(graphene.ObjectType):
    price_range = graphene.Field("shop.graphql.core.types.TaxedMoneyRange")
    price_range_undiscounted = graphene.Field("shop.graphql.core.types.TaxedMoneyRange")


class ProductTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field("shop.graphql.core.types.LanguageDisplay", required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class ProductType(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    slug = graphene.String(required=True)


class ProductVariant(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    pricing = graphene.Field(lambda: VariantPricingInfo)
    attributes = graphene.Field(
        graphene.List(graphene.NonNull(lambda: SelectedAttribute)),
        variant_selection=graphene.Argument("catalogue.graphql.enums.VariantAttributeScope"),
        required=True,
        deprecation_reason=DEPRECATED,
    )
    media = graphene.Field(graphene.List(graphene.NonNull(lambda: ProductMedia)))
    translation = graphene.Field(
        lambda: ProductVariantTranslation,
        language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True),
    )
    quantity_available = graphene.Int()


class ProductVariantCountableConnection(graphene.ObjectType):
    page_info = graphene.Field("shop.graphql.core.types.PageInfo", required=True)
    edges = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ProductVariantCountableEdge)), required=True
    )
    total_count = graphene.Int()


class ProductVariantCountableEdge(graphene.ObjectType):
    node = graphene.Field(lambda: ProductVariant, required=True)


class ProductVariantTranslation(graphene.ObjectType):
    name = graphene.String(required=True)


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(lambda: Attribute, required=True)
    values = graphene.Field(graphene.List(graphene.NonNull(lambda: AttributeValue)), required=True)


class VariantPricingInfo(graphene.ObjectType):
    price = graphene.Field("shop.graphql.core.types.TaxedMoney")
    price_undiscounted = graphene.Field("shop.graphql.core.types.TaxedMoney")


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
