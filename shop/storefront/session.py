"""Which checkout a visitor is using: the one in their session, or their account's."""

from django.http import HttpRequest
from django.utils.translation import get_language

from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_by_token
from shop.checkout.services import checkout_create, checkout_merge

CHECKOUT_SESSION_KEY = "checkout_token"


def current_checkout(request: HttpRequest, *, create: bool = False) -> Checkout | None:
    """The visitor's checkout; with `create`, a new one when they have none yet."""
    user = request.user if request.user.is_authenticated else None
    checkout = (
        Checkout.objects.filter(user=user).first()
        if user
        else checkout_by_token(token=request.session.get(CHECKOUT_SESSION_KEY))
    )
    if checkout is None and create:
        checkout = checkout_create(user=user, language_code=get_language() or "fr")
        if user is None:
            request.session[CHECKOUT_SESSION_KEY] = str(checkout.token)
    return checkout


def checkout_adopt_at_login(request: HttpRequest) -> None:
    """Call right after sign-in: the guest cart of this session joins the account's cart."""
    guest = checkout_by_token(token=request.session.pop(CHECKOUT_SESSION_KEY, None))
    if guest is not None and guest.user_id is None:
        checkout_merge(source=guest, user=request.user)
