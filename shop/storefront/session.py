"""Which checkout a visitor is using: the one in their session, or their account's."""

from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import get_language

from shop.checkout.models import Checkout, CheckoutLine
from shop.checkout.selectors import CHECKOUT_ADDRESSES, checkout_by_token
from shop.checkout.services import checkout_create, checkout_merge
from shop.compiled_reads import CompiledRead, Placeholder

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


# The header counts the cart on every page: its reads are compiled once (shop.compiled_reads).
_quantities_by_checkout = CompiledRead(
    lambda checkout_id: CheckoutLine.objects.filter(checkout_id=checkout_id).only("quantity"),
    checkout_id=Placeholder.integer,
)
_quantities_by_token = CompiledRead(
    lambda token: CheckoutLine.objects.filter(checkout__token=token).only("quantity"),
    token=Placeholder.uuid,
)
_quantities_by_user = CompiledRead(
    lambda user_id: CheckoutLine.objects.filter(checkout__user_id=user_id).only("quantity"),
    user_id=Placeholder.integer,
)


def cart_size(request: HttpRequest) -> int:
    """How many items the visitor's cart holds (for the header): from the checkout the page
    read, else a member's or the session's lines in one query; 0 for a visitor without a cart."""
    checkout = getattr(request, _CHECKOUT_ATTRIBUTE, _UNREAD)
    if checkout is None:
        return 0
    if checkout is not _UNREAD:
        lines = _quantities_by_checkout.all(checkout_id=checkout.pk)
    elif request.user.is_authenticated:
        lines = _quantities_by_user.all(user_id=request.user.pk)
    else:
        try:
            token = UUID(str(request.session.get(CHECKOUT_SESSION_KEY)))
        except ValueError:
            return 0
        lines = _quantities_by_token.all(token=token)
    return sum(line.quantity for line in lines)


def checkout_adopt_at_login(request: HttpRequest) -> None:
    """Call right after sign-in: the guest cart of this session joins the account's cart."""
    guest = checkout_by_token(token=request.session.pop(CHECKOUT_SESSION_KEY, None))
    if guest is not None and guest.user_id is None:
        checkout_merge(source=guest, user=request.user)
