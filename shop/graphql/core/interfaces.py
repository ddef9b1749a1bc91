import graphene


class ObjectWithMetadata(graphene.Interface):
    """An object that carries public key-value metadata (ours carry none yet)."""

    metadata = graphene.List(
        graphene.NonNull("shop.graphql.core.types.MetadataItem"), required=True
    )

    @staticmethod
    def resolve_metadata(root, info) -> list:
        return []
