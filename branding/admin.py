"""The brand team's admin: campaigns (with a preview at any date and the campaign report),
marketing consent and attributed orders (read only)."""

from datetime import date

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from branding.models import (
    Campaign,
    MarketingConsent,
    Merchandise,
    OrderAttribution,
    ReminderDelivery,
)
from branding.selectors import campaign_for_home, campaign_report
from branding.services.merchandise import merchandise_save
from catalogue.admin import ProductImageInline, ProductVariantInline
from catalogue.admin.translations import TranslatedAdmin
from catalogue.selectors import product_cards_load


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@admin.register(Campaign)
class CampaignAdmin(TranslatedAdmin):
    list_display = ("name", "tag", "starts_on", "ends_on", "sends_reminder", "preview_link")
    list_filter = ("sends_reminder",)
    search_fields = ("name", "tag", "headline")
    prepopulated_fields = {"tag": ("name",)}
    autocomplete_fields = ("featured_products", "featured_producers")
    date_hierarchy = "starts_on"

    @admin.display(description=_("preview"))
    def preview_link(self, campaign: Campaign) -> str:
        url = reverse("admin:branding_campaign_preview")
        return format_html('<a href="{}?on={}">{}</a>', url, campaign.starts_on, _("Preview"))

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="branding_campaign_preview",
            ),
            path(
                "report/",
                self.admin_site.admin_view(self.report_view),
                name="branding_campaign_report",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        """The home page's banner as it will look on any day (?on=YYYY-MM-DD)."""
        day = _day(request.GET.get("on")) or timezone.localdate()
        home_campaign = campaign_for_home(on=day)
        if home_campaign is not None:
            product_cards_load(products=home_campaign.products)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Home page banner on %(day)s") % {"day": day.isoformat()},
            "day": day,
            "home_campaign": home_campaign,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "branding/admin/preview.html", context)

    def report_view(self, request: HttpRequest) -> HttpResponse:
        """Visits, orders and revenue per campaign and per producer."""
        per_campaign, per_seller = campaign_report()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Campaign report"),
            "per_campaign": per_campaign,
            "per_seller": per_seller,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "branding/admin/report.html", context)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the shop itself: the brand team reads them, never edits them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(MarketingConsent)
class MarketingConsentAdmin(ReadOnlyAdmin):
    list_display = ("email", "source", "language_code", "consented_at", "unsubscribed_at")
    list_filter = ("source", "language_code", ("unsubscribed_at", admin.EmptyFieldListFilter))
    search_fields = ("email",)


@admin.register(OrderAttribution)
class OrderAttributionAdmin(ReadOnlyAdmin):
    list_display = ("order", "campaign", "created_at")
    list_filter = ("campaign",)
    list_select_related = ("order", "campaign")


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(ReadOnlyAdmin):
    list_display = ("campaign", "consent", "product_count", "sent_at")
    list_filter = ("campaign",)
    list_select_related = ("campaign", "consent")


@admin.register(Merchandise)
class MerchandiseAdmin(TranslatedAdmin):
    """The programme's goods: stock per variant (size, colour), no chamber review."""

    list_display = ("name", "category", "review_status", "updated_at")
    list_filter = ("review_status", "category")
    search_fields = ("name", "slug", "variants__sku")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("category", "product_type")
    exclude = (
        "seller",
        "vat_rate",
        "is_alcohol",
        "alcohol_by_volume",
        "is_perishable",
        "is_chilled",
        "brand_approved_at",
        "allergens",
        "nutrition",
        "ingredients",
    )
    inlines = (ProductVariantInline, ProductImageInline)

    def save_model(self, request: HttpRequest, obj: Merchandise, form, change: bool) -> None:
        merchandise_save(product=obj)
