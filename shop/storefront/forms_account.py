"""Forms of the account pages: sign-up, sign-in, password reset, profile and password change.
The rules of an account (unique email, strong password) live in shop.accounts.services."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language_info as language_info
from django.utils.translation import gettext_lazy as _

from shop.accounts.forms import LimitedSignInMixin
from shop.accounts.models import User
from shop.accounts.services import password_reset_request
from shop.storefront.forms import ServiceErrorsForm


def _email_field(label=None) -> forms.EmailField:
    return forms.EmailField(
        label=label or _("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
    )


def _password_field(label, autocomplete: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete, "required": True}),
    )


def _name_field(label, autocomplete: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


def _same_passwords(form: forms.Form, cleaned: dict, first: str, second: str) -> dict:
    """`cleaned`, after an error on the second password when it differs from the first."""
    if cleaned.get(first) and cleaned.get(second) and cleaned[first] != cleaned[second]:
        form.add_error(second, _("The two passwords differ. Type the same one twice."))
    return cleaned


class SignupForm(ServiceErrorsForm):
    """Who opens the account. The service checks that the email is free and the password strong,
    so a shopper sees the same messages here and through the API."""

    service_fields = {"password": "password1"}  # the form asks for the password twice

    email = _email_field()
    password1 = _password_field(
        _("Password"), "new-password", password_validation.password_validators_help_text_html()
    )
    password2 = _password_field(_("Password again"), "new-password")
    first_name = _name_field(_("First name (optional)"), "given-name")
    last_name = _name_field(_("Last name (optional)"), "family-name")

    def clean(self) -> dict:
        return _same_passwords(self, super().clean(), "password1", "password2")


class LoginForm(LimitedSignInMixin, auth_forms.AuthenticationForm):
    """Sign in with an email and a password; the email is matched whatever its case. Wrong
    passwords are counted and, past the limit, every try is refused for a while."""

    username = _email_field()
    password = _password_field(_("Password"), "current-password")

    error_messages = {
        "invalid_login": _(
            "This email and password do not match an account. Check them, or reset your password."
        ),
        "inactive": _("This account is disabled."),
    }

    def clean_username(self) -> str:
        # Accounts store their email in lower case (shop.accounts.services.user_register).
        return self.cleaned_data["username"].strip().lower()


def _reset_link(user: User, token: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("storefront:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.PUBLIC_URL}{path}"


class PasswordResetForm(ServiceErrorsForm, auth_forms.PasswordResetForm):
    """Ask for a reset link; the accounts' service sends it, as it does for the API, and
    refuses a request repeated too soon (save() raises ValidationError)."""

    email = _email_field()

    def save(self, **_options) -> None:
        password_reset_request(email=self.cleaned_data["email"], link=_reset_link)


class SetPasswordForm(auth_forms.SetPasswordForm):
    new_password1 = _password_field(
        _("New password"), "new-password", password_validation.password_validators_help_text_html()
    )
    new_password2 = _password_field(_("New password again"), "new-password")


class ProfileForm(ServiceErrorsForm):
    """Who the shopper is and the language the shop writes to them in."""

    first_name = _name_field(_("First name"), "given-name")
    last_name = _name_field(_("Last name"), "family-name")
    language_code = forms.ChoiceField(label=_("Language of the shop's emails"), choices=())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language_code"].choices = [
            (code, language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]


class PasswordChangeForm(ServiceErrorsForm):
    """The current password, then the new one twice; the rules are the sign-up's."""

    service_fields = {"password": "new_password1"}

    old_password = _password_field(_("Current password"), "current-password")
    new_password1 = _password_field(
        _("New password"), "new-password", password_validation.password_validators_help_text_html()
    )
    new_password2 = _password_field(_("New password again"), "new-password")

    def clean(self) -> dict:
        return _same_passwords(self, super().clean(), "new_password1", "new_password2")


class EmailChangeForm(ServiceErrorsForm):
    """The new sign-in email, and the password to prove it is the account's owner."""

    new_email = _email_field(_("New email"))
    password = _password_field(_("Password"), "current-password")
