"""The chambers' side: the review queue and the decisions. The services check that the
reviewer's chamber is the item's; an item is looked up among those the reviewer decides on
(producers_, products_ and claims_for_reviewer), so another chamber's answers NOT_FOUND, as an
ID naming nothing does, before the decision or the reason is read."""

from django.core.exceptions import PermissionDenied

from catalogue.models import LabelClaim, Product
from producers.graphql.calls import object_of, service_call, signed_in
from producers.models import Producer
from producers.selectors import (
    QueueItem,
    claims_for_reviewer,
    producers_for_reviewer,
    products_for_reviewer,
    review_queue_for,
)
from producers.services.review import claim_decide, producer_decide, product_decide
from shop.graphql.core.errors import api_error


def resolve_review_queue(root, info) -> list[QueueItem]:
    """What waits for the signed-in reviewer's chamber (every chamber for the brand team),
    oldest first; a request error with PERMISSION_DENIED for anyone else."""
    try:
        return review_queue_for(user=signed_in(info))
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied


def producer_decide_resolve(root, info, id: str, decision: str, reason: str = "") -> dict:
    """Decide on a producer's application (`id` is its Producer ID)."""

    def call() -> Producer:
        user = signed_in(info)
        producer = object_of(
            producers_for_reviewer(user=user), id, "Producer", field="id", key="seller_id"
        )
        return producer_decide(
            user=user, producer=producer, decision=decision.value, reason=reason or ""
        )

    producer, errors = service_call(call)
    return {"status": producer.status if producer else None, "errors": errors}


def product_decide_resolve(root, info, id: str, decision: str, reason: str = "") -> dict:
    """Decide on a submitted product."""

    def call() -> Product:
        user = signed_in(info)
        product = object_of(products_for_reviewer(user=user), id, "Product", field="id")
        return product_decide(
            user=user, product=product, decision=decision.value, reason=reason or ""
        )

    product, errors = service_call(call)
    status = product.review_status if product else None
    return {"product": product, "status": status, "errors": errors}


def claim_decide_resolve(root, info, id: str, verified: bool, reason: str = "") -> dict:
    """Verify a label claim's proof, or refuse it with a reason."""

    def call() -> LabelClaim:
        user = signed_in(info)
        claim = object_of(claims_for_reviewer(user=user), id, "LabelClaim", field="id")
        return claim_decide(user=user, claim=claim, verified=verified, reason=reason or "")

    claim, errors = service_call(call)
    return {"status": claim.status if claim else None, "errors": errors}
