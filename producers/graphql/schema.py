"""The producers' and chambers' queries and mutations, beside Saleor's contract."""

import graphene

from producers.graphql import mutations, review, revisions
from producers.graphql.enums import ReviewDecisionEnum

DECISION = graphene.Argument(ReviewDecisionEnum, required=True)
REASON = graphene.String(description="Required unless approving: the producer reads it.")


def producer_argument() -> graphene.Argument:
    """The optional `producer` argument of a member's query or mutation."""
    return graphene.Argument(
        graphene.ID,
        description=(
            "Which of the signed-in user's producers (a Producer ID); by default the one they "
            "own, else the one they joined first."
        ),
    )


class ProducersQueries(graphene.ObjectType):
    my_producer = graphene.Field(
        "producers.graphql.types.MyProducer",
        producer=producer_argument(),
        description=(
            "The producer the signed-in user works for; null for a producer they are not a "
            "member of."
        ),
    )
    my_producers = graphene.List(
        graphene.NonNull("producers.graphql.types.MyProducer"),
        required=True,
        description="Every producer the signed-in user is a member of, the default one first.",
    )
    review_queue = graphene.List(
        graphene.NonNull("producers.graphql.types.ReviewQueueItem"),
        required=True,
        description="What waits for the signed-in reviewer's chamber, oldest first.",
    )

    product_revision = graphene.Field(
        "producers.graphql.types.ProductRevision",
        id=graphene.ID(required=True),
        description="Changes proposed to an approved product, for its chamber's reviewers.",
    )

    resolve_my_producer = staticmethod(mutations.resolve_my_producer)
    resolve_my_producers = staticmethod(mutations.resolve_my_producers)
    resolve_review_queue = staticmethod(review.resolve_review_queue)
    resolve_product_revision = staticmethod(revisions.resolve_product_revision)


class ProducersMutations(graphene.ObjectType):
    producer_profile_update = graphene.Field(
        "producers.graphql.types.ProducerProfileUpdate",
        input=graphene.Argument("producers.graphql.inputs.ProducerProfileInput", required=True),
        producer=producer_argument(),
        description="Create the signed-in user's producer, or change one it owns.",
    )
    producer_application_submit = graphene.Field(
        "producers.graphql.types.ProducerApplicationSubmit", producer=producer_argument()
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
    product_revision_propose = graphene.Field(
        "producers.graphql.types.ProductRevisionPropose",
        product=graphene.ID(required=True),
        input=graphene.Argument("producers.graphql.inputs.ProductRevisionInput", required=True),
        description="Propose changes to reviewed fields of an approved product.",
    )
    product_revision_withdraw = graphene.Field(
        "producers.graphql.types.ProductRevisionWithdraw",
        product=graphene.ID(required=True),
        description="Take back the product's changes still waiting for the chamber.",
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
    revision_decide = graphene.Field(
        "producers.graphql.types.RevisionDecide",
        id=graphene.ID(required=True),
        approved=graphene.Boolean(required=True),
        reason=graphene.String(description="Required when refusing: the producer reads it."),
        description="Approve a product's proposed changes, or refuse them with a reason.",
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
    resolve_product_revision_propose = staticmethod(revisions.product_revision_propose_resolve)
    resolve_product_revision_withdraw = staticmethod(revisions.product_revision_withdraw_resolve)
    resolve_revision_decide = staticmethod(revisions.revision_decide_resolve)
