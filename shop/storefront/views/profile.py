"""The shopper's profile ("My profile"): names, language and password."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.accounts.erasure import user_erasure_check
from shop.accounts.services import user_password_change, user_profile_update
from shop.storefront.forms_account import EmailChangeForm, PasswordChangeForm, ProfileForm


def _profile_initial(user) -> dict:
    return {name: getattr(user, name) for name in ("first_name", "last_name", "language_code")}


def _deletion_refusals(user) -> list[str]:
    """Why the account may not be deleted by its holder (who to turn to), else nothing."""
    try:
        user_erasure_check(user=user)
    except ValidationError as refusal:
        return refusal.messages
    return []


def profile_page(request: HttpRequest, **forms) -> HttpResponse:
    """The profile page with its forms: those given (bound, after a refused POST), the others
    empty; an account that works for the shop reads why it is not deleted here instead of the
    deletion's button."""
    context = {
        "profile_form": ProfileForm(initial=_profile_initial(request.user)),
        "password_form": PasswordChangeForm(),
        "email_form": EmailChangeForm(),
        "deletion_refusals": _deletion_refusals(request.user),
    }
    context.update({f"{name}_form": form for name, form in forms.items()})
    status = 400 if request.method == "POST" else 200
    return render(request, "storefront/account/profile.html", context, status=status)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, initial=_profile_initial(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            user = user_profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            with translation.override(user.language_code):
                messages.success(request, _("Your profile is saved."))
                # The page comes back in the language the shopper chose.
                return redirect(reverse("storefront:account_profile"))
    return profile_page(request, profile=form)


@login_required
@require_POST
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.POST)
    if form.is_valid():
        try:
            user = user_password_change(
                user=request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            update_session_auth_hash(request, user)  # this session stays; the others end
            messages.success(request, _("Your new password is saved."))
            return redirect("storefront:account_profile")
    return profile_page(request, password=form)
