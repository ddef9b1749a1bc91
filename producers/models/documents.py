"""What a producer uploads about itself: private documents (registration, label certificates) and
the public photos of its page."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models.label import private_storage
from catalogue.models.translations import TranslatableModel
from producers.models.producer import Producer


class DocumentKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration proof (Kbis, RNE or MSA extract)")
    LABEL_CERTIFICATE = "label_certificate", _("Label certificate")


class ProducerDocument(models.Model):
    """A proof kept in the private storage: only the producer's members, its chamber's reviewers
    and the brand team may open it (producers.permissions.document_viewer_require)."""

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="documents", verbose_name=_("producer")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="producer-documents/%Y/%m/"
    )
    content_type = models.CharField(_("file type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("producer document")
        verbose_name_plural = _("producer documents")
        ordering = ("producer", "-created_at", "-id")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="producers_document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class ProducerPhoto(TranslatableModel):
    """A photo of the farm or workshop for the producer's page, stored re-encoded."""

    TRANSLATED_FIELDS = ("alt",)

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="photos", verbose_name=_("producer")
    )
    image = models.FileField(_("image"), upload_to="producers/%Y/%m/")
    alt = models.CharField(_("alternative text"), max_length=250, blank=True)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("producer photo")
        verbose_name_plural = _("producer photos")
        ordering = ("producer", "position", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(width__gt=0, height__gt=0), name="producers_photo_has_size"
            ),
        ]

    def __str__(self) -> str:
        return self.alt or self.image.name
