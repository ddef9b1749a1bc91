"""The shopper's account: sign up, sign in and out, order history, password reset."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shop.accounts.services import user_register
from shop.orders.selectors import orders_of
from shop.storefront.forms_account import (
    LoginForm,
    PasswordResetForm,
    SetPasswordForm,
    SignupForm,
)
from shop.storefront.session import checkout_adopt_at_login

ORDERS_PER_PAGE = 20


def _safe_next(request: HttpRequest) -> str:
    """The `next` address of the request when it stays on this site, else ""."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def signup(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_register(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language_code=(get_language() or "fr").split("-")[0],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            checkout_adopt_at_login(request)
            messages.success(request, _("Welcome! Your account is ready and you are signed in."))
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "next": next_url}
    return render(request, "storefront/account/signup.html", context, status=status)


class LoginView(auth_views.LoginView):
    """Sign in by email; a guest cart joins the account's cart. An unsafe `next` is ignored."""

    template_name = "storefront/account/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        checkout_adopt_at_login(self.request)
        return response

    def form_invalid(self, form: LoginForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LogoutView(auth_views.LogoutView):
    """Sign out by POST only (a GET gets 405): a link cannot sign anyone out."""

    next_page = "storefront:home"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponseRedirect:
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


@login_required
def orders(request: HttpRequest) -> HttpResponse:
    page = Paginator(orders_of(user=request.user), ORDERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "storefront/account/orders.html", {"page": page})


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by email; the page says the same whether the account exists or not,
    and refuses a second request for the address within the window, whether it exists or not."""

    template_name = "storefront/account/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("storefront:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        try:
            form.save()
        except ValidationError as error:
            form.add_service_errors(error)
            response = self.form_invalid(form)
            response.status_code = 400
            return response
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "storefront/account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "storefront/account/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("storefront:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "storefront/account/password_reset_complete.html"
