"""The producers' side: their profile, their application, product submissions, photos and
label claims. Each resolver calls one service, which checks the membership; files come in
multipart requests and go to the same services as the portal's uploads. A product is looked up
among the member's own (products_of_member): another producer's answers NOT_FOUND, as an ID
that names nothing does."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy

from catalogue.graphql.dataloaders import SELLER
from catalogue.models import Product, QualitySign
from producers.graphql.calls import NotFound, object_of, service_call, signed_in
from producers.graphql.dataloaders import PRODUCER
from producers.member_selectors import membership_of, memberships_of, products_of_member
from producers.models import Producer, ProducerDocument, ProducerMember
from producers.services.listing_parts import ClaimData, claim_add, product_photo_add
from producers.services.onboarding import ProducerProfileData, producer_create, producer_update
from producers.services.submission import producer_application_submit, product_submit
from shop.accounts.models import User
from shop.graphql.core.ids import pk_from_global_id, to_global_id

# The services' field names that the API spells otherwise.
CLAIM_FIELDS = {"proof": "proofDocument"}


def chosen_membership(user: User, producer: str | None) -> ProducerMember | None:
    """The membership of the producer the `producer` argument names (a Producer ID), NotFound
    when `user` is not one of its members, whether it exists or not; without the argument,
    the one they act for by default (as in the portal), None when they have none."""
    if producer is None:
        return membership_of(user=user)
    seller_id = pk_from_global_id(producer, "Producer")
    membership = membership_of(user=user, seller_id=seller_id) if seller_id is not None else None
    if membership is None:
        raise NotFound("producer")
    return membership


def own_producer(user: User, producer: str | None = None) -> Producer:
    """The producer `user` works for (`producer` names it among theirs), or PermissionDenied
    for a user of no producer."""
    membership = chosen_membership(user, producer)
    if membership is None:
        raise PermissionDenied(gettext_lazy("You are not a member of this producer."))
    return membership.producer


def resolve_my_producer(root, info, producer: str | None = None) -> Producer | None:
    """The signed-in member's producer (`producer` names one of theirs); null for anyone else,
    and for a producer they are not a member of as for one that does not exist."""
    user = info.context.signed_in_user
    try:
        membership = chosen_membership(user, producer) if user else None
    except NotFound:
        return None
    return membership.producer if membership else None


def resolve_my_producers(root, info) -> list[Producer]:
    """Every producer the signed-in user is a member of, the default one first."""
    user = info.context.signed_in_user
    producers = [one.producer for one in memberships_of(user=user)] if user else []
    info.context.loaders.announce(PRODUCER, (producer.pk for producer in producers))
    info.context.loaders.announce(SELLER, (producer.seller_id for producer in producers))
    return producers


def _profile_data(input) -> ProducerProfileData:
    optional = ("website", "story", "story_en", "pickup_place", "pickup_days", "pickup_days_en")
    return ProducerProfileData(
        legal_name=input.legal_name,
        trade_name=input.trade_name,
        siret=input.siret,
        activity_kind=input.activity_kind,
        address_line=input.address_line,
        postcode=input.postcode,
        town=input.town,
        phone=input.phone,
        email=input.email,
        **{name: input.get(name) or "" for name in optional},
        shipping_methods=tuple(input.get("shipping_methods") or ()),
    )


def producer_profile_update(root, info, input, producer: str | None = None) -> dict:
    """Create the signed-in user's producer, or change the profile of the one it owns
    (`producer` names it among theirs)."""

    def call() -> Producer:
        user = signed_in(info)
        membership = chosen_membership(user, producer)
        if membership is None:
            return producer_create(user=user, data=_profile_data(input))
        return producer_update(user=user, producer=membership.producer, data=_profile_data(input))

    producer, errors = service_call(call)
    return {"producer": producer, "errors": errors}


def producer_application_submit_resolve(root, info, producer: str | None = None) -> dict:
    """Send the signed-in member's producer application (`producer` names it among theirs) to
    its chamber."""

    def call() -> Producer:
        user = signed_in(info)
        return producer_application_submit(user=user, producer=own_producer(user, producer))

    producer, errors = service_call(call)
    return {"producer": producer, "errors": errors}


def product_submit_resolve(root, info, id: str) -> dict:
    """Send one of the producer's products to the chamber."""

    def call() -> Product:
        user = signed_in(info)
        product = object_of(products_of_member(user=user), id, "Product", field="id")
        return product_submit(user=user, product=product)

    product, errors = service_call(call)
    status = product.review_status if product else None
    return {"product": product, "review_status": status, "errors": errors}


def _required(field: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code="REQUIRED")})


def _claim_proof(input, claimed: Product) -> File:
    """The certificate sent with the request, or the producer's document the input names."""
    if (input.get("proof") is None) == (input.get("proof_document") is None):
        raise _required(
            "proof", gettext_lazy("Send the certificate, or name one of your documents.")
        )
    if input.get("proof") is not None:
        return input.proof
    document = object_of(
        ProducerDocument.objects.filter(producer__seller_id=claimed.seller_id),
        input.proof_document,
        "ProducerDocument",
        field="proofDocument",
    )
    return document.file


def label_claim_add(root, info, product: str, input) -> dict:
    """Claim a quality sign for a product, proven by a certificate sent with the request or
    among the producer's documents."""

    def call():
        user = signed_in(info)
        claimed = object_of(products_of_member(user=user), product, "Product", field="product")
        proof = _claim_proof(input, claimed)
        sign = QualitySign.objects.filter(code=input.sign).first()
        data = ClaimData(
            sign_id=sign.pk if sign else 0,
            registry_reference=input.registry_reference,
            certifier=input.certifier,
            certifier_code=input.get("certifier_code") or "",
            certificate_number=input.certificate_number,
            valid_until=input.valid_until,
            is_essential=input.is_essential,
        )
        return claim_add(user=user, product=claimed, data=data, proof=proof)

    by_document = input.get("proof") is None and input.get("proof_document") is not None
    added, errors = service_call(call, fields=CLAIM_FIELDS if by_document else None)
    if added is None:
        return {"errors": errors}
    claim, revision = added
    return {
        "claim_id": to_global_id("LabelClaim", claim.pk),
        "status": claim.status,
        "revision_proposed": revision is not None,
        "errors": [],
    }


def product_media_create(root, info, input) -> dict:
    """Add a photo to one of the producer's products, as the portal does: validated by its
    content and re-encoded; on an approved product, hidden until the chamber approves."""

    def call():
        user = signed_in(info)
        product = object_of(
            products_of_member(user=user), input.product, "Product", field="product"
        )
        if input.get("image") is None:
            raise _required("image", gettext_lazy("Send the photo as a file."))
        return product_photo_add(
            user=user,
            product=product,
            upload=input.image,
            alt=input.get("alt") or "",
            alt_en=input.get("alt_en") or "",
        )

    added, errors = service_call(call)
    if added is None:
        return {"errors": errors}
    image, revision = added
    return {
        "product": image.product,
        "media": image,
        "revision_proposed": revision is not None,
        "errors": [],
    }
