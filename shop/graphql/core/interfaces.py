"""`ObjectWithMetadata`: the public metadata of an object for whoever sees it, the private
metadata for the staff only (a request error with PERMISSION_DENIED for anyone else)."""

import graphene
from django.core.exceptions import PermissionDenied

from catalogue.metadata.models import ModelWithMetadata
from catalogue.metadata.services import metadata_private_read_require
from shop.graphql.core.errors import api_error

KEYS_ARGUMENT = graphene.List(graphene.NonNull(graphene.String))


# The roots whose class is not named as their API type.
TYPE_NAMES = {"SummaryLine": "CheckoutLine", "ProductImage": "ProductMedia"}


def stored_metadata(root, info, *, private: bool) -> dict[str, str]:
    """The object's public or private metadata; an object the shop keeps none for has none.
    A type whose root wraps the model (a checkout line within its checkout's summary) names
    the model in its `metadata_carrier(root)`."""
    carrier = getattr(info.parent_type.graphene_type, "metadata_carrier", None)
    instance = carrier(root) if carrier is not None else root
    if not isinstance(instance, ModelWithMetadata):
        return {}
    if not private:
        return instance.metadata
    try:
        metadata_private_read_require(user=info.context.user, model=type(instance))
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    return instance.private_metadata


def _resolvers(*, private: bool) -> tuple[staticmethod, staticmethod, staticmethod]:
    """The resolvers of the list of items, one key's value and some keys' values."""

    def items(root, info) -> list[dict]:
        stored = stored_metadata(root, info, private=private)
        return [{"key": key, "value": stored[key]} for key in sorted(stored)]

    def one(root, info, key: str) -> str | None:
        return stored_metadata(root, info, private=private).get(key)

    def some(root, info, keys: list[str] | None = None) -> dict[str, str]:
        stored = stored_metadata(root, info, private=private)
        return dict(stored) if keys is None else {key: stored[key] for key in keys if key in stored}

    return staticmethod(items), staticmethod(one), staticmethod(some)


class ObjectWithMetadata(graphene.Interface):
    """An object that carries key-value metadata: public, and private for the staff."""

    private_metadata = graphene.List(
        graphene.NonNull("shop.graphql.core.types.MetadataItem"), required=True
    )
    private_metafield = graphene.String(key=graphene.String(required=True))
    private_metafields = graphene.Field("shop.graphql.core.scalars.Metadata", keys=KEYS_ARGUMENT)
    metadata = graphene.List(
        graphene.NonNull("shop.graphql.core.types.MetadataItem"), required=True
    )
    metafield = graphene.String(key=graphene.String(required=True))
    metafields = graphene.Field("shop.graphql.core.scalars.Metadata", keys=KEYS_ARGUMENT)

    @classmethod
    def resolve_type(cls, instance, info):
        name = type(instance).__name__
        return info.schema.get_type(TYPE_NAMES.get(name, name)).graphene_type

    resolve_private_metadata, resolve_private_metafield, resolve_private_metafields = _resolvers(
        private=True
    )
    resolve_metadata, resolve_metafield, resolve_metafields = _resolvers(private=False)
