"""Proposed changes to the reviewed fields of an approved product, and routing overrides."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    SUPERSEDED = "superseded", _("Replaced by a newer proposal")
    WITHDRAWN = "withdrawn", _("Withdrawn by the producer")


class ProductRevision(models.Model):
    """A change to the reviewed fields of an approved product (see producers.review_fields).

    The approved version stays on sale while the revision waits; approving it applies `changes`.
    """

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("product"),
    )
    changes = models.JSONField(_("proposed changes"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("product revision")
        verbose_name_plural = _("product revisions")
        ordering = ("created_at", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RevisionStatus.values),
                name="producers_revision_status_valid",
            ),
            models.UniqueConstraint(
                fields=["product"],
                condition=Q(status="pending"),
                name="producers_revision_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} ({self.get_status_display()})"


class ProductRoute(models.Model):
    """A product the brand team sent to another chamber than its producer's."""

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="review_route",
        verbose_name=_("product"),
    )
    chamber = models.ForeignKey(
        "producers.Chamber",
        on_delete=models.PROTECT,
        related_name="routed_products",
        verbose_name=_("chamber"),
    )

    class Meta:
        verbose_name = _("product routing")
        verbose_name_plural = _("product routings")

    def __str__(self) -> str:
        return f"{self.product} → {self.chamber}"


class ClaimExpiryWarning(models.Model):
    """The warning sent before a proof expires: one per claim and expiry date, never two."""

    claim = models.ForeignKey(
        "catalogue.LabelClaim",
        on_delete=models.CASCADE,
        related_name="expiry_warnings",
        verbose_name=_("label claim"),
    )
    valid_until = models.DateField(_("expiry date warned of"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("expiry warning")
        verbose_name_plural = _("expiry warnings")
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "valid_until"], name="producers_expiry_warning_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.valid_until}"
