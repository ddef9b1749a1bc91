"""The brand's emails: the campaign reminder, with its one-click unsubscribe link and headers."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from branding.models import Campaign, MarketingConsent
from catalogue.models import Product

_UNSUBSCRIBE_SALT = "branding.unsubscribe"


def unsubscribe_token(consent: MarketingConsent) -> str:
    """A signed token naming `consent`: whoever holds it may withdraw that consent, and only it."""
    return signing.dumps({"consent": consent.pk, "email": consent.email}, salt=_UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    """The consent id and email a token names, or None when it was not signed by the shop."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    consent_id, email = data.get("consent"), data.get("email")
    if not isinstance(consent_id, int) or not isinstance(email, str):
        return None
    return consent_id, email


def unsubscribe_url(consent: MarketingConsent) -> str:
    """The public address that withdraws `consent` in one click (and by RFC 8058 POST)."""
    with translation.override(consent.language_code):
        path = reverse("branding:unsubscribe", kwargs={"token": unsubscribe_token(consent)})
    return f"{settings.PUBLIC_URL}{path}"


def _public_url(view: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return f"{settings.PUBLIC_URL}{reverse(view, kwargs=kwargs)}"


def reminder_message(
    *, consent: MarketingConsent, campaign: Campaign, products: list[Product]
) -> EmailMultiAlternatives:
    """The campaign's reminder to one person, in their language, with the products to show."""
    language = consent.language_code
    unsubscribe = unsubscribe_url(consent)
    with translation.override(language):
        context = {
            "campaign": campaign,
            "headline": campaign.translated("headline", language),
            "text": campaign.translated("text", language),
            "products": [
                {
                    "name": product.translated("name", language),
                    "seller": product.seller.name,
                    "url": _public_url("storefront:product", language, slug=product.slug)
                    + f"?c={campaign.tag}",
                }
                for product in products
            ],
            "shop_url": _public_url("storefront:home", language) + f"?c={campaign.tag}",
            "unsubscribe_url": unsubscribe,
        }
        message = EmailMultiAlternatives(
            subject=_("The Lot misses you: %(headline)s") % {"headline": context["headline"]},
            body=render_to_string("branding/email/reminder.txt", context),
            to=[consent.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("branding/email/reminder.html", context), "text/html"
        )
    return message
