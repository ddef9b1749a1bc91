"""What producers and chambers read through the API: the signed-in member's producer, its
documents, the review queue, and the mutations' payloads."""

from typing import Any

import graphene
from graphene.utils.str_converters import to_camel_case

from producers.graphql.dataloaders import DocumentsByProducer
from producers.graphql.enums import (
    ClaimStatusEnum,
    ReviewQueueKind,
    ReviewStatusEnum,
    RevisionStatusEnum,
)
from producers.revisions import FieldComparison, revision_compare
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.mutations import error_type

ProducerError = error_type("ProducerError", "producers.graphql.enums.ProducerErrorCode")

# The Relay type name of each kind of queued item, as the decision mutations take them.
QUEUE_ITEM_TYPES = {
    "producer": "Producer",
    "product": "Product",
    "revision": "ProductRevision",
    "claim": "LabelClaim",
}


class ProducerDocument(graphene.ObjectType):
    """A private proof the producer uploaded (its content is not served by the API)."""

    id = graphene.ID(required=True)
    kind = graphene.String(required=True)
    title = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("ProducerDocument", root.pk)


class MyProducer(graphene.ObjectType):
    """The producer the signed-in user is a member of, as its members see it."""

    producer = graphene.Field("catalogue.graphql.sellers.Producer", required=True)
    legal_name = graphene.String(required=True)
    siret = graphene.String(required=True)
    activity_kind = graphene.String(required=True)
    postcode = graphene.String(required=True)
    town = graphene.String(required=True)
    email = graphene.String(required=True)
    status = graphene.Field(ReviewStatusEnum, required=True)
    chamber = graphene.String(required=True, description="The chamber reviewing the producer.")
    documents = graphene.List(graphene.NonNull(ProducerDocument), required=True)

    @staticmethod
    def resolve_producer(root, info):
        return root.seller

    @staticmethod
    def resolve_chamber(root, info) -> str:
        return root.chamber.short_name

    @staticmethod
    def resolve_documents(root, info) -> list:
        return info.context.loaders.get(DocumentsByProducer).load(root.pk)


class ReviewQueueItem(graphene.ObjectType):
    """One item waiting for a chamber's decision."""

    kind = graphene.Field(ReviewQueueKind, required=True)
    item_id = graphene.ID(required=True, description="The ID the decision mutations take.")
    title = graphene.String(required=True)
    producer = graphene.Field("catalogue.graphql.sellers.Producer", required=True)
    chamber = graphene.String(required=True)
    waiting_since = graphene.DateTime(required=True)

    @staticmethod
    def resolve_item_id(root, info) -> str:
        key = root.item.seller_id if root.kind == "producer" else root.item.pk
        return to_global_id(QUEUE_ITEM_TYPES[root.kind], key)

    @staticmethod
    def resolve_producer(root, info):
        return root.producer.seller

    @staticmethod
    def resolve_chamber(root, info) -> str:
        return root.chamber_name


# The API types of the IDs that a revision's fields hold.
REVISION_ID_TYPES = {"category": "Category", "photos": "ProductMedia", "label_claims": "LabelClaim"}


def _api_value(field: str, value: Any) -> Any:
    type_name = REVISION_ID_TYPES.get(field)
    if type_name is None or value is None:
        return value
    if isinstance(value, list):
        return [to_global_id(type_name, pk) for pk in value]
    return to_global_id(type_name, value)


class RevisionChange(graphene.ObjectType):
    """One reviewed field of a revision: its approved value beside the proposed one (IDs for
    the category, the photos and the claims)."""

    field = graphene.String(required=True)
    approved = graphene.Field("shop.graphql.core.scalars.JSON")
    proposed = graphene.Field("shop.graphql.core.scalars.JSON")
    changed = graphene.Boolean(required=True)

    @staticmethod
    def resolve_field(root: FieldComparison, info) -> str:
        return to_camel_case(root.field)

    @staticmethod
    def resolve_approved(root: FieldComparison, info) -> Any:
        return _api_value(root.field, root.approved)

    @staticmethod
    def resolve_proposed(root: FieldComparison, info) -> Any:
        return _api_value(root.field, root.proposed)


class ProductRevision(graphene.ObjectType):
    """Changes a producer proposed to an approved product, which stays on sale as approved
    until its chamber decides."""

    id = graphene.ID(required=True)
    status = graphene.Field(RevisionStatusEnum, required=True)
    product = graphene.Field("catalogue.graphql.products.Product", required=True)
    changes = graphene.List(graphene.NonNull(RevisionChange), required=True)
    reason = graphene.String(required=True, description="The chamber's reason, when refused.")
    created_at = graphene.DateTime(required=True)
    decided_at = graphene.DateTime()

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("ProductRevision", root.pk)

    @staticmethod
    def resolve_changes(root, info) -> list[FieldComparison]:
        return revision_compare(product=root.product, changes=root.changes)


def _payload(name: str, **fields) -> type[graphene.ObjectType]:
    errors = graphene.List(graphene.NonNull(ProducerError), required=True)
    return type(name, (graphene.ObjectType,), {"errors": errors, **fields})


ProducerProfileUpdate = _payload("ProducerProfileUpdate", producer=graphene.Field(MyProducer))
ProducerApplicationSubmit = _payload(
    "ProducerApplicationSubmit", producer=graphene.Field(MyProducer)
)
ProductSubmit = _payload(
    "ProductSubmit",
    product=graphene.Field("catalogue.graphql.products.Product"),
    review_status=graphene.Field(ReviewStatusEnum),
)
LabelClaimAdd = _payload(
    "LabelClaimAdd",
    claim_id=graphene.ID(),
    status=graphene.Field(ClaimStatusEnum),
    revision_proposed=graphene.Boolean(),
)
ProductMediaCreate = _payload(
    "ProductMediaCreate",
    product=graphene.Field("catalogue.graphql.products.Product"),
    media=graphene.Field("catalogue.graphql.variants.ProductMedia"),
    revision_proposed=graphene.Boolean(
        description="The product is approved: the photo waits for the chamber's approval."
    ),
)
ProducerDecide = _payload("ProducerDecide", status=graphene.Field(ReviewStatusEnum))
ProductDecide = _payload(
    "ProductDecide",
    product=graphene.Field("catalogue.graphql.products.Product"),
    status=graphene.Field(ReviewStatusEnum),
)
ClaimDecide = _payload("ClaimDecide", status=graphene.Field(ClaimStatusEnum))
ProductRevisionPropose = _payload(
    "ProductRevisionPropose", revision=graphene.Field(ProductRevision)
)
ProductRevisionWithdraw = _payload(
    "ProductRevisionWithdraw", revision=graphene.Field(ProductRevision)
)
RevisionDecide = _payload("RevisionDecide", revision=graphene.Field(ProductRevision))
