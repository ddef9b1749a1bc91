from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata
from catalogue.models.translations import TranslatableModel


class ProductImage(TranslatableModel, ModelWithMetadata):
    """A product photo, stored re-encoded (orientation applied, metadata stripped)."""

    # The members of the product's producer write its public metadata.
    METADATA_OWNER_FIELD = "product__seller__producer__members"

    TRANSLATED_FIELDS = ("alt",)

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("product"),
    )
    image = models.FileField(_("image"), upload_to="products/%Y/%m/")
    alt = models.CharField(_("alternative text"), max_length=250, blank=True)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(
        _("shown to shoppers"),
        default=True,
        help_text=_("A photo added to an approved product waits for its chamber's approval."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("product image")
        verbose_name_plural = _("product images")
        ordering = ("product", "position", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(width__gt=0, height__gt=0), name="catalogue_image_has_size"
            ),
        ]

    def __str__(self) -> str:
        return self.alt or self.image.name


class ProductThumbnail(models.Model):
    """A WebP copy of an image whose longest side is at most `size` pixels."""

    image = models.ForeignKey(
        ProductImage,
        on_delete=models.CASCADE,
        related_name="thumbnails",
        verbose_name=_("image"),
    )
    size = models.PositiveSmallIntegerField(_("size"))
    file = models.FileField(_("file"), upload_to="thumbnails/%Y/%m/")

    class Meta:
        verbose_name = _("thumbnail")
        verbose_name_plural = _("thumbnails")
        constraints = [
            models.UniqueConstraint(fields=["image", "size"], name="catalogue_thumbnail_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.image} @{self.size}"
