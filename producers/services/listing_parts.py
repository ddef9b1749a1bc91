"""The parts of a listing: variants (price, stock and weight change at once), photos and label
claims (reviewed: on an approved product they reach the shop once the chamber approves)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import (
    ClaimStatus,
    LabelClaim,
    Product,
    ProductImage,
    ProductVariant,
    QualitySign,
    ReviewStatus,
)
from catalogue.services import product_image_add
from producers.documents import document_clean
from producers.error_codes import ProducerErrorCode
from producers.models import ProductRevision
from producers.services.files import file_store, files_removed_on_failure
from producers.services.listings import (
    is_live,
    pending_revision_locked,
    product_producer_require,
    reviewed_changes_propose,
)
from shop.accounts.models import User


@dataclass(frozen=True, kw_only=True)
class VariantData:
    sku: str
    price: Decimal
    weight_grams: int
    stock_quantity: int
    name: str = ""
    name_en: str = ""


@dataclass(frozen=True, kw_only=True)
class ClaimData:
    sign_id: int
    registry_reference: str
    certifier: str
    certificate_number: str
    valid_until: date
    certifier_code: str = ""
    is_essential: bool = True


def _not_under_review(product: Product) -> None:
    """Photos and claims are reviewed: they stay as sent while the chamber reviews them."""
    if product.review_status == ReviewStatus.SUBMITTED:
        raise ValidationError(
            _(
                "The chamber is reviewing this product: change its photos and labels once it "
                "has decided."
            ),
            code=ProducerErrorCode.NOT_EDITABLE.value,
        )


@transaction.atomic
def variant_save(
    *, user: User, product: Product, data: VariantData, variant_id: int | None = None
) -> ProductVariant:
    """Add a variant to the product, or change one of its variants (`variant_id`); price, stock
    and weight are not reviewed and apply at once. Raises ValidationError keyed by field."""
    product_producer_require(user=user, product=product)
    if variant_id is None:
        variant = ProductVariant(product=product)
        last = product.variants.aggregate(last=Max("position"))["last"]
        variant.position = 0 if last is None else last + 1
    else:
        variant = (
            ProductVariant.objects.select_for_update()
            .filter(pk=variant_id, product=product)
            .first()
        )
        if variant is None:
            raise ValidationError(_("This variant does not exist."))
    variant.sku = data.sku.strip()
    variant.name = data.name.strip()
    variant.price = data.price
    variant.weight_grams = data.weight_grams
    variant.stock_quantity = data.stock_quantity
    english = data.name_en.strip()
    variant.translations = {"en": {"name": english}} if english else {}
    variant.full_clean()
    variant.save()
    return variant


def product_photo_add(
    *, user: User, product: Product, upload, alt: str, alt_en: str = ""
) -> tuple[ProductImage, ProductRevision | None]:
    """Add a photo (validated by content, re-encoded) with its alternative text.

    On an approved product the new photo order is proposed to the chamber, and shoppers see the
    new photo only once the chamber approves it. When a later step fails (the proposal refused,
    a constraint, the commit), the photo's file is deleted with the rest.
    """
    with files_removed_on_failure() as stored, transaction.atomic():
        product_producer_require(user=user, product=product)
        _not_under_review(product)
        if not alt.strip():
            raise ValidationError(
                {"alt": [ValidationError(_("Describe the photo for people who cannot see it."))]}
            )
        live = is_live(product)
        try:
            image = product_image_add(
                product=product,
                upload=upload,
                alt=alt.strip(),
                alt_translations={"en": alt_en.strip()} if alt_en.strip() else None,
                published=not live,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                raise
            raise ValidationError({"image": [error]}) from error
        stored.append(image.image)
        revision = None
        if live:
            order = [pk for pk in _proposed_photos(product) if pk != image.pk]
            revision = reviewed_changes_propose(
                user=user, product=product, changes={"photos": [*order, image.pk]}, replaces=()
            )
    return image, revision


def _proposed_photos(product: Product) -> list[int]:
    """The photo order the producer works from: the pending proposal's, else the approved one."""
    current = pending_revision_locked(product=product)
    if current and "photos" in current.changes:
        return list(current.changes["photos"])
    return list(product.images.order_by("position", "id").values_list("pk", flat=True))


@transaction.atomic
def product_photos_order(
    *, user: User, product: Product, image_ids: list[int]
) -> ProductRevision | None:
    """Set which photos the product shows and in which order (photos left out are removed).

    Before approval this applies at once; on an approved product it is proposed to the chamber.
    """
    product_producer_require(user=user, product=product)
    _not_under_review(product)
    own = set(product.images.values_list("pk", flat=True))
    if len(set(image_ids)) != len(image_ids) or not set(image_ids) <= own:
        raise ValidationError(_("These photos do not belong to this product."))
    if is_live(product):
        return reviewed_changes_propose(
            user=user, product=product, changes={"photos": list(image_ids)}, replaces=()
        )
    product.images.exclude(pk__in=image_ids).delete()
    for position, image_id in enumerate(image_ids):
        ProductImage.objects.filter(pk=image_id, product=product).update(position=position)
    return None


def claim_add(
    *, user: User, product: Product, data: ClaimData, proof
) -> tuple[LabelClaim, ProductRevision | None]:
    """Claim a quality sign for the product, with its proof (PDF or picture, validated by
    content, kept private). The claim waits for the chamber; on an approved product it is
    proposed in a revision. Raises ValidationError keyed by field; nothing is stored then, the
    proof's file included, however late the step that failed (the proposal, a constraint, the
    commit)."""
    with files_removed_on_failure() as stored, transaction.atomic():
        producer = product_producer_require(user=user, product=product)
        sign = QualitySign.objects.filter(pk=data.sign_id).first()
        if sign is None:
            raise ValidationError({"sign": [ValidationError(_("Choose a quality sign."))]})
        _not_under_review(product)
        if LabelClaim.objects.filter(product=product, sign=sign).exists():
            raise ValidationError(
                {"sign": [ValidationError(_("This product already claims this sign."))]}
            )
        try:
            clean = document_clean(proof)
        except ValidationError as error:
            raise ValidationError({"proof": [error]}) from error
        claim = LabelClaim(
            seller_id=producer.seller_id,
            product=product,
            sign=sign,
            registry_reference=data.registry_reference.strip(),
            certifier=data.certifier.strip(),
            certifier_code=data.certifier_code.strip().upper(),
            certificate_number=data.certificate_number.strip(),
            valid_until=data.valid_until,
            is_essential=data.is_essential,
            status=ClaimStatus.PENDING,
        )
        claim.full_clean(exclude=["proof"])
        if data.valid_until < timezone.localdate():
            raise ValidationError(
                {"valid_until": [ValidationError(_("This certificate has expired."))]}
            )
        file_store(
            field_file=claim.proof,
            name=f"{sign.code}.{clean.extension}",
            content=clean.content,
            stored=stored,
        )
        claim.save()
        revision = None
        if is_live(product):
            current = pending_revision_locked(product=product)
            kept = (
                current.changes["label_claims"]
                if current and "label_claims" in current.changes
                else list(product.label_claims.exclude(pk=claim.pk).values_list("pk", flat=True))
            )
            revision = reviewed_changes_propose(
                user=user,
                product=product,
                changes={"label_claims": sorted([*kept, claim.pk])},
                replaces=(),
            )
    return claim, revision
