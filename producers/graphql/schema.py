"""The producers' and chambers' queries and mutations, beside Saleor's contract."""

import graphene

from producers.graphql import mutations, review
from producers.graphql.enums import ReviewDecisionEnum

DECISION = graphene.Argument(ReviewDecisionEnum, required=True)
REASON = graphene.String(description="Required unless approving: the producer reads it.")


class ProducersQueries(graphene.ObjectType):
    my_producer = graphene.Field(
        "producers.graphql.types.MyProducer",
        description="The producer the signed-in user works for.",
    )
    review_queue = graphene.List(
        graphene.NonNull("producers.graphql.types.ReviewQueueItem"),
        required=True,
        description="What waits for the signed-in reviewer's chamber, oldest first.",
    )

    resolve_my_producer = staticmethod(mutations.resolve_my_producer)
    resolve_review_queue = staticmethod(review.resolve_review_queue)


class ProducersMutations(graphene.ObjectType):
    producer_profile_update = graphene.Field(
        "producers.graphql.types.ProducerProfileUpdate",
        input=graphene.Argument("producers.graphql.inputs.ProducerProfileInput", required=True),
        description="Create the signed-in user's producer, or change the one it owns.",
    )
    producer_application_submit = graphene.Field(
        "producers.graphql.types.ProducerApplicationSubmit"
    )
    product_submit = graphene.Field(
        "producers.graphql.types.ProductSubmit", id=graphene.ID(required=True)
    )
    label_claim_add = graphene.Field(
        "producers.graphql.types.LabelClaimAdd",
        product=graphene.ID(required=True),
        input=graphene.Argument("producers.graphql.inputs.LabelClaimInput", required=True),
    )
    product_media_create = graphene.Field(
        "producers.graphql.types.ProductMediaCreate",
        input=graphene.Argument("producers.graphql.inputs.ProductMediaCreateInput", required=True),
        description="Add a photo (sent in a multipart request) to one of the producer's products.",
    )
    producer_decide = graphene.Field(
        "producers.graphql.types.ProducerDecide",
        id=graphene.ID(required=True),
        decision=DECISION,
        reason=REASON,
    )
    product_decide = graphene.Field(
        "producers.graphql.types.ProductDecide",
        id=graphene.ID(required=True),
        decision=DECISION,
        reason=REASON,
    )
    claim_decide = graphene.Field(
        "producers.graphql.types.ClaimDecide",
        id=graphene.ID(required=True),
        verified=graphene.Boolean(required=True),
        reason=REASON,
    )

    resolve_producer_profile_update = staticmethod(mutations.producer_profile_update)
    resolve_producer_application_submit = staticmethod(
        mutations.producer_application_submit_resolve
    )
    resolve_product_submit = staticmethod(mutations.product_submit_resolve)
    resolve_label_claim_add = staticmethod(mutations.label_claim_add)
    resolve_product_media_create = staticmethod(mutations.product_media_create)
    resolve_producer_decide = staticmethod(review.producer_decide_resolve)
    resolve_product_decide = staticmethod(review.product_decide_resolve)
    resolve_claim_decide = staticmethod(review.claim_decide_resolve)
