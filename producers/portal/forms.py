"""Forms of the producer portal: they parse input; the rules live in producers.services."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from producers.models import SHIPPING_METHODS, ActivityKind, DocumentKind
from producers.services.onboarding import ProducerProfileData


class ServiceErrorsMixin:
    """Show a service's ValidationError on the fields it names, the rest above the form."""

    service_fields: dict[str, str] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            name = self.service_fields.get(name, name)
            self.add_error(name if name in self.fields else None, messages)


def _text(label, *, required: bool = True, max_length: int = 200, **attrs) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=forms.TextInput(attrs=attrs)
    )


def _area(label, *, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 4}))


class SignupForm(ServiceErrorsMixin, forms.Form):
    service_fields = {"password": "password1"}

    email = forms.EmailField(
        label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    first_name = _text(_("First name"), required=False, max_length=150, autocomplete="given-name")
    last_name = _text(_("Last name"), required=False, max_length=150, autocomplete="family-name")

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ. Type the same one twice."))
        return cleaned


class ProfileForm(ServiceErrorsMixin, forms.Form):
    """The producer's identity and offer; French texts, English beside them."""

    trade_name = _text(_("Seller name (shown in the shop)"), autocomplete="organization")
    legal_name = _text(_("Legal name"))
    siret = _text(
        _("SIRET"),
        max_length=20,
        inputmode="numeric",
        autocomplete="off",
    )
    activity_kind = forms.ChoiceField(
        label=_("Activity"),
        choices=ActivityKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "It names the chamber that reviews your application: farms the Chambre "
            "d'Agriculture, artisans the CMA, traders the CCI."
        ),
    )
    address_line = _text(_("Address"), max_length=250, autocomplete="street-address")
    postcode = _text(_("Postcode"), max_length=5, inputmode="numeric", autocomplete="postal-code")
    town = _text(_("Town"), max_length=120, autocomplete="address-level2")
    phone = _text(_("Phone"), required=False, max_length=20, autocomplete="tel", type="tel")
    email = forms.EmailField(label=_("Contact email"), max_length=254)
    website = forms.URLField(label=_("Website"), required=False, max_length=200)
    story = _area(_("Your story (French)"))
    story_en = _area(_("Your story (English)"))
    pickup_place = _text(
        _("Pickup place"),
        required=False,
        max_length=250,
    )
    pickup_days = _text(_("Pickup days and hours (French)"), required=False)
    pickup_days_en = _text(_("Pickup days and hours (English)"), required=False)
    shipping_methods = forms.MultipleChoiceField(
        label=_("Shipping offered"),
        required=False,
        choices=[(method.value, method.label) for method in SHIPPING_METHODS],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["siret"].help_text = _(
            "14 digits, as on your registration extract; spaces are fine."
        )
        self.fields["pickup_place"].help_text = _("Leave empty if shoppers cannot collect orders.")

    def data_for_service(self) -> ProducerProfileData:
        data = self.cleaned_data
        return ProducerProfileData(
            **{name: data[name] for name in self.fields if name != "shipping_methods"},
            shipping_methods=tuple(data["shipping_methods"]),
        )


class DocumentForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    title = _text(_("Title (optional)"), required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF, or a photo or scan in JPEG, PNG or WebP; at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )


class PhotoForm(ServiceErrorsMixin, forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt = _text(_("Description of the photo (French)"), max_length=250)
    alt_en = _text(_("Description of the photo (English)"), required=False, max_length=250)


class InviteForm(ServiceErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"), max_length=254)


class ProducerChoiceForm(forms.Form):
    """The producer a member of several acts for, by its seller's id."""

    producer = forms.IntegerField(min_value=1, max_value=2**63 - 1)
