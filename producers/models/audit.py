"""The append-only log of every decision and state change on producers, products and claims."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what to which item, from which state to which, and why.

    Rows are never updated or deleted: a database trigger refuses it (migration 0004), so not even
    the admin or a shell can rewrite history.
    """

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(
        _("action"), max_length=80, help_text=_("Dotted name, e.g. producers.product.approved.")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        help_text=_("Empty for the shop's own scheduled jobs."),
    )
    actor_label = models.CharField(_("who (as shown then)"), max_length=254, blank=True)
    producer = models.ForeignKey(
        "producers.Producer",
        on_delete=models.PROTECT,
        related_name="audit_entries",
        verbose_name=_("producer"),
    )
    chamber = models.ForeignKey(
        "producers.Chamber",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("chamber"),
    )
    target_type = models.CharField(_("item type"), max_length=60)
    target_id = models.PositiveBigIntegerField(_("item id"))
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ("created_at", "id")
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="producers_audit_target"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"
