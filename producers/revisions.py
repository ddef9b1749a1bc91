"""What a product revision may say, how it applies to the product, and how it compares.

Pure domain helpers used by the submission and review services and the console; the services
lock, audit and save.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.models import Category, LabelClaim, Product, ProductImage
from producers.review_errors import ReviewErrorCode
from producers.review_fields import REVIEWED_FIELDS, REVIEWED_TRANSLATED_FIELDS

_TEXT_LIMITS = {"name": 200, "description": 20_000}
_FLAGS = ("is_alcohol", "is_perishable")


def _invalid(message: str) -> ValidationError:
    return ValidationError(message, code=ReviewErrorCode.INVALID_CHANGES.value)


def _clean_text(key: str, value: Any, *, required: bool) -> str:
    if not isinstance(value, str) or len(value) > _TEXT_LIMITS[key]:
        raise _invalid(_("The proposed %(field)s is not a valid text.") % {"field": key})
    if required and not value.strip():
        raise _invalid(_("A product needs a name."))
    return value.strip()


def _clean_translations(value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise _invalid(_("Translations must be an object."))
    cleaned: dict[str, dict[str, str]] = {}
    for language, fields in value.items():
        if language not in settings.CONTENT_TRANSLATION_LANGUAGES or not isinstance(fields, dict):
            raise _invalid(
                _("Unknown translation language: %(languages)s.") % {"languages": language}
            )
        unknown = set(fields) - set(REVIEWED_TRANSLATED_FIELDS)
        if unknown:
            raise _invalid(
                _("These fields cannot be changed here: %(fields)s.")
                % {"fields": ", ".join(sorted(unknown))}
            )
        # An empty translation falls back to the French text.
        cleaned[language] = {
            key: _clean_text(key, text, required=False) for key, text in fields.items()
        }
    return cleaned


def _clean_ids(value: Any, allowed: set[int], what: str) -> list[int]:
    if not isinstance(value, list) or not all(isinstance(item, int) for item in value):
        raise _invalid(_("The proposed %(field)s must be a list of ids.") % {"field": what})
    if len(set(value)) != len(value) or not set(value) <= allowed:
        raise _invalid(_("The proposed %(field)s do not belong to this product.") % {"field": what})
    return value


def revision_changes_clean(*, product: Product, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` checked and normalised, or ValidationError (NOT_REVIEWED_FIELD for a key
    that needs no review, NO_CHANGES when empty, INVALID_CHANGES for a bad value)."""
    if not isinstance(changes, dict) or not changes:
        raise ValidationError(
            _("Propose at least one change."), code=ReviewErrorCode.NO_CHANGES.value
        )
    unknown = sorted(set(changes) - set(REVIEWED_FIELDS))
    if unknown:
        raise ValidationError(
            _("These fields are not reviewed and change without the chamber: %(fields)s.")
            % {"fields": ", ".join(unknown)},
            code=ReviewErrorCode.NOT_REVIEWED_FIELD.value,
        )
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        if key in _TEXT_LIMITS:
            cleaned[key] = _clean_text(key, value, required=key == "name")
        elif key in _FLAGS:
            if not isinstance(value, bool):
                raise _invalid(_("The proposed %(field)s must be yes or no.") % {"field": key})
            cleaned[key] = value
        elif key == "translations":
            cleaned[key] = _clean_translations(value)
        elif key == "category":
            if not isinstance(value, int) or not Category.objects.filter(pk=value).exists():
                raise _invalid(_("Choose an existing category."))
            cleaned[key] = value
        elif key == "photos":
            own = set(ProductImage.objects.filter(product=product).values_list("pk", flat=True))
            cleaned[key] = _clean_ids(value, own, key)
        else:
            own = set(LabelClaim.objects.filter(product=product).values_list("pk", flat=True))
            cleaned[key] = _clean_ids(value, own, key)
    candidate = Product.objects.get(pk=product.pk)
    _fields_set(candidate, cleaned)
    try:
        candidate.validate_constraints()
    except ValidationError as error:
        raise _invalid(" ".join(error.messages)) from error
    return cleaned


def _fields_set(product: Product, changes: dict[str, Any]) -> list[str]:
    """Set the column fields of `changes` on `product`; returns the names of those set."""
    updated = []
    for key in ("name", "description", *_FLAGS):
        if key in changes:
            setattr(product, key, changes[key])
            updated.append(key)
    if "category" in changes:
        product.category_id = changes["category"]
        updated.append("category")
    if "translations" in changes:
        merged = {
            language: dict(fields) for language, fields in (product.translations or {}).items()
        }
        for language, fields in changes["translations"].items():
            merged.setdefault(language, {}).update(fields)
        product.translations = merged
        updated.append("translations")
    return updated


def revision_changes_apply(*, product: Product, changes: dict[str, Any]) -> None:
    """Write the approved `changes` to `product`: fields, photo order (photos left out are
    deleted) and claims (claims left out are withdrawn)."""
    updated = _fields_set(product, changes)
    if updated:
        product.save(update_fields=[*updated, "updated_at"])
    if "photos" in changes:
        ProductImage.objects.filter(product=product).exclude(pk__in=changes["photos"]).delete()
        for position, image_id in enumerate(changes["photos"]):
            ProductImage.objects.filter(pk=image_id, product=product).update(
                position=position, is_published=True
            )
    if "label_claims" in changes:
        LabelClaim.objects.filter(product=product).exclude(pk__in=changes["label_claims"]).delete()


@dataclass(frozen=True)
class FieldComparison:
    """One reviewed field, as approved and as proposed, for the console's side-by-side."""

    field: str
    approved: Any
    proposed: Any

    @property
    def changed(self) -> bool:
        return self.approved != self.proposed


def revision_compare(*, product: Product, changes: dict[str, Any]) -> list[FieldComparison]:
    """The proposed fields beside their approved values (ids of photos and claims as lists)."""
    current: dict[str, Any] = {
        "name": product.name,
        "description": product.description,
        "is_alcohol": product.is_alcohol,
        "is_perishable": product.is_perishable,
        "category": product.category_id,
        "translations": {
            language: {
                key: (product.translations or {}).get(language, {}).get(key, "") for key in fields
            }
            for language, fields in changes.get("translations", {}).items()
        },
        "photos": list(product.images.order_by("position", "id").values_list("pk", flat=True)),
        "label_claims": sorted(product.label_claims.values_list("pk", flat=True)),
    }
    return [
        FieldComparison(field, current[field], changes[field])
        for field in REVIEWED_FIELDS
        if field in changes
    ]
