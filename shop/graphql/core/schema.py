import graphene

from shop.graphql.core.channel import CHANNEL_SLUG, DEFAULT_CHANNEL, ChannelInfo
from shop.graphql.core.ids import from_global_id
from shop.graphql.core.metadata import metadata_resolver


def _metadata_field(payload: str, *, delete: bool) -> graphene.Field:
    arguments = {"id": graphene.ID(required=True)}  # first, as Saleor prints it
    if delete:
        arguments["keys"] = graphene.List(graphene.NonNull(graphene.String), required=True)
    else:
        arguments["input"] = graphene.List(
            graphene.NonNull("shop.graphql.core.inputs.MetadataInput"), required=True
        )
    return graphene.Field(f"shop.graphql.core.types.{payload}", **arguments)


class CoreMutations(graphene.ObjectType):
    """The metadata of checkouts, users, orders, products, variants, categories and
    collections."""

    update_metadata = _metadata_field("UpdateMetadata", delete=False)
    delete_metadata = _metadata_field("DeleteMetadata", delete=True)
    update_private_metadata = _metadata_field("UpdatePrivateMetadata", delete=False)
    delete_private_metadata = _metadata_field("DeletePrivateMetadata", delete=True)

    resolve_update_metadata = staticmethod(metadata_resolver(private=False, delete=False))
    resolve_delete_metadata = staticmethod(metadata_resolver(private=False, delete=True))
    resolve_update_private_metadata = staticmethod(metadata_resolver(private=True, delete=False))
    resolve_delete_private_metadata = staticmethod(metadata_resolver(private=True, delete=True))


class CoreQueries(graphene.ObjectType):
    shop = graphene.Field("shop.graphql.core.shop.Shop", required=True)
    channel = graphene.Field(
        "shop.graphql.core.types.Channel", id=graphene.ID(), slug=graphene.String()
    )
    channels = graphene.Field(graphene.List(graphene.NonNull("shop.graphql.core.types.Channel")))

    @staticmethod
    def resolve_shop(root, info) -> dict:
        return {}

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None) -> ChannelInfo | None:
        wanted = slug if slug is not None else from_global_id(id, "Channel")
        return DEFAULT_CHANNEL if wanted == CHANNEL_SLUG else None

    @staticmethod
    def resolve_channels(root, info) -> list[ChannelInfo]:
        return [DEFAULT_CHANNEL]
