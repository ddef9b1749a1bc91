from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from catalogue.admin.translations import TranslatedAdmin
from producers.models import (
    AuditEntry,
    Chamber,
    ChamberReviewer,
    Producer,
    ProducerDocument,
    ProducerMember,
)
from shop.read_only_admin import ReadOnlyAdmin


class ChamberReviewerInline(admin.TabularInline):
    model = ChamberReviewer
    autocomplete_fields = ("user",)
    extra = 0


@admin.register(Chamber)
class ChamberAdmin(admin.ModelAdmin):
    list_display = ("short_name", "name", "town", "email")
    inlines = (ChamberReviewerInline,)


class ProducerMemberInline(admin.TabularInline):
    model = ProducerMember
    autocomplete_fields = ("user",)
    extra = 0


class ProducerDocumentInline(admin.TabularInline):
    """The producer's private documents, listed; each opens through the guarded download."""

    model = ProducerDocument
    fields = ("kind", "title", "content_type", "size", "created_at", "download")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, document: ProducerDocument) -> str:
        url = reverse("console:document", kwargs={"pk": document.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open"))


@admin.register(Producer)
class ProducerAdmin(TranslatedAdmin):
    list_display = ("seller", "legal_name", "siret", "activity_kind", "chamber", "town", "status")
    list_filter = ("status", "activity_kind", "chamber")
    list_select_related = ("seller", "chamber")
    search_fields = ("seller__name", "legal_name", "siret", "town")
    autocomplete_fields = ("seller",)
    inlines = (ProducerMemberInline, ProducerDocumentInline)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit log, to read only: entries are never added, changed or deleted by hand."""

    list_display = ("created_at", "action", "actor_label", "producer", "chamber", "to_state")
    list_filter = ("chamber", "action")
    list_select_related = ("producer__seller", "chamber")
    search_fields = ("action", "actor_label", "producer__seller__name", "reason")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]
