import graphene


class AssignedAttributeReferenceInput(graphene.InputObjectType):
    referenced_ids = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")
    page_slugs = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")
    product_slugs = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")
    product_variant_skus = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")
    category_slugs = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")
    collection_slugs = graphene.InputField("shop.graphql.core.inputs.ContainsFilterInput")


class AssignedAttributeValueInput(graphene.InputObjectType):
    slug = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    name = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    numeric = graphene.InputField("shop.graphql.core.inputs.DecimalFilterInput")
    date = graphene.InputField("shop.graphql.core.inputs.DateRangeInput")
    date_time = graphene.InputField("shop.graphql.core.inputs.DateTimeRangeInput")
    boolean = graphene.Boolean()
    reference = graphene.InputField("catalogue.graphql.inputs.AssignedAttributeReferenceInput")


class AssignedAttributeWhereInput(graphene.InputObjectType):
    slug = graphene.String()
    value = graphene.InputField("catalogue.graphql.inputs.AssignedAttributeValueInput")


class AttributeInput(graphene.InputObjectType):
    slug = graphene.String()
    value = graphene.InputField("catalogue.graphql.inputs.AssignedAttributeValueInput")


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    slugs = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class CategorySortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.CategorySortField", required=True)


class CategoryWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.CategoryWhereInput")), name="AND"
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.CategoryWhereInput")), name="OR"
    )


class CollectionFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    slugs = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class CollectionSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.CollectionSortField", required=True)


class CollectionWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.CollectionWhereInput")), name="AND"
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.CollectionWhereInput")), name="OR"
    )


class MediaSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.MediaChoicesSortField", required=True)


class PriceFilterInput(graphene.InputObjectType):
    currency = graphene.String()
    amount = graphene.InputField("shop.graphql.core.inputs.DecimalFilterInput", required=True)


class ProductFilterInput(graphene.InputObjectType):
    collections = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    categories = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    attributes = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.AttributeInput"))
    )
    stock_availability = graphene.InputField("catalogue.graphql.enums.StockAvailability")
    search = graphene.String()
    is_available = graphene.Boolean()
    price = graphene.InputField("shop.graphql.core.inputs.PriceRangeInput")
    minimal_price = graphene.InputField("shop.graphql.core.inputs.PriceRangeInput")
    product_types = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    slugs = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))
    signs = graphene.InputField(
        graphene.List(graphene.NonNull(graphene.String)),
        description="Codes of quality signs: products holding one (or whose producer does).",
    )
    producer = graphene.String(description="A producer's slug: only its products.")
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )


class ProductOrder(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    attribute_id = graphene.ID()
    field = graphene.InputField("catalogue.graphql.enums.ProductOrderField")


class ProductVariantSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.ProductVariantSortField", required=True)


class ProductVariantWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    sku = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    updated_at = graphene.InputField("shop.graphql.core.inputs.DateTimeRangeInput")
    attributes = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.AssignedAttributeWhereInput"))
    )
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.ProductVariantWhereInput")),
        name="AND",
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.ProductVariantWhereInput")),
        name="OR",
    )


class ProductWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    name = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    slug = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    product_type = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    category = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    collection = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    is_available = graphene.Boolean()
    price = graphene.InputField("shop.graphql.core.inputs.DecimalFilterInput")
    minimal_price = graphene.InputField("shop.graphql.core.inputs.DecimalFilterInput")
    attributes = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.AttributeInput"))
    )
    stock_availability = graphene.InputField("catalogue.graphql.enums.StockAvailability")
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.ProductWhereInput")), name="AND"
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.ProductWhereInput")), name="OR"
    )
    signs = graphene.InputField(
        graphene.List(graphene.NonNull(graphene.String)),
        description="Codes of quality signs: products holding one (or whose producer does).",
    )
    producer = graphene.String(description="A producer's slug: only its products.")


def _and_or(path: str) -> tuple[graphene.InputField, graphene.InputField]:
    """The `AND` and `OR` fields of a where-input, nesting more of the input at `path`."""
    return tuple(
        graphene.InputField(graphene.List(graphene.NonNull(path)), name=name)
        for name in ("AND", "OR")
    )


def _one_or_some(enum: str, name: str) -> type[graphene.InputObjectType]:
    """`<name>` = {eq, oneOf} over the values of `enum`, as Saleor's filters take them."""
    fields = {
        "eq": graphene.InputField(enum),
        "one_of": graphene.InputField(graphene.List(graphene.NonNull(enum))),
    }
    return type(name, (graphene.InputObjectType,), fields)


AttributeEntityTypeEnumFilterInput = _one_or_some(
    "catalogue.graphql.enums.AttributeEntityTypeEnum", "AttributeEntityTypeEnumFilterInput"
)
AttributeInputTypeEnumFilterInput = _one_or_some(
    "catalogue.graphql.enums.AttributeInputTypeEnum", "AttributeInputTypeEnumFilterInput"
)
AttributeTypeEnumFilterInput = _one_or_some(
    "catalogue.graphql.enums.AttributeTypeEnum", "AttributeTypeEnumFilterInput"
)
MeasurementUnitsEnumFilterInput = _one_or_some(
    "catalogue.graphql.enums.MeasurementUnitsEnum", "MeasurementUnitsEnumFilterInput"
)


class AttributeChoicesSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.AttributeChoicesSortField", required=True)


class AttributeFilterInput(graphene.InputObjectType):
    value_required = graphene.Boolean()
    is_variant_only = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    search = graphene.String()
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    type = graphene.InputField("catalogue.graphql.enums.AttributeTypeEnum")
    in_collection = graphene.ID()
    in_category = graphene.ID()
    slugs = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class AttributeSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("catalogue.graphql.enums.AttributeSortField", required=True)


class AttributeValueWhereInput(graphene.InputObjectType):
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    name = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    slug = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    and_, or_ = _and_or("catalogue.graphql.inputs.AttributeValueWhereInput")


class AttributeWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataFilter"))
    )
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    name = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    slug = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    with_choices = graphene.Boolean()
    input_type = graphene.InputField(AttributeInputTypeEnumFilterInput)
    entity_type = graphene.InputField(AttributeEntityTypeEnumFilterInput)
    type = graphene.InputField(AttributeTypeEnumFilterInput)
    unit = graphene.InputField(MeasurementUnitsEnumFilterInput)
    in_collection = graphene.ID()
    in_category = graphene.ID()
    value_required = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    and_, or_ = _and_or("catalogue.graphql.inputs.AttributeWhereInput")
