"""The partner chambers of the Lot and their reviewer accounts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChamberCode(models.TextChoices):
    AGRICULTURE = "agriculture", _("Chambre d'Agriculture du Lot")
    CMA = "cma", _("Chambre de Métiers et de l'Artisanat du Lot")
    CCI = "cci", _("Chambre de Commerce et d'Industrie du Lot")


class Chamber(models.Model):
    """A partner chamber of the Lot that reviews producers and labelled products."""

    code = models.CharField(_("code"), max_length=16, choices=ChamberCode.choices, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    email = models.EmailField(_("email"))
    town = models.CharField(_("town"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ChamberReviewer",
        related_name="chambers",
        verbose_name=_("reviewers"),
    )

    class Meta:
        verbose_name = _("chamber")
        verbose_name_plural = _("chambers")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.short_name


class ChamberReviewer(models.Model):
    chamber = models.ForeignKey(Chamber, on_delete=models.CASCADE, verbose_name=_("chamber"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("chamber reviewer")
        verbose_name_plural = _("chamber reviewers")
        constraints = [
            models.UniqueConstraint(fields=["chamber", "user"], name="producers_reviewer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.chamber})"
