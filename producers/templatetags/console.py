"""Template filters of the chamber console."""

from django import template

from producers.selectors import STATE_LABELS

register = template.Library()


@register.filter
def state_label(state: str) -> str:
    """A state as people read it ("changes_requested" → "Changes requested")."""
    return str(STATE_LABELS.get(state, state))
