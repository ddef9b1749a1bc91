"""The field every form of the producer portal posts."""

from django import template
from django.utils.html import format_html

from producers.portal.views.access import ACTING_FOR

register = template.Library()


@register.simple_tag(takes_context=True)
def acting_for(context: template.Context) -> str:
    """A hidden field naming the producer the page is shown for (nothing on a page shown for
    none), which the portal checks against the one the member acts for when the form comes back."""
    membership = getattr(context.get("request"), "portal_acting_membership", None)
    if membership is None:
        return ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', ACTING_FOR, membership.producer.seller_id
    )
