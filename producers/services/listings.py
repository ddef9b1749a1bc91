"""A producer's listings: products, variants, photos and label claims.

Before the chamber approves a product, every field changes at once. Once approved, the reviewed
fields (producers.review_fields) go into a pending revision through the review's
`product_revision_propose`, and the approved version stays on sale; price, stock and the other
fields change at once. Review states are never set here.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalogue.models import (
    Category,
    Product,
    ProductType,
    ReviewStatus,
    VatRate,
)
from catalogue.models.product import ALCOHOL_LABEL_THRESHOLD
from producers.error_codes import ProducerErrorCode
from producers.models import Producer, ProductRevision, RevisionStatus
from producers.permissions import member_require
from producers.review_fields import REVIEWED_FIELDS
from producers.services.submission import product_revision_propose
from shop.accounts.models import User

# Translated product texts the producer writes in English beside the French.
ENGLISH_FIELDS = ("name", "description", "ingredients", "storage", "origin")
_REVIEWED_ENGLISH = ("name", "description")
# The reviewed fields the product form holds whole (photos and claims have their own pages).
_FORM_REVIEWED_KEYS = tuple(key for key in REVIEWED_FIELDS if key not in {"photos", "label_claims"})


@dataclass(frozen=True, kw_only=True)
class ProductData:
    """A product as its producer describes it: French texts, with English beside."""

    name: str
    category_id: int
    product_type_id: int
    description: str = ""
    ingredients: str = ""
    storage: str = ""
    origin: str = ""
    net_quantity: str = ""
    english: dict[str, str] = field(default_factory=dict)
    allergens: tuple[str, ...] = ()
    vat_rate: str = "5.50"
    is_perishable: bool = False
    is_chilled: bool = False
    is_alcohol: bool = False
    alcohol_by_volume: Decimal | None = None
    is_withdrawal_excluded: bool = False


@dataclass(frozen=True)
class ProductSaved:
    """The product as saved, and the revision waiting for the chamber when one was proposed."""

    product: Product
    revision: ProductRevision | None = None


def product_producer_require(*, user: User, product: Product) -> Producer:
    """The producer selling `product` when `user` is one of its members, else PermissionDenied."""
    producer = Producer.objects.filter(seller_id=product.seller_id).first()
    if producer is None:
        raise PermissionDenied(_("You are not a member of this producer."))
    member_require(user=user, producer=producer)
    return producer


def is_live(product: Product) -> bool:
    """Approved once: reviewed fields then go through a revision."""
    return product.review_status in (ReviewStatus.APPROVED, ReviewStatus.SUSPENDED)


def _slug(name: str) -> str:
    base = slugify(name)[:180] or "produit"
    slug, suffix = base, 2
    while Product.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _english(product: Product, english: dict[str, str], keys: tuple[str, ...]) -> dict:
    """`product.translations` with the English texts of `keys` replaced (empty ones removed)."""
    translations = {lang: dict(fields) for lang, fields in (product.translations or {}).items()}
    current = translations.get("en", {})
    for key in keys:
        text = (english.get(key) or "").strip()
        if text:
            current[key] = text
        else:
            current.pop(key, None)
    translations["en"] = current
    return {lang: fields for lang, fields in translations.items() if fields}


def _direct_fields_set(product: Product, data: ProductData) -> None:
    product.product_type_id = data.product_type_id
    product.ingredients = data.ingredients.strip()
    product.storage = data.storage.strip()
    product.origin = data.origin.strip()
    product.net_quantity = data.net_quantity.strip()
    product.allergens = sorted(set(data.allergens))
    product.vat_rate = data.vat_rate
    product.is_chilled = data.is_chilled
    product.alcohol_by_volume = data.alcohol_by_volume
    product.is_withdrawal_excluded = data.is_withdrawal_excluded or data.is_perishable


def _reviewed_fields_set(product: Product, data: ProductData) -> None:
    product.name = data.name.strip()
    product.description = data.description.strip()
    product.category_id = data.category_id
    product.is_alcohol = data.is_alcohol
    product.is_perishable = data.is_perishable


def _check_references(data: ProductData) -> None:
    errors = {}
    if not Category.objects.filter(pk=data.category_id).exists():
        errors["category"] = [ValidationError(_("Choose an existing category."))]
    if not ProductType.objects.filter(pk=data.product_type_id).exists():
        errors["product_type"] = [ValidationError(_("Choose an existing kind of product."))]
    if errors:
        raise ValidationError(errors)


def _consistency_errors(product: Product) -> dict[str, list[ValidationError]]:
    """The model's constraints between flags, in words a producer can act on."""
    errors: dict[str, list[ValidationError]] = {}
    if product.is_chilled and not product.is_perishable:
        errors["is_chilled"] = [
            ValidationError(_("A product shipped chilled is perishable: tick “Perishable” too."))
        ]
    abv = product.alcohol_by_volume
    if product.is_alcohol:
        if abv is None or abv <= ALCOHOL_LABEL_THRESHOLD:
            errors["alcohol_by_volume"] = [
                ValidationError(_("Give the alcohol content of the drink, above 1.2 % vol."))
            ]
        if product.vat_rate != VatRate.STANDARD:
            errors["vat_rate"] = [ValidationError(_("Alcoholic drinks are sold at 20 % VAT."))]
    elif abv is not None and abv > ALCOHOL_LABEL_THRESHOLD:
        errors["alcohol_by_volume"] = [
            ValidationError(_("Above 1.2 % vol. a drink is alcoholic: tick “Alcoholic drink”."))
        ]
    return errors


def _full_clean(product: Product) -> None:
    errors = _consistency_errors(product)
    if errors:
        raise ValidationError(errors)
    product.full_clean(exclude=["seller", "slug", "search_vector"])


@transaction.atomic
def product_create(*, user: User, producer: Producer, data: ProductData) -> Product:
    """A new draft product of `producer`. Raises ValidationError keyed by field; nothing saved."""
    member_require(user=user, producer=producer)
    _check_references(data)
    product = Product(seller_id=producer.seller_id, review_status=ReviewStatus.DRAFT)
    _reviewed_fields_set(product, data)
    _direct_fields_set(product, data)
    product.translations = _english(product, data.english, ENGLISH_FIELDS)
    _full_clean(product)
    product.slug = _slug(product.name)
    product.save()
    return product


def _reviewed_changes(product: Product, data: ProductData) -> dict[str, Any]:
    """The reviewed fields whose desired value differs from the approved product."""
    desired = {
        "name": data.name.strip(),
        "description": data.description.strip(),
        "category": data.category_id,
        "is_alcohol": data.is_alcohol,
        "is_perishable": data.is_perishable,
    }
    approved = {
        "name": product.name,
        "description": product.description,
        "category": product.category_id,
        "is_alcohol": product.is_alcohol,
        "is_perishable": product.is_perishable,
    }
    changes = {key: value for key, value in desired.items() if value != approved[key]}
    approved_english = (product.translations or {}).get("en", {})
    english = {
        key: (data.english.get(key) or "").strip()
        for key in _REVIEWED_ENGLISH
        if (data.english.get(key) or "").strip() != approved_english.get(key, "")
    }
    if english:
        changes["translations"] = {"en": english}
    return changes


def pending_revision(*, product: Product) -> ProductRevision | None:
    """The product's revision waiting for the chamber, if any."""
    return ProductRevision.objects.filter(product=product, status=RevisionStatus.PENDING).first()


def pending_revision_locked(*, product: Product) -> ProductRevision | None:
    """The waiting revision, read under the product's row lock: a proposal built on it cannot
    lose a concurrent one's changes nor bring back a withdrawn one."""
    list(Product.objects.select_for_update().filter(pk=product.pk).values_list("pk"))
    return pending_revision(product=product)


@transaction.atomic
def reviewed_changes_propose(
    *, user: User, product: Product, changes: dict[str, Any], replaces: tuple[str, ...]
) -> ProductRevision | None:
    """Propose `changes`, keeping what a pending revision proposed for keys not in `replaces`."""
    current = pending_revision_locked(product=product)
    kept = {k: v for k, v in (current.changes if current else {}).items() if k not in replaces}
    merged = {**kept, **changes}
    if not merged:
        return None
    return product_revision_propose(user=user, product=product, changes=merged)


@transaction.atomic
def product_update(*, user: User, product: Product, data: ProductData) -> ProductSaved:
    """Change a product of the user's producer.

    Not yet approved: every field changes now (while the chamber reviews it, the reviewed fields
    are locked). Approved: the other fields change now, and the reviewed ones that differ are
    proposed to the chamber, the approved version staying on sale.
    """
    product_producer_require(user=user, product=product)
    product = Product.objects.select_for_update().get(pk=product.pk)
    _check_references(data)
    live = is_live(product)
    if live:
        changes = _reviewed_changes(product, data)
    else:
        if product.review_status == ReviewStatus.SUBMITTED and _reviewed_changes(product, data):
            raise ValidationError(
                _(
                    "The chamber is reviewing this product: its name, description, category "
                    "and flags can change once it has decided."
                ),
                code=ProducerErrorCode.NOT_EDITABLE.value,
            )
        _reviewed_fields_set(product, data)
        changes = {}
    _direct_fields_set(product, data)
    keys = (
        tuple(k for k in ENGLISH_FIELDS if k not in _REVIEWED_ENGLISH) if live else ENGLISH_FIELDS
    )
    product.translations = _english(product, data.english, keys)
    _full_clean(product)
    product.save()
    revision = None
    if live:
        revision = reviewed_changes_propose(
            user=user, product=product, changes=changes, replaces=_FORM_REVIEWED_KEYS
        )
    return ProductSaved(product=product, revision=revision)
