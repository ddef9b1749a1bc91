"""Deleting one's account ("Delete my account"): a confirmation email, then its link's page."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.accounts.erasure import (
    deletion_token_is_valid,
    user_deletion_request,
    user_erase,
    user_erasure_check,
)
from shop.storefront.links import token_page_link

CONFIRMATION_LINK = token_page_link("storefront:account_delete_confirm")


def _refused(request: HttpRequest, refusal: ValidationError) -> HttpResponse:
    """Back to the profile, where the refusal says who to turn to."""
    for message in refusal.messages:
        messages.error(request, message)
    return redirect("storefront:account_profile")


@login_required
@require_POST
def deletion_request(request: HttpRequest) -> HttpResponse:
    try:
        user_deletion_request(user=request.user, link=CONFIRMATION_LINK)
    except ValidationError as refusal:
        return _refused(request, refusal)
    messages.info(
        request,
        _("We sent a link to %(email)s: open it to confirm the deletion of your account.")
        % {"email": request.user.email},
    )
    return redirect("storefront:account_profile")


def _confirm_page(request: HttpRequest, *, valid: bool) -> HttpResponse:
    return render(
        request,
        "storefront/account/delete_confirm.html",
        {"valid": valid},
        status=200 if valid else 400,
    )


@login_required
def deletion_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The confirmation email's page: what goes and what stays, then "Delete" (POST)."""
    try:
        user_erasure_check(user=request.user)
    except ValidationError as refusal:
        return _refused(request, refusal)
    if request.method != "POST":
        return _confirm_page(request, valid=deletion_token_is_valid(user=request.user, token=token))
    try:
        user_erase(user=request.user, token=token)
    except ValidationError:
        return _confirm_page(request, valid=False)
    logout(request)
    messages.success(request, _("Your account is deleted. Thank you for your visits."))
    return redirect("storefront:home")
