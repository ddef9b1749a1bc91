"""Key-value metadata that clients and the brand team attach to the shop's objects, as Saleor's
`ObjectWithMetadata`: public (anyone who sees the object reads it) and private (the staff only).

This module depends on Django alone, so every room's models can carry metadata."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelWithMetadata(models.Model):
    """A model with public and private metadata: string keys to string values.

    Beside the staff, the users that the lookup `METADATA_OWNER_FIELD` leads to from a row
    (`"user_id"`, `"order__user_id"`, `"product__seller__producer__members"`) write its public
    metadata; with `METADATA_OPEN_UNOWNED`, a row that lookup leads to no one is open to whoever
    holds it (a guest's checkout, reached by its secret token).
    """

    METADATA_OWNER_FIELD: ClassVar[str | None] = None
    METADATA_OPEN_UNOWNED: ClassVar[bool] = False

    # Written only through catalogue.metadata.services (validated, under a row lock), not forms.
    metadata = models.JSONField(_("metadata"), default=dict, blank=True, editable=False)
    private_metadata = models.JSONField(
        _("private metadata"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True
