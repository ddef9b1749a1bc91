"""Deleting one's account through the API: accountRequestDeletion emails the confirmation
link, accountDelete erases the account with its token (shop.accounts.erasure)."""

from django.core.exceptions import ValidationError

from shop.accounts.erasure import user_deletion_request, user_erase
from shop.accounts.graphql.address_book import refused, signed_in
from shop.accounts.graphql.profile import link_emailed
from shop.graphql.core.channel import channel_check


def account_request_deletion(root, info, redirect_url: str, channel=None) -> dict:
    """Email the signed-in shopper a link to `redirectUrl` that confirms the deletion; an
    account that works for the shop is refused (DELETE_STAFF_ACCOUNT)."""
    user = signed_in(info)
    channel_check(channel)
    return link_emailed(redirect_url, lambda link: user_deletion_request(user=user, link=link))


def account_delete(root, info, token: str) -> dict:
    """Erase the signed-in shopper's account with the token of the confirmation email."""
    user = signed_in(info)
    try:
        user = user_erase(user=user, token=token)
    except ValidationError as failure:
        return refused(failure)
    return {"user": user, "errors": []}
