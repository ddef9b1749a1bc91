"""Remembers the campaign tag a visit arrived with (`?c=<tag>`) and counts the visit."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from branding.campaigns import TAG_PARAMETER, visit_of, visit_remember
from branding.services.campaigns import campaign_visit_record

_TAG_MAX_LENGTH = 40


def _opted_out(request: HttpRequest) -> bool:
    """The browser asks not to be followed (Global Privacy Control, Do Not Track)."""
    return request.headers.get("Sec-GPC") == "1" or request.headers.get("DNT") == "1"


class CampaignTagMiddleware:
    """Placed after the session and locale middlewares."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tag = request.GET.get(TAG_PARAMETER, "")
        if tag and len(tag) <= _TAG_MAX_LENGTH and request.method == "GET":
            self._record(request, tag)
        return self.get_response(request)

    @staticmethod
    def _record(request: HttpRequest, tag: str) -> None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return  # not a page of the shop (yet: a link without its language prefix)
        seller_slug = match.kwargs.get("slug") if match.view_name == "storefront:producer" else None
        visit = campaign_visit_record(
            tag=tag,
            visit=visit_of(request.session),
            landing_path=request.path,
            seller_slug=seller_slug,
        )
        # Counting the arrival sets nothing in the browser; remembering it sets the session
        # cookie, which a visitor who opted out of being followed does not get.
        if visit is not None and not _opted_out(request):
            visit_remember(request.session, visit)
