"""The back office's forms for payments: a refund per line, the ledger's period."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from shop.orders.models import Order


class RefundForm(forms.Form):
    """One quantity per order line still refundable, one box per group shipping, a reason."""

    reason = forms.CharField(label=_("Reason"), max_length=250, required=False)

    def __init__(self, *args, order: Order, remaining: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.line_fields: list[str] = []
        self.shipping_fields: list[str] = []
        for line in order.lines.select_related("group__seller"):
            name = f"line_{line.pk}"
            self.fields[name] = forms.IntegerField(
                label=f"{line.group.seller} — {line} ({line.unit_price} €)",
                min_value=0,
                max_value=remaining.get(line.pk, 0),
                initial=0,
            )
            self.line_fields.append(name)
        for group in order.groups.select_related("seller"):
            if group.shipping_paid > 0:
                name = f"shipping_{group.pk}"
                self.fields[name] = forms.BooleanField(
                    label=_("Shipping of %(seller)s (%(price)s €)")
                    % {"seller": group.seller, "price": group.shipping_paid},
                    required=False,
                )
                self.shipping_fields.append(name)

    def quantities(self) -> dict[int, int]:
        return {int(name[5:]): self.cleaned_data[name] for name in self.line_fields}

    def shipping_groups(self) -> set[int]:
        return {int(name[9:]) for name in self.shipping_fields if self.cleaned_data[name]}


class LedgerForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            raise ValidationError(_("The period ends before it starts."))
        return data
