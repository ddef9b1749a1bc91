"""Who is using the portal: a signed-in member of a producer."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from producers.member_selectors import membership_of

T = TypeVar("T")


def member_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign in first; a user who belongs to no producer yet is sent to create its profile.

    The view receives the membership as its second argument.
    """

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        membership = membership_of(user=request.user)
        if membership is None:
            return redirect("portal:profile")
        return view(request, membership, *args, **kwargs)

    return wrapped


def render_status(request: HttpRequest, form) -> int:
    """400 for a form sent with errors, else 200."""
    return 400 if request.method == "POST" and form.errors else 200


def error_message(error: ValidationError) -> str:
    return " ".join(error.messages)


def form_submit(form: Any, call: Callable[[dict], T]) -> tuple[bool, T | None]:
    """Call the service with the form's cleaned data once the bound form is valid; the
    ValidationError it raises lands on the form's fields. (True, result) when it went through."""
    if not form.is_bound or not form.is_valid():
        return False, None
    try:
        return True, call(form.cleaned_data)
    except ValidationError as error:
        form.add_service_errors(error)
        return False, None
