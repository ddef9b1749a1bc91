"""The profile and password mutations: accountUpdate, passwordChange, requestPasswordReset and
setPassword, through the same services as the shop's "My profile" and password reset pages."""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from shop.accounts.addresses import AddressKind
from shop.accounts.emails import LinkBuilder
from shop.accounts.graphql.address_book import refused, signed_in
from shop.accounts.graphql.inputs import address_data
from shop.accounts.models import User
from shop.accounts.services import (
    password_reset_complete,
    password_reset_request,
    user_password_change,
    user_profile_update,
)
from shop.graphql.auth import ACCESS, REFRESH, token_for
from shop.graphql.core.channel import channel_check
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.mutations import ErrorValue, error
from shop.graphql.core.translations import language_of


def redirect_url_errors(redirect_url: str) -> list[ErrorValue]:
    """A typed error unless `redirect_url` is a page of this shop's public address, its scheme
    too: an emailed link with a secret token never leads elsewhere, nor in clear text to a
    shop served over HTTPS."""
    public, target = urlsplit(settings.PUBLIC_URL), urlsplit(redirect_url or "")
    if (target.scheme, target.netloc) == (public.scheme, public.netloc):
        return []
    site = f"{public.scheme}://{public.netloc}"
    message = _("The link must lead to a page of %(site)s.") % {"site": site}
    return error("redirectUrl", message, "INVALID")


def emailed_link(redirect_url: str):
    """The link of an email: `redirect_url` with the account's email and its token, as Saleor's
    storefronts read them."""

    def link(user: User, token: str) -> str:
        separator = "&" if urlsplit(redirect_url).query else "?"
        return f"{redirect_url}{separator}{urlencode({'email': user.email, 'token': token})}"

    return link


def link_emailed(redirect_url: str, send: Callable[[LinkBuilder], object]) -> dict:
    """The payload of a mutation emailing a link to `redirect_url`: the address checked, then
    `send(link)` (a service), its refusal as typed errors."""
    if errors := redirect_url_errors(redirect_url):
        return {"errors": errors}
    try:
        send(emailed_link(redirect_url))
    except ValidationError as failure:
        return refused(failure)
    return {"errors": []}


def account_update(root, info, input, customer_id=None) -> dict:
    """Change the signed-in shopper's names and language; an address given as
    `defaultShippingAddress` or `defaultBillingAddress` joins their book as that default."""
    user = signed_in(info)
    if customer_id is not None and pk_from_global_id(customer_id, "User") != user.pk:
        raise api_error(_("Other accounts are changed in the administration."), "PERMISSION_DENIED")
    addresses = {
        kind: address_data(input[f"default_{kind.value}_address"])
        for kind in AddressKind
        if input.get(f"default_{kind.value}_address") is not None
    }
    language = input.get("language_code")
    try:
        user = user_profile_update(
            user=user,
            first_name=input.get("first_name"),
            last_name=input.get("last_name"),
            language_code=language_of(language) if language else None,
            default_addresses=addresses,
            metadata={item.key: item.value for item in input.get("metadata") or []},
        )
    except ValidationError as failure:
        return refused(failure, input="metadata")
    return {"user": user, "errors": []}


def password_change(root, info, new_password: str, old_password: str | None = None) -> dict:
    """Change the signed-in shopper's password; their tokens and sessions end with it."""
    user = signed_in(info)
    try:
        user = user_password_change(
            user=user, old_password=old_password or "", new_password=new_password
        )
    except ValidationError as failure:
        return refused(failure, password="newPassword")
    return {"user": user, "errors": []}


def request_password_reset(root, info, email: str, redirect_url: str, channel=None) -> dict:
    """Email a reset link to `redirectUrl` if an account has this email; the answer is the same
    whether it has or not, a second request within the window too
    (PASSWORD_RESET_ALREADY_REQUESTED)."""
    channel_check(channel)
    return link_emailed(redirect_url, lambda link: password_reset_request(email=email, link=link))


def set_password(root, info, email: str, token: str, password: str) -> dict:
    """Choose a new password with the token of a reset email, and sign in."""
    try:
        user = password_reset_complete(email=email, token=token, password=password)
    except ValidationError as failure:
        return refused(failure)
    return {
        "token": token_for(user=user, token_type=ACCESS),
        "refresh_token": token_for(user=user, token_type=REFRESH),
        "user": user,
        "errors": [],
    }
