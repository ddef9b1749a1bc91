"""Changing the sign-in email: the profile page's form, then the link's page at the new
address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.accounts.email_change import (
    email_change_confirm,
    email_change_pending,
    email_change_request,
)
from shop.storefront.forms_account import EmailChangeForm
from shop.storefront.links import token_page_link
from shop.storefront.views.profile import profile_page

CONFIRMATION_LINK = token_page_link("storefront:account_email_confirm")


@login_required
@require_POST
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST)
    if form.is_valid():
        try:
            email_change_request(
                user=request.user,
                new_email=form.cleaned_data["new_email"],
                password=form.cleaned_data["password"],
                link=CONFIRMATION_LINK,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.info(
                request,
                _("We sent a link to %(email)s: open it to confirm your new email.")
                % {"email": form.cleaned_data["new_email"]},
            )
            return redirect("storefront:account_profile")
    return profile_page(request, email=form)


def _confirm_page(request: HttpRequest, new_email: str | None, errors=()) -> HttpResponse:
    context = {"new_email": new_email, "errors": errors}
    status = 200 if new_email else 400
    return render(request, "storefront/account/email_confirm.html", context, status=status)


@login_required
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link's page: the new address, then "Confirm" (POST)."""
    if request.method != "POST":
        return _confirm_page(request, email_change_pending(user=request.user, token=token))
    try:
        user = email_change_confirm(user=request.user, token=token)
    except ValidationError as error:
        return _confirm_page(request, None, error.messages)
    messages.success(request, _("You now sign in with %(email)s.") % {"email": user.email})
    return redirect("storefront:account_profile")
