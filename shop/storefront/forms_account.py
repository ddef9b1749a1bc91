"""Forms of the account pages: sign-up, sign-in and password reset. The rules of an account
(unique email, strong password) live in shop.accounts.services."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The service names its fields after the model; the form asks for the password twice.
SERVICE_FIELDS = {"password": "password1"}


def _email_field() -> forms.EmailField:
    return forms.EmailField(
        label=_("Email"),
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


class SignupForm(forms.Form):
    """Who opens the account. The service checks that the email is free and the password strong,
    so a shopper sees the same messages here and through the API."""

    email = _email_field()
    password1 = _password_field(
        _("Password"), "new-password", password_validation.password_validators_help_text_html()
    )
    password2 = _password_field(_("Password again"), "new-password")
    first_name = _name_field(_("First name (optional)"), "given-name")
    last_name = _name_field(_("Last name (optional)"), "family-name")

    def clean(self) -> dict:
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ. Type the same one twice."))
        return cleaned

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            name = SERVICE_FIELDS.get(field, field)
            self.add_error(name if name in self.fields else None, messages)


class LoginForm(auth_forms.AuthenticationForm):
    """Sign in with an email and a password; the email is matched whatever its case."""

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


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = _email_field()


class SetPasswordForm(auth_forms.SetPasswordForm):
    new_password1 = _password_field(
        _("New password"), "new-password", password_validation.password_validators_help_text_html()
    )
    new_password2 = _password_field(_("New password again"), "new-password")
