"""Template tags of the brand: theme tokens, logo and badges drawn inline (no extra request)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from branding import badges
from branding.theme import css_custom_properties
from catalogue.models import QualitySign

register = template.Library()


@register.simple_tag
def theme_style() -> SafeString:
    """The brand's tokens as CSS custom properties, for the page head."""
    return format_html("<style>{}</style>", css_custom_properties())


@register.simple_tag
def brand_logo(height: int = 44) -> SafeString:
    # The badge functions escape every text they write into the SVG.
    return mark_safe(badges.logo_svg(label=_("Oh my Lot ! home page"), height=height))


@register.simple_tag
def brand_mark(height: int = 40) -> SafeString:
    """The "Approuvé Oh my Lot !" mark, named as the collective brand it is."""
    label = _("Approved Oh my Lot !: a collective brand of the Lot, not an official quality sign")
    return mark_safe(badges.brand_mark_svg(label=label, height=height))


@register.simple_tag
def sign_badge(sign: QualitySign, size: int = 40) -> SafeString:
    """The round badge of an official sign, named by the sign's name in the active language."""
    svg = badges.sign_badge_svg(code=sign.code, name=sign.translated("name"), size=size)
    return mark_safe(svg)
