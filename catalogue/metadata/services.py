"""Writes of metadata, for every model that carries it: validated, checked against who asks, and
merged under a row lock so that concurrent writes of other keys are never lost."""

import json
from collections.abc import Callable, Iterable, Mapping

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from catalogue.metadata.checks import metadata_key_check, metadata_refusal, metadata_value_check
from catalogue.metadata.error_codes import MetadataErrorCode
from catalogue.metadata.models import ModelWithMetadata

MAX_KEYS = 100
MAX_SIZE_BYTES = 32 * 1024  # the whole object as JSON in UTF-8

Requester = AbstractBaseUser | AnonymousUser | None


def metadata_manager(*, user: Requester, model: type[ModelWithMetadata]) -> bool:
    """Whether `user` manages the metadata of `model`'s rows, public and private: the staff,
    or a user with the model's change permission."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    opts = model._meta
    return bool(user.is_staff or user.has_perm(f"{opts.app_label}.change_{opts.model_name}"))


def metadata_private_read_require(*, user: Requester, model: type[ModelWithMetadata]) -> None:
    """Pass when `user` may read the private metadata of `model`'s rows, else PermissionDenied."""
    if not metadata_manager(user=user, model=model):
        raise PermissionDenied(_("Only the staff can read private metadata."))


def metadata_write_require(*, user: Requester, instance: ModelWithMetadata, private: bool) -> None:
    """Pass when `user` may write the object's public (or `private`) metadata: a manager of its
    model, or for public metadata its owner (anyone for an unowned one the model leaves open);
    else PermissionDenied."""
    model = type(instance)
    if metadata_manager(user=user, model=model):
        return
    path = model.METADATA_OWNER_FIELD
    if not private and path is not None:
        allowed = Q(**{f"{path}__isnull": True}) if model.METADATA_OPEN_UNOWNED else Q()
        if user is not None and user.is_authenticated and user.is_active:
            allowed |= Q(**{path: user.pk})
        if allowed and model._base_manager.filter(allowed, pk=instance.pk).exists():
            return
    raise PermissionDenied(_("You may not change the metadata of this object."))


def metadata_bounds_check(merged: Mapping[str, str], field: str) -> None:
    """Refuse (ValidationError INVALID on `field`) metadata over the bounds an object's has:
    too many keys, or too large as JSON."""
    if len(merged) > MAX_KEYS:
        raise metadata_refusal(
            _("An object carries at most %(limit)d metadata keys.") % {"limit": MAX_KEYS},
            MetadataErrorCode.INVALID,
            field,
        )
    if len(json.dumps(merged, ensure_ascii=False).encode()) > MAX_SIZE_BYTES:
        raise metadata_refusal(
            _("An object's metadata takes at most %(limit)d KiB.")
            % {"limit": MAX_SIZE_BYTES // 1024},
            MetadataErrorCode.INVALID,
            field,
        )


def _items_checked(items: Mapping[str, str], field: str) -> dict[str, str]:
    return {
        metadata_key_check(key, field): metadata_value_check(value, field)
        for key, value in items.items()
    }


def metadata_items_clean(items: Mapping[str, str], field: str) -> dict[str, str]:
    """`items` as an object's new metadata stores them; refuses (ValidationError with
    MetadataErrorCode on `field`) an empty, overlong or control-character key, a non-text
    value, or more items than an object carries."""
    checked = _items_checked(items, field)
    metadata_bounds_check(checked, field)
    return checked


def _locked_change(
    *,
    instance: ModelWithMetadata,
    user: Requester,
    private: bool,
    change: Callable[[dict[str, str]], dict[str, str]],
) -> ModelWithMetadata:
    model = type(instance)
    column = "private_metadata" if private else "metadata"
    with transaction.atomic():
        rows = model._base_manager.select_for_update().filter(pk=instance.pk)
        row = rows.values(column).first()
        if row is None:
            raise metadata_refusal(
                _("This object no longer exists."), MetadataErrorCode.NOT_UPDATED, "id"
            )
        metadata_write_require(user=user, instance=instance, private=private)
        stored = row[column] if isinstance(row[column], dict) else {}
        changed = change(dict(stored))
        if changed != stored:
            rows.update(**{column: changed})
    setattr(instance, column, changed)
    return instance


def metadata_update(
    *,
    instance: ModelWithMetadata,
    items: Mapping[str, str],
    user: Requester,
    private: bool = False,
) -> ModelWithMetadata:
    """Set `items` in the object's public (or `private`) metadata, keeping its other keys.
    Refuses (ValidationError with MetadataErrorCode, nothing written) an empty, overlong or
    control-character key, a non-text value, or a result over the bounds; PermissionDenied for
    a user who may not write it."""
    checked = _items_checked(items, "input")
    if not checked:
        raise metadata_refusal(_("Give at least one key."), MetadataErrorCode.REQUIRED, "input")

    def merge(stored: dict[str, str]) -> dict[str, str]:
        merged = {**stored, **checked}
        metadata_bounds_check(merged, "input")
        return merged

    return _locked_change(instance=instance, user=user, private=private, change=merge)


def metadata_delete(
    *,
    instance: ModelWithMetadata,
    keys: Iterable[str],
    user: Requester,
    private: bool = False,
) -> ModelWithMetadata:
    """Remove `keys` from the object's public (or `private`) metadata; keys it does not carry
    are ignored. Refuses an empty key list or key (ValidationError, REQUIRED) and, with
    PermissionDenied, a user who may not write it."""
    removed = {metadata_key_check(key, "keys") for key in keys}
    if not removed:
        raise metadata_refusal(_("Give at least one key."), MetadataErrorCode.REQUIRED, "keys")

    def remove(stored: dict[str, str]) -> dict[str, str]:
        return {key: value for key, value in stored.items() if key not in removed}

    return _locked_change(instance=instance, user=user, private=private, change=remove)
