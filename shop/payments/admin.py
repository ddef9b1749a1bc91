"""The brand team's payments: refunds (from the orders list), webhook events, payouts, ledger."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shop.orders.models import Order
from shop.payments.admin_forms import LedgerForm, RefundForm
from shop.payments.ledger import ledger_csv, ledger_for_period
from shop.payments.models import Payment, Refund, RefundLine, SellerPayoutSettings, WebhookEvent
from shop.payments.refunds import refund_create, refundable_quantities
from shop.read_only_admin import ReadOnlyAdmin


class RefundLineInline(admin.TabularInline):
    model = RefundLine
    fields = ("group", "line", "quantity", "amount")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("order", "amount", "gateway", "reference", "created_by", "created_at")
    search_fields = ("reference", "order__email")
    inlines = (RefundLineInline,)

    def get_urls(self):
        view = self.admin_site.admin_view(self.refund_order_view)
        return [
            path("order/<int:order_id>/", view, name="payments_refund_order"),
            *super().get_urls(),
        ]

    def refund_order_view(self, request: HttpRequest, order_id: int) -> HttpResponse:
        """Refund chosen units of each line and chosen shipping of one order."""
        if not request.user.has_perm("payments.add_refund"):
            raise PermissionDenied
        order = get_object_or_404(Order, pk=order_id)
        remaining = refundable_quantities(order=order)
        form = RefundForm(request.POST or None, order=order, remaining=remaining)
        if request.method == "POST" and form.is_valid():
            try:
                refund = refund_create(
                    order=order,
                    actor=request.user,
                    quantities=form.quantities(),
                    shipping_groups=form.shipping_groups(),
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(amount)s € refunded.") % {"amount": refund.amount})
                return redirect("admin:orders_order_change", order.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Refund order %(number)s") % {"number": order.number},
            "order": order,
            "form": form,
            "opts": self.model._meta,
        }
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "admin/payments/refund_form.html", context, status=status)


@admin.action(description=gettext_lazy("Refund in full"), permissions=["refund"])
def order_refund_whole(modeladmin, request: HttpRequest, queryset) -> None:
    for order in queryset.order_by("pk"):
        try:
            refund = refund_create(order=order, actor=request.user, reason=_("Refunded in full"))
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{order.number}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            modeladmin.message_user(
                request,
                _("%(number)s: %(amount)s € refunded.")
                % {"number": order.number, "amount": refund.amount},
            )


@admin.action(description=gettext_lazy("Refund some lines…"), permissions=["refund"])
def order_refund_lines(modeladmin, request: HttpRequest, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose one order."), messages.WARNING)
        return None
    url = reverse("admin:payments_refund_order", args=[queryset.get().pk])
    return HttpResponseRedirect(url)


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("order", "gateway", "attempt", "reference", "amount", "created_at")
    search_fields = ("reference",)


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdmin):
    list_display = ("event_type", "event_id", "outcome", "received_at")
    list_filter = ("event_type", "outcome")
    search_fields = ("event_id",)


@admin.register(SellerPayoutSettings)
class SellerPayoutSettingsAdmin(admin.ModelAdmin):
    list_display = ("seller", "commission_rate", "stripe_account_id")
    raw_id_fields = ("seller",)
    search_fields = ("seller__name",)

    def get_urls(self):
        view = self.admin_site.admin_view(self.ledger_view)
        return [path("ledger/", view, name="payments_ledger"), *super().get_urls()]

    def ledger_view(self, request: HttpRequest) -> HttpResponse:
        """What each seller is owed for a period; `?csv=1` downloads it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = LedgerForm(request.GET or None)
        ledger = ledger_for_period(**form.cleaned_data) if form.is_valid() else None
        if ledger is not None and request.GET.get("csv"):
            response = HttpResponse(ledger_csv(ledger=ledger), content_type="text/csv")
            name = f"ledger-{ledger.start}-{ledger.end}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("What each seller is owed"),
            "form": form,
            "ledger": ledger,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/payments/ledger.html", context)
