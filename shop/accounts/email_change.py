"""Changing the email an account signs in with: the new address confirms it by a link, the old
one is told once it is done."""

from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from shop.accounts.emails import (
    LinkBuilder,
    email_change_email_send,
    email_changed_notice_send,
)
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.limits import email_send_allow, password_check
from shop.accounts.models import AccountEvent, User
from shop.accounts.services import email_normalise, email_refusals, email_taken, link_refused

SALT = "shop.accounts.email_change"
EMAIL_CHANGED = "accounts.user.email_changed"


def email_change_request(*, user: User, new_email: str, password: str, link: LinkBuilder) -> None:
    """Email `new_email` a link that makes it `user`'s sign-in address.

    Raises ValidationError and sends nothing when the password is wrong (on `password`,
    INVALID_CREDENTIALS) or not checked after too many wrong ones (LOGIN_ATTEMPT_DELAYED), when
    the new address is malformed or another account's (on `new_email`), or when the account or
    the new address had a link within the window (on `new_email`, LOGIN_ATTEMPT_DELAYED;
    shop.accounts.limits).
    """
    password_check(
        user=user,
        password=password,
        field="password",
        message=_("The password is wrong."),
        code=AccountErrorCode.INVALID_CREDENTIALS,
    )
    new_email = email_normalise(new_email)
    if errors := email_refusals(new_email):
        raise ValidationError({"new_email": errors})
    email_send_allow(
        keys=[f"email-change:{user.pk}", f"email-change-to:{new_email}"],
        field="new_email",
        code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED,
    )
    token = signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=SALT)
    email_change_email_send(user=user, new_email=new_email, token=token, link=link)


def email_change_pending(*, user: User, token: str) -> str | None:
    """The new address `token` confirms for `user` now, else None (forged, expired, another
    account's, or used: the email it changes is no longer the account's)."""
    try:
        claim = signing.loads(token or "", salt=SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.BadSignature:
        return None
    if claim.get("user") != user.pk or claim.get("old") != user.email:
        return None
    return claim.get("new")


@transaction.atomic
def email_change_confirm(*, user: User, token: str) -> User:
    """Make the address a change link was sent to `user`'s sign-in email; once saved, the old
    address is told of the change.

    Raises ValidationError and changes nothing when the token does not confirm a change of
    this account now (on `token`, INVALID) or another account took the address meanwhile
    (on `new_email`, UNIQUE).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    new_email = email_change_pending(user=user, token=token)
    if new_email is None:
        raise link_refused()
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise ValidationError({"new_email": [email_taken()]})
    old_email, user.email = user.email, new_email
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "updated_at"])
    except IntegrityError as error:
        raise ValidationError({"new_email": [email_taken()]}) from error
    AccountEvent.objects.create(user=user, action=EMAIL_CHANGED)
    transaction.on_commit(
        partial(email_changed_notice_send, old_email=old_email, new_email=new_email)
    )
    return user
