"""Forms of the chamber console: decisions, reassignment, audit export."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ReviewStatus
from producers.models import Chamber

EXPORT_MAX_DAYS = 366


class DecisionForm(forms.Form):
    """Approve, request changes or reject an application or a product."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (ReviewStatus.APPROVED, _("Approve")),
            (ReviewStatus.CHANGES_REQUESTED, _("Request changes")),
            (ReviewStatus.REJECTED, _("Reject")),
        ],
    )
    reason = forms.CharField(
        label=_("Message to the producer"),
        help_text=_("Required to request changes or reject: the producer reads it."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )


class VerdictForm(forms.Form):
    """Verify or refuse a label claim's proof; approve or refuse a revision."""

    verdict = forms.TypedChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
        choices=[("yes", _("Accept")), ("no", _("Refuse"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Required to refuse: the producer reads it."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
    )


class ReassignForm(forms.Form):
    chamber = forms.ModelChoiceField(label=_("Send to"), queryset=Chamber.objects.all())


class AuditExportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault("initial", {"start": today.replace(day=1), "end": today})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end of the period comes before its start."))
            if end - start > timedelta(days=EXPORT_MAX_DAYS):
                raise forms.ValidationError(_("Export at most one year at a time."))
        return cleaned
