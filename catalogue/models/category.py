from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata
from catalogue.models.translations import TranslatableModel


class Category(TranslatableModel, ModelWithMetadata):
    """A node of the category tree (Fromages > Fromages de chèvre)."""

    TRANSLATED_FIELDS = ("name", "description")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ("position", "name")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="catalogue_category_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Collection(TranslatableModel, ModelWithMetadata):
    """A hand-picked set of products (Summer in the Lot, Christmas hampers)."""

    TRANSLATED_FIELDS = ("name", "description")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    products = models.ManyToManyField(
        "catalogue.Product",
        through="CollectionProduct",
        related_name="collections",
        verbose_name=_("products"),
    )

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, verbose_name=_("collection")
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, verbose_name=_("product")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("product of a collection")
        verbose_name_plural = _("products of a collection")
        ordering = ("position", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "product"], name="catalogue_collection_product_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.collection} / {self.product}"
