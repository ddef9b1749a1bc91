"""Forms of the brand's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NewsletterForm(forms.Form):
    """Sign up to the brand's emails: the consent box starts unticked and must be ticked."""

    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to receive the emails of Oh my Lot ! (news of the producers, the seasons' "
            "campaigns). One click unsubscribes."
        ),
        required=True,
        error_messages={"required": _("Tick the box to agree to the emails.")},
    )
