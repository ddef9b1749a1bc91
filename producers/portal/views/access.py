"""Who is using the portal: a signed-in member of a producer, acting for the producer they
chose among theirs (remembered in the session, checked again on every request)."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from producers.member_selectors import membership_among, memberships_of
from producers.models import ProducerMember

T = TypeVar("T")

# The seller id of the producer the member chose to act for.
CHOSEN_PRODUCER = "portal_producer"


def portal_membership(request: HttpRequest) -> ProducerMember | None:
    """The membership the signed-in user acts with: of the producer they chose, while they are
    still one of its members, else of their default producer; None for a user of no producer.
    The user's memberships stay on the request for the portal's producer switcher."""
    memberships = memberships_of(user=request.user)
    request.portal_memberships = memberships
    chosen = request.session.get(CHOSEN_PRODUCER)
    membership = membership_among(memberships, seller_id=chosen) if chosen is not None else None
    if membership is None and chosen is not None:
        del request.session[CHOSEN_PRODUCER]  # no longer a member of it
    return membership or membership_among(memberships)


def portal_producer_choose(request: HttpRequest, membership: ProducerMember) -> None:
    """Act for `membership`'s producer from now on (a membership the caller has checked)."""
    request.session[CHOSEN_PRODUCER] = membership.producer.seller_id


def member_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign in first; a user who belongs to no producer yet is sent to create its profile.

    The view receives the membership of the producer the user acts for as its second argument.
    """

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        membership = portal_membership(request)
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
