"""The brand team's promo codes: list with their uses, search by code, the name's translations."""

from decimal import Decimal

from django.contrib import admin
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from catalogue.admin.translations import TranslatedAdmin, translated_form_for
from shop.discounts.models import Voucher, VoucherKind, code_normalise
from shop.discounts.selectors import vouchers_with_use_counts


class VoucherForm(translated_form_for(Voucher)):
    def clean_code(self) -> str:
        return code_normalise(self.cleaned_data["code"])


@admin.register(Voucher)
class VoucherAdmin(TranslatedAdmin):
    list_display = (
        "code",
        "name",
        "kind",
        "value_display",
        "valid_from",
        "valid_until",
        "is_active",
        "use_count",
        "usage_limit",
    )
    list_filter = ("is_active", "kind", "once_per_email", "campaign")
    search_fields = ("code", "name")
    readonly_fields = ("use_count", "created_at")
    autocomplete_fields = ("campaign",)
    date_hierarchy = "valid_from"

    def __init__(self, model, admin_site) -> None:
        super().__init__(model, admin_site)
        self.form = VoucherForm

    def get_queryset(self, request):
        return vouchers_with_use_counts()

    @admin.display(description=_("uses"), ordering="use_count")
    def use_count(self, voucher: Voucher) -> int:
        """Orders placed with the code, neither cancelled nor expired."""
        return getattr(voucher, "use_count", 0)

    @admin.display(description=_("value"))
    def value_display(self, voucher: Voucher) -> str:
        if voucher.kind == VoucherKind.PERCENTAGE:
            return f"{voucher.value} %"
        if voucher.kind == VoucherKind.FIXED:
            amount = number_format(Decimal(voucher.value) / 100, decimal_pos=2, use_l10n=True)
            return f"{amount} €"
        return "—"
