"""Links the shop's emails lead to: always at the public address, never at the request's Host
header."""

from django.conf import settings
from django.urls import reverse

from shop.accounts.emails import LinkBuilder
from shop.accounts.models import User


def token_page_link(view_name: str) -> LinkBuilder:
    """The emailed link to the shop page `view_name`, which takes the token in its path."""

    def link(user: User, token: str) -> str:
        return f"{settings.PUBLIC_URL}{reverse(view_name, kwargs={'token': token})}"

    return link
