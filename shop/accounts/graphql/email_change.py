"""Changing one's sign-in email through the API: requestEmailChange emails the new address a
link, confirmEmailChange makes it the account's (shop.accounts.email_change)."""

from django.core.exceptions import ValidationError

from shop.accounts.email_change import email_change_confirm, email_change_request
from shop.accounts.graphql.address_book import refused, signed_in
from shop.accounts.graphql.profile import link_emailed
from shop.graphql.core.channel import channel_check


def request_email_change(
    root, info, new_email: str, password: str, redirect_url: str, channel=None
) -> dict:
    """Email `newEmail` a link to `redirectUrl` confirming it as the shopper's new address."""
    user = signed_in(info)
    channel_check(channel)
    payload = link_emailed(
        redirect_url,
        lambda link: email_change_request(
            user=user, new_email=new_email, password=password, link=link
        ),
    )
    return payload if payload["errors"] else {"user": user, **payload}


def confirm_email_change(root, info, token: str, channel=None) -> dict:
    """Make the address the link was sent to the signed-in shopper's sign-in email."""
    user = signed_in(info)
    channel_check(channel)
    try:
        user = email_change_confirm(user=user, token=token)
    except ValidationError as failure:
        return refused(failure)
    return {"user": user, "errors": []}
