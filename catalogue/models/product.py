from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata
from catalogue.models.allergens import Allergen
from catalogue.models.search_vector import product_search_vector
from catalogue.models.translations import TranslatableModel

ALCOHOL_LABEL_THRESHOLD = Decimal("1.2")  # % vol. above which a drink counts as alcoholic


class VatRate(models.TextChoices):
    """French VAT rates the shop sells at: food, and everything else (alcohol, merchandise)."""

    REDUCED = "5.50", _("5.5 % (food)")
    STANDARD = "20.00", _("20 % (alcohol, confectionery, merchandise)")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class Attribute(TranslatableModel):
    """A variant axis: size, colour, weight."""

    TRANSLATED_FIELDS = ("name",)

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class AttributeValue(TranslatableModel):
    TRANSLATED_FIELDS = ("name",)

    attribute = models.ForeignKey(
        Attribute, on_delete=models.CASCADE, related_name="values", verbose_name=_("attribute")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("attribute value")
        verbose_name_plural = _("attribute values")
        ordering = ("attribute", "position", "name")
        constraints = [
            models.UniqueConstraint(
                fields=["attribute", "slug"], name="catalogue_attribute_value_slug_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attribute.name}: {self.name}"


class ProductType(models.Model):
    """The shape of a product: which attributes its variants differ by."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    has_variants = models.BooleanField(_("has variants"), default=False)
    variant_attributes = models.ManyToManyField(
        Attribute, blank=True, related_name="product_types", verbose_name=_("variant attributes")
    )

    class Meta:
        verbose_name = _("product type")
        verbose_name_plural = _("product types")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Product(TranslatableModel, ModelWithMetadata):
    """A product of one seller, with the food information EU 1169/2011 asks for."""

    TRANSLATED_FIELDS = ("name", "description", "ingredients", "storage", "origin")

    seller = models.ForeignKey(
        "catalogue.Seller",
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("seller"),
    )
    product_type = models.ForeignKey(
        ProductType,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("product type"),
    )
    category = models.ForeignKey(
        "catalogue.Category",
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("category"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    ingredients = models.TextField(_("ingredients"), blank=True)
    net_quantity = models.CharField(_("net quantity"), max_length=60, blank=True)
    storage = models.TextField(_("storage"), blank=True)
    origin = models.CharField(_("origin"), max_length=200, blank=True)
    nutrition = models.JSONField(
        _("nutrition per 100 g"), default=dict, blank=True, help_text=_("e.g. {'energy_kcal': 350}")
    )
    allergens = ArrayField(
        models.CharField(max_length=20, choices=Allergen.choices),
        verbose_name=_("allergens"),
        default=list,
        blank=True,
    )
    vat_rate = models.CharField(
        _("VAT rate"), max_length=5, choices=VatRate.choices, default=VatRate.REDUCED
    )
    is_perishable = models.BooleanField(_("perishable"), default=False)
    is_chilled = models.BooleanField(_("ships chilled"), default=False)
    is_alcohol = models.BooleanField(_("alcoholic drink"), default=False)
    alcohol_by_volume = models.DecimalField(
        _("alcohol % vol."), max_digits=4, decimal_places=1, null=True, blank=True
    )
    is_withdrawal_excluded = models.BooleanField(
        _("excluded from the 14-day withdrawal right"),
        default=False,
        help_text=_("Goods that spoil quickly, unsealed hygiene goods, personalised goods."),
    )
    review_status = models.CharField(
        _("review status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    brand_approved_at = models.DateTimeField(
        _("approved Oh my Lot ! since"),
        null=True,
        blank=True,
        help_text=_("Set when a chamber approves the product: it then carries the brand mark."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_vector = models.GeneratedField(
        expression=product_search_vector(),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector"),
    )

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ("name",)
        indexes = [
            GinIndex(fields=["search_vector"], name="catalogue_product_search"),
            # The API's lists filter on metadata: `@>` (a key's value) and `@?` (a key).
            GinIndex(
                fields=["metadata"], opclasses=["jsonb_path_ops"], name="catalogue_product_metadata"
            ),
            # The home page's "newest products" walks this index and stops after a page.
            models.Index(fields=["-created_at", "-id"], name="catalogue_product_newest"),
            # A category's products for sale, and their sellers (listing filters, counts), read
            # from the index alone rather than from the wide rows of the table.
            models.Index(
                fields=["category"],
                include=["review_status", "seller", "id"],
                name="catalogue_product_listing",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(vat_rate__in=VatRate.values), name="catalogue_product_vat_rate_valid"
            ),
            models.CheckConstraint(
                condition=Q(review_status__in=ReviewStatus.values),
                name="catalogue_product_review_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(allergens__contained_by=Allergen.values),
                name="catalogue_product_allergens_known",
            ),
            models.CheckConstraint(
                condition=Q(is_perishable=False) | Q(is_withdrawal_excluded=True),
                name="catalogue_product_perishable_excluded_from_withdrawal",
            ),
            models.CheckConstraint(
                condition=Q(is_alcohol=False, alcohol_by_volume__isnull=True)
                | Q(is_alcohol=False, alcohol_by_volume__lte=ALCOHOL_LABEL_THRESHOLD)
                | Q(
                    is_alcohol=True,
                    alcohol_by_volume__isnull=False,
                    alcohol_by_volume__gt=ALCOHOL_LABEL_THRESHOLD,
                    vat_rate=VatRate.STANDARD,
                ),
                name="catalogue_product_alcohol_consistent",
            ),
            models.CheckConstraint(
                condition=Q(is_chilled=False) | Q(is_perishable=True),
                name="catalogue_product_chilled_is_perishable",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def vat_percent(self) -> Decimal:
        return Decimal(self.vat_rate)


class ProductVariant(TranslatableModel, ModelWithMetadata):
    """What goes in the cart: a SKU with its price (tax included, EUR), weight and stock."""

    TRANSLATED_FIELDS = ("name",)

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="variants", verbose_name=_("product")
    )
    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    price = models.DecimalField(_("price incl. VAT (EUR)"), max_digits=10, decimal_places=2)
    weight_grams = models.PositiveIntegerField(_("shipping weight (g)"))
    stock_quantity = models.IntegerField(_("stock"), default=0)
    position = models.PositiveIntegerField(_("position"), default=0)
    attribute_values = models.ManyToManyField(
        AttributeValue,
        through="VariantAttributeValue",
        related_name="variants",
        blank=True,
        verbose_name=_("attribute values"),
    )

    class Meta:
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        ordering = ("product", "position", "id")
        constraints = [
            models.CheckConstraint(condition=Q(price__gt=0), name="catalogue_variant_price_pos"),
            models.CheckConstraint(
                condition=Q(weight_grams__gt=0), name="catalogue_variant_weight_pos"
            ),
            models.CheckConstraint(
                condition=Q(stock_quantity__gte=0), name="catalogue_variant_stock_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.name} — {self.name}" if self.name else self.product.name


class VariantAttributeValue(models.Model):
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE, verbose_name=_("variant"))
    attribute = models.ForeignKey(Attribute, on_delete=models.PROTECT, verbose_name=_("attribute"))
    value = models.ForeignKey(AttributeValue, on_delete=models.PROTECT, verbose_name=_("value"))

    class Meta:
        verbose_name = _("variant attribute value")
        verbose_name_plural = _("variant attribute values")
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "attribute"], name="catalogue_variant_one_value_per_attribute"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant}: {self.value}"

    def clean(self) -> None:
        super().clean()
        if self.value_id and self.attribute_id and self.value.attribute_id != self.attribute_id:
            raise ValidationError({"value": _("This value belongs to another attribute.")})
