"""The brand's pages: stall posters for producers, the newsletter form, unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from branding.campaigns import producer_landing_url, visit_of
from branding.emails import unsubscribe_token_read
from branding.forms import NewsletterForm
from branding.models import ConsentSource
from branding.posters import CONTENT_TYPES, poster_render
from branding.selectors import (
    POSTER_FORMATS,
    POSTER_SIZES,
    poster_campaigns,
    poster_links,
    poster_viewer_allowed,
    producer_for_poster,
)
from branding.services.campaigns import consent_give, consent_withdraw


def _producer_for(request: HttpRequest, seller_slug: str):
    producer = producer_for_poster(seller_slug=seller_slug)
    if producer is None:
        raise Http404("No approved producer here.")
    if not poster_viewer_allowed(user=request.user, producer=producer):
        raise PermissionDenied
    return producer


@login_required
def posters(request: HttpRequest, seller_slug: str) -> HttpResponse:
    """The producer's posters to download: the page the producer portal links to."""
    producer = _producer_for(request, seller_slug)
    context = {"producer": producer, "links": poster_links(producer=producer)}
    return render(request, "branding/posters.html", context)


@login_required
def poster(
    request: HttpRequest, seller_slug: str, tag: str, size: str, file_format: str
) -> HttpResponse:
    if size not in POSTER_SIZES or file_format not in POSTER_FORMATS:
        raise Http404("No such poster.")
    producer = _producer_for(request, seller_slug)
    campaign = poster_campaigns().filter(tag=tag).first()
    if campaign is None:
        raise Http404("No such campaign.")
    content = poster_render(
        producer_name=producer.seller.name,
        town=producer.town,
        campaign_name=campaign.translated("headline", "fr"),
        url=producer_landing_url(seller_slug=producer.seller.slug, tag=campaign.tag),
        size=size,
        file_format=file_format,
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    filename = f"oh-my-lot-{producer.seller.slug}-{campaign.tag}-{size}.{file_format}"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def newsletter(request: HttpRequest) -> HttpResponse:
    form = NewsletterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consent_give(
            email=form.cleaned_data["email"],
            language_code=get_language() or "fr",
            source=ConsentSource.NEWSLETTER,
            user=request.user,
            visit=visit_of(request.session),
        )
        messages.success(request, _("Thank you: you will hear from the Lot."))
        return redirect("storefront:home")
    status = 400 if request.method == "POST" else 200
    return render(request, "branding/newsletter.html", {"form": form}, status=status)


@csrf_exempt  # the signed token is the proof; mail clients post it without a CSRF cookie
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; POST (the button, or the mail client's one-click) unsubscribes."""
    if request.method != "POST":
        if unsubscribe_token_read(token) is None:
            return render(request, "branding/unsubscribe.html", {"invalid": True}, status=400)
        return render(request, "branding/unsubscribe.html", {"token": token})
    try:
        consent = consent_withdraw(token=token)
    except ValidationError:
        return render(request, "branding/unsubscribe.html", {"invalid": True}, status=400)
    return render(request, "branding/unsubscribe.html", {"done": True, "email": consent.email})
