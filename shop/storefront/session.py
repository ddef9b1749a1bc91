"""Which checkout a visitor is using: the one in their session, or their account's."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language

from shop.checkout.models import Checkout, CheckoutLine
from shop.checkout.selectors import CHECKOUT_ADDRESSES, checkout_by_token
from shop.checkout.services import checkout_create, checkout_merge

CHECKOUT_SESSION_KEY = "checkout_token"
# The visitor's checkout once read in a request: the page and its header's cart share it.
_CHECKOUT_ATTRIBUTE = "_storefront_checkout"
_UNREAD = object()


def current_checkout(request: HttpRequest, *, create: bool = False) -> Checkout | None:
    """The visitor's checkout, read at most once per request; with `create`, a new one when
    they have none yet."""
    user = request.user if request.user.is_authenticated else None
    checkout = getattr(request, _CHECKOUT_ATTRIBUTE, _UNREAD)
    if checkout is _UNREAD:
        checkout = (
            Checkout.objects.filter(user=user).select_related(*CHECKOUT_ADDRESSES).first()
            if user
            else checkout_by_token(token=request.session.get(CHECKOUT_SESSION_KEY))
        )
    if checkout is None and create:
        checkout = checkout_create(user=user, language_code=get_language() or "fr")
        if user is None:
            request.session[CHECKOUT_SESSION_KEY] = str(checkout.token)
    setattr(request, _CHECKOUT_ATTRIBUTE, checkout)
    return checkout


def cart_lines(request: HttpRequest) -> QuerySet[CheckoutLine] | None:
    """The lines of the visitor's cart (for the header's count): those of the checkout the page
    read, else a member's or the session's in one query with their checkout; None for a visitor
    without a cart."""
    checkout = getattr(request, _CHECKOUT_ATTRIBUTE, _UNREAD)
    if checkout is _UNREAD:
        if request.user.is_authenticated:
            return CheckoutLine.objects.filter(checkout__user=request.user)
        try:
            token = UUID(str(request.session.get(CHECKOUT_SESSION_KEY)))
        except ValueError:
            return None
        return CheckoutLine.objects.filter(checkout__token=token)
    return checkout.lines.all() if checkout is not None else None


def checkout_adopt_at_login(request: HttpRequest) -> None:
    """Call right after sign-in: the guest cart of this session joins the account's cart."""
    guest = checkout_by_token(token=request.session.pop(CHECKOUT_SESSION_KEY, None))
    if guest is not None and guest.user_id is None:
        checkout_merge(source=guest, user=request.user)
