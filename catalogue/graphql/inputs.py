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
