"""The legal pages: legal notice, terms of sale, privacy and cookies, consumer mediator.

Long legal texts are written whole in each language (storefront/legal/<page>.<language>.html);
a language without its own text (Dutch, German) gets the English one, marked as English.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

LEGAL_TEXT_LANGUAGES = ("fr", "en")
FALLBACK_LANGUAGE = "en"
SECONDS_PER_DAY = 24 * 60 * 60


def legal_text_language(language: str | None = None) -> str:
    """The language a legal text is shown in: the reader's (default: the active one) when it
    is written in it, else English."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LEGAL_TEXT_LANGUAGES else FALLBACK_LANGUAGE


def legal_context(language: str) -> dict:
    """What the legal texts quote: contact, reservation time, the cookies really set."""
    return {
        "text_language": language,
        "contact_email": settings.SHOP_CONTACT_EMAIL,
        "reservation_minutes": settings.CHECKOUT_RESERVATION_MINUTES,
        # The cookies the privacy page lists are the ones the site really sets.
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_cookie_days": settings.SESSION_COOKIE_AGE // SECONDS_PER_DAY,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_cookie_days": settings.CSRF_COOKIE_AGE // SECONDS_PER_DAY,
        "messages_cookie": CookieStorage.cookie_name,
    }


def _legal_page(request: HttpRequest, name: str) -> HttpResponse:
    language = legal_text_language()
    return render(request, f"storefront/legal/{name}.{language}.html", legal_context(language))


def notice(request: HttpRequest) -> HttpResponse:
    return _legal_page(request, "notice")


def terms(request: HttpRequest) -> HttpResponse:
    return _legal_page(request, "terms")


def privacy(request: HttpRequest) -> HttpResponse:
    return _legal_page(request, "privacy")


def mediator(request: HttpRequest) -> HttpResponse:
    return _legal_page(request, "mediator")
