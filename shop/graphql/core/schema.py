import graphene

from shop.graphql.core.channel import CHANNEL_SLUG, DEFAULT_CHANNEL, ChannelInfo
from shop.graphql.core.ids import from_global_id
from shop.graphql.core.mutations import unavailable_resolver


class CoreMutations(graphene.ObjectType):
    """Our objects carry no metadata yet."""

    update_metadata = graphene.Field(
        "shop.graphql.core.types.UpdateMetadata",
        id=graphene.ID(required=True),
        input=graphene.Argument(
            graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput")), required=True
        ),
    )

    resolve_update_metadata = staticmethod(unavailable_resolver("id"))


class CoreQueries(graphene.ObjectType):
    shop = graphene.Field("shop.graphql.core.types.Shop", required=True)
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
