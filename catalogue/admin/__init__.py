from django import forms
from django.contrib import admin
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from catalogue.admin.translations import TranslatedAdmin, TranslatedInline
from catalogue.images import image_clean
from catalogue.metadata.admin import MetadataShownAdmin
from catalogue.models import (
    Attribute,
    AttributeValue,
    Category,
    Collection,
    CollectionProduct,
    LabelClaim,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
    QualitySign,
    Seller,
    VariantAttributeValue,
)
from catalogue.services import product_image_add


@admin.register(Seller)
class SellerAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "town", "is_selling")
    list_filter = ("kind", "is_selling")
    search_fields = ("name", "slug", "town")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Category)
class CategoryAdmin(MetadataShownAdmin, TranslatedAdmin):
    list_display = ("name", "parent", "position")
    list_select_related = ("parent",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class CollectionProductInline(admin.TabularInline):
    model = CollectionProduct
    autocomplete_fields = ("product",)
    extra = 0


@admin.register(Collection)
class CollectionAdmin(MetadataShownAdmin, TranslatedAdmin):
    list_display = ("name", "is_published")
    list_filter = ("is_published",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CollectionProductInline,)


class AttributeValueInline(TranslatedInline):
    model = AttributeValue
    extra = 0


@admin.register(Attribute)
class AttributeAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    inlines = (AttributeValueInline,)


@admin.register(ProductType)
class ProductTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "has_variants")
    filter_horizontal = ("variant_attributes",)
    search_fields = ("name",)


class VariantAttributeValueInline(admin.TabularInline):
    model = VariantAttributeValue
    extra = 0


class ProductVariantInline(admin.TabularInline):
    model = ProductVariant
    fields = ("sku", "name", "price", "weight_grams", "stock_quantity", "position")
    extra = 0
    show_change_link = True


@admin.register(ProductVariant)
class ProductVariantAdmin(MetadataShownAdmin):
    list_display = ("sku", "product", "name", "price", "stock_quantity")
    list_select_related = ("product",)
    search_fields = ("sku", "product__name")
    inlines = (VariantAttributeValueInline,)


class ProductImageInline(TranslatedInline):
    model = ProductImage
    fields = ("image", "alt", "alt_en", "position")
    readonly_fields = ("image",)
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        # New photos are added on the photo page, through the validating upload service.
        return False


class ProductImageUploadForm(forms.ModelForm):
    """Adds a photo through the catalogue service: checked by content, re-encoded."""

    upload = forms.FileField(label=_("image"))
    alt_en = forms.CharField(label=_("alternative text (en)"), max_length=250, required=False)

    class Meta:
        model = ProductImage
        fields = ("product", "upload", "alt", "alt_en")

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        image_clean(upload)
        upload.seek(0)
        return upload


@admin.register(ProductImage)
class ProductImageAdmin(TranslatedAdmin):
    list_display = ("__str__", "product", "position", "width", "height")
    list_select_related = ("product",)
    search_fields = ("product__name", "alt")
    autocomplete_fields = ("product",)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ProductImageUploadForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return ("product", "image", "width", "height") if obj else ()

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        english_alt = form.cleaned_data["alt_en"]
        return product_image_add(
            product=form.cleaned_data["product"],
            upload=form.cleaned_data["upload"],
            alt=form.cleaned_data["alt"],
            alt_translations={"en": english_alt} if english_alt else None,
        )

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        if change:
            super().save_related(request, form, formsets, change)


class ProductClaimInline(admin.TabularInline):
    model = LabelClaim
    fields = ("sign", "registry_reference", "certifier", "certificate_number", "valid_until")
    extra = 0
    show_change_link = True


@admin.register(Product)
class ProductAdmin(MetadataShownAdmin, TranslatedAdmin):
    list_display = ("name", "seller", "category", "vat_rate", "review_status", "updated_at")
    list_filter = ("review_status", "vat_rate", "is_alcohol", "is_perishable", "seller__kind")
    list_select_related = ("seller", "category")
    search_fields = ("name", "slug", "seller__name", "variants__sku")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("seller", "category")
    inlines = (ProductVariantInline, ProductImageInline, ProductClaimInline)


@admin.register(QualitySign)
class QualitySignAdmin(TranslatedAdmin):
    list_display = ("name", "code", "kind", "requires_certifier_code", "validity_years")
    list_filter = ("kind",)


@admin.register(LabelClaim)
class LabelClaimAdmin(admin.ModelAdmin):
    list_display = ("sign", "seller", "product", "certifier", "valid_until", "status")
    list_filter = ("status", "sign")
    list_select_related = ("sign", "seller", "product")
    search_fields = ("certificate_number", "registry_reference", "seller__name", "product__name")
    autocomplete_fields = ("seller", "product")
    date_hierarchy = "valid_until"
    readonly_fields = ("proof_link",)
    fieldsets = (
        (None, {"fields": ("seller", "product", "sign", "is_essential", "status")}),
        (
            _("Proof"),
            {
                "fields": (
                    "registry_reference",
                    "certifier",
                    "certifier_code",
                    "certificate_number",
                    "valid_until",
                    "proof_link",
                )
            },
        ),
    )

    @admin.display(description=_("proof document"))
    def proof_link(self, claim: LabelClaim) -> str:
        if not claim.proof:
            return "—"
        url = reverse("admin:catalogue_labelclaim_proof", args=[claim.pk])
        return format_html('<a href="{}">{}</a>', url, claim.proof.name.rsplit("/", 1)[-1])

    def get_urls(self):
        proof_view = self.admin_site.admin_view(self.proof_download)
        return [
            path("<int:pk>/proof/", proof_view, name="catalogue_labelclaim_proof"),
            *super().get_urls(),
        ]

    def proof_download(self, request: HttpRequest, pk: int) -> FileResponse:
        """Proofs are private files: only brand-team members who may view claims open them."""
        claim = get_object_or_404(LabelClaim, pk=pk)
        if not self.has_view_permission(request, claim) or not claim.proof:
            raise Http404
        return FileResponse(claim.proof.open("rb"), as_attachment=True)
