"""Revisions of approved products through the API: a producer proposes or withdraws changes,
its chamber reads them beside the approved values and decides, through the same services as
the portal and the console (which check the membership and the chamber). A product or revision
is looked up among those the caller may reach: anyone else's answers exactly like an ID naming
nothing (NOT_FOUND, or null for the read), so an ID never tells what exists."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction

from producers.graphql.calls import NotFound, object_of, service_call, signed_in
from producers.member_selectors import products_of_member
from producers.models import ProductRevision
from producers.review_items import revision_review
from producers.selectors import revisions_for_reviewer
from producers.services.listings import reviewed_changes_propose
from producers.services.review import revision_decide
from producers.services.submission import product_revision_propose, product_revision_withdraw
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import pk_from_global_id

_TEXTS = ("name", "description")
_FLAGS = ("is_alcohol", "is_perishable")


def _pk(global_id: str, type_name: str, field: str) -> int:
    pk = pk_from_global_id(global_id, type_name)
    if pk is None:
        raise NotFound(field)
    return pk


def revision_changes(input) -> dict[str, Any]:
    """The revision's changes (the services' keys) from the fields the input gives."""
    changes = {key: input[key] for key in (*_TEXTS, *_FLAGS) if input.get(key) is not None}
    english = {key: input[f"{key}_en"] for key in _TEXTS if input.get(f"{key}_en") is not None}
    if english:
        changes["translations"] = {"en": english}
    if input.get("category") is not None:
        changes["category"] = _pk(input.category, "Category", "category")
    if input.get("photos") is not None:
        changes["photos"] = [_pk(item, "ProductMedia", "photos") for item in input.photos]
    if input.get("label_claims") is not None:
        changes["label_claims"] = [
            _pk(item, "LabelClaim", "labelClaims") for item in input.label_claims
        ]
    return changes


def resolve_product_revision(root, info, id: str) -> ProductRevision | None:
    """A revision for its chamber's reviewers (and the brand team); null for an unknown ID and
    for a revision the caller may not read alike; a PERMISSION_DENIED request error when
    signed out."""
    pk = pk_from_global_id(id, "ProductRevision")
    if pk is None:
        return None
    try:
        user = signed_in(info)
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    try:
        return revision_review(user=user, revision_id=pk).revision
    except ObjectDoesNotExist:
        return None


def product_revision_propose_resolve(root, info, product: str, input) -> dict:
    """Propose changes to an approved product of the producer, merged into the changes still
    waiting for the chamber."""

    def call() -> ProductRevision:
        user = signed_in(info)
        revised = object_of(products_of_member(user=user), product, "Product", field="product")
        changes = revision_changes(input)
        if not changes:
            # The service checks who asks, then refuses an empty proposal (NO_CHANGES).
            return product_revision_propose(user=user, product=revised, changes=changes)
        with transaction.atomic():
            return reviewed_changes_propose(
                user=user, product=revised, changes=changes, replaces=tuple(changes)
            )

    revision, errors = service_call(call)
    return {"revision": revision, "errors": errors}


def product_revision_withdraw_resolve(root, info, product: str) -> dict:
    """Take back the product's changes still waiting for the chamber."""

    def call() -> ProductRevision:
        user = signed_in(info)
        revised = object_of(products_of_member(user=user), product, "Product", field="product")
        return product_revision_withdraw(user=user, product=revised)

    revision, errors = service_call(call)
    return {"revision": revision, "errors": errors}


def revision_decide_resolve(root, info, id: str, approved: bool, reason: str = "") -> dict:
    """Approve a revision (its changes go on sale) or refuse it with a reason the producer
    reads (the approved version stays)."""

    def call() -> ProductRevision:
        user = signed_in(info)
        revision = object_of(revisions_for_reviewer(user=user), id, "ProductRevision", field="id")
        return revision_decide(user=user, revision=revision, approved=approved, reason=reason or "")

    revision, errors = service_call(call)
    return {"revision": revision, "errors": errors}
