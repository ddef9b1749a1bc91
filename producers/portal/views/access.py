"""Who is using the portal: a signed-in member of a producer, acting for the producer they
chose among theirs (remembered in the session, checked again on every request).

Every portal form posts the producer its page was shown for (`{% acting_for %}`): a member who
switched producer in another tab since does not act for the one they did not see."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from producers.member_selectors import membership_among, memberships_of
from producers.models import MemberRole, ProducerMember

T = TypeVar("T")

# The seller id of the producer the member chose to act for.
CHOSEN_PRODUCER = "portal_producer"
# The field of every portal form: the seller id of the producer its page was shown for.
ACTING_FOR = "acting_for"
# The portal pages that only the owner of the producer acted for may open.
OWNER_PAGES = {"profile"}


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
    membership = membership or membership_among(memberships)
    request.portal_acting_membership = membership  # what the page's forms will post
    return membership


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
        return acting_for_refusal(request, membership) or view(request, membership, *args, **kwargs)

    return wrapped


def acting_for_refusal(request: HttpRequest, membership: ProducerMember) -> HttpResponse | None:
    """None when the request may act for `membership`'s producer: not a POST, or a POST from a
    page shown for it. A POST from a page shown for another producer (the member switched in
    another tab since) is refused: nothing changes and the member is sent back to the page with
    a message. A POST that names no producer is refused only to a member of several, the one
    whom it could mislead."""
    if request.method != "POST":
        return None
    sent = request.POST.get(ACTING_FOR)
    current = membership.producer
    if sent == str(current.seller_id):
        return None
    if sent is None and len(request.portal_memberships) == 1:
        return None
    shown = membership_among(request.portal_memberships, seller_id=_seller_id(sent))
    if shown is None:
        message = _(
            "Nothing was changed: this page was shown for another producer than the one you "
            "now work for, %(current)s. Check the page and send it again."
        ) % {"current": current}
    else:
        message = _(
            "Nothing was changed: this page was shown for %(shown)s, but you now work for "
            "%(current)s (chosen in another tab). Switch back to %(shown)s to do it."
        ) % {"shown": shown.producer, "current": current}
    messages.error(request, message)
    return redirect(_page_sent_from(request, membership))


def _seller_id(sent: str | None) -> int:
    try:
        return int(sent or 0)
    except ValueError:
        return 0


def _page_sent_from(request: HttpRequest, membership: ProducerMember) -> str:
    """The portal page the refused form was on (the browser's Referer), when it names no
    object of the producer it was shown for (which the one acted for now would not find) and
    `membership`, the one acted with now, may open it; else the dashboard."""
    page = request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(page, {request.get_host()}, request.is_secure()):
        parts = urlsplit(page)
        try:
            match = resolve(parts.path)
        except Resolver404:
            match = None
        may_open = match is not None and (
            match.url_name not in OWNER_PAGES or membership.role == MemberRole.OWNER
        )
        if may_open and match.namespace == "portal" and not match.kwargs:
            return parts._replace(scheme="", netloc="", fragment="").geturl()
    return "portal:dashboard"


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
