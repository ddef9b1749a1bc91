"""Helpers of the demo loader: idempotent row writes, step counts and invented identifiers."""

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

from producers.siret import siret_compose
from shop.demo.data import Text

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

M = TypeVar("M", bound=models.Model)


@dataclass
class StepCount:
    total: int = 0
    created: int = 0
    updated: int = 0

    def add(self, outcome: str) -> None:
        self.total += 1
        self.created += outcome == CREATED
        self.updated += outcome == UPDATED


@dataclass
class DemoSummary:
    """What one run did: per kind of row, how many it holds, created and updated."""

    steps: dict[str, StepCount] = field(default_factory=dict)
    pictures_added: int = 0
    proofs_added: int = 0

    @property
    def changes(self) -> int:
        """Rows created or updated and files added: zero when the demo was already loaded."""
        rows = sum(step.created + step.updated for step in self.steps.values())
        return rows + self.pictures_added + self.proofs_added


def demo_siret(serial: int) -> str:
    """An invented, Luhn-valid SIRET for the demo producer number `serial` (head office 0001x)."""
    return siret_compose(siren_stem=f"9{serial:07d}", establishment="0001")


def demo_vat_number(siret: str) -> str:
    """The French intra-community VAT number of the company with this SIRET."""
    siren = int(siret[:9])
    return f"FR{(12 + 3 * (siren % 97)) % 97:02d}{siret[:9]}"


def translations_of(**texts: Text) -> dict[str, dict[str, str]]:
    english = {name: text.en for name, text in texts.items() if text.en}
    return {"en": english} if english else {}


def _same(instance: models.Model, name: str, value: Any) -> bool:
    model_field = instance._meta.get_field(name)
    if model_field.is_relation:
        return getattr(instance, model_field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


def upsert(
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    create_only: dict[str, Any] | None = None,
) -> tuple[M, str]:
    """The row matching `lookup`, created or brought to `values`; saved only when it differs."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**{**lookup, **values, **(create_only or {})})
        instance.full_clean()
        instance.save()
        return instance, CREATED
    changed = [name for name, value in values.items() if not _same(instance, name, value)]
    if not changed:
        return instance, UNCHANGED
    for name in changed:
        setattr(instance, name, values[name])
    instance.full_clean()
    auto_now = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    instance.save(update_fields=[*changed, *auto_now])
    return instance, UPDATED
