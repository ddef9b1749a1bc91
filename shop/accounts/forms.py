"""Django's sign-in forms (the shop's login page, the admin's), their tries limited as the API's
tokenCreate are (shop.accounts.limits.user_authenticate): one rule for every way in."""

from django.contrib.admin.forms import AdminAuthenticationForm

from shop.accounts.limits import user_authenticate
from shop.client_address import client_ip


class LimitedSignInMixin:
    """For a subclass of Django's AuthenticationForm: the email and password are checked by
    user_authenticate, which counts the tries per email and per client address and refuses
    them for a while past the limit (a form error, LOGIN_ATTEMPT_DELAYED)."""

    def clean(self) -> dict:
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            self.user_cache = user_authenticate(
                email=email, password=password, client_address=client_ip(self.request)
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class AdminSignInForm(LimitedSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in, counted with the shop's: a guess there counts against the same
    email and client address as on the login page or through the API."""
