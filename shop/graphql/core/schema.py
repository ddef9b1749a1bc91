import graphene


class CoreMutations(graphene.ObjectType):
    update_metadata = graphene.Field(
        "shop.graphql.core.types.UpdateMetadata",
        id=graphene.ID(required=True),
        input=graphene.Argument(
            graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput")), required=True
        ),
    )


class CoreQueries(graphene.ObjectType):
    shop = graphene.Field("shop.graphql.core.types.Shop", required=True)
    channel = graphene.Field(
        "shop.graphql.core.types.Channel", id=graphene.ID(), slug=graphene.String()
    )
    channels = graphene.Field(graphene.List(graphene.NonNull("shop.graphql.core.types.Channel")))
