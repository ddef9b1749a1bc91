from django.contrib import admin

from catalogue.admin.translations import TranslatedAdmin
from producers.models import Chamber, ChamberReviewer, Producer, ProducerMember


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


@admin.register(Producer)
class ProducerAdmin(TranslatedAdmin):
    list_display = ("seller", "legal_name", "siret", "activity_kind", "chamber", "town", "status")
    list_filter = ("status", "activity_kind", "chamber")
    list_select_related = ("seller", "chamber")
    search_fields = ("seller__name", "legal_name", "siret", "town")
    autocomplete_fields = ("seller",)
    inlines = (ProducerMemberInline,)
