import graphene


class PageSortingInput(graphene.InputObjectType):
    direction = graphene.InputField("shop.graphql.core.enums.OrderDirection", required=True)
    field = graphene.InputField("shop.graphql.content.enums.PageSortField", required=True)


class PageWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField("shop.graphql.core.inputs.MetadataFilterInput")
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    slug = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    page_type = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    attributes = graphene.InputField(
        graphene.List(graphene.NonNull("catalogue.graphql.inputs.AssignedAttributeWhereInput"))
    )
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.content.inputs.PageWhereInput")), name="AND"
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.content.inputs.PageWhereInput")), name="OR"
    )
