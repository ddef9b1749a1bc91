"""The right to erasure (RGPD article 17): a shopper deletes their account after confirming
by email. Their personal data goes; their orders stay, with their own copies of the addresses,
for the accounting records the law requires; an event without personal data records it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from shop.accounts.emails import LinkBuilder, deletion_email_send, deletion_token_generator
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.limits import email_send_allow
from shop.accounts.models import AccountEvent, Address, User
from shop.accounts.services import link_refused
from shop.checkout.services import checkout_delete

ERASED = "accounts.user.erased"


def erased_email(user: User) -> str:
    """The address an erased account keeps: unique, and reaching no one (.invalid)."""
    return f"erased-{user.pk}@erased.invalid"


def user_erasure_check(*, user: User) -> None:
    """Refuse (ValidationError, DELETE_STAFF_ACCOUNT) the erasure of an account that works for
    the shop: a producer's member, whose producer would be left without them, a chamber's
    reviewer or the brand team's. Each is told who to turn to first."""
    if user.is_staff:
        message = _(
            "Brand team accounts are closed by the brand team: please ask a colleague to close "
            "yours."
        )
    elif user.producers.exists():
        message = _(
            "You are a member of a producer: hand the producer over to another member, or ask "
            "the brand team to take you off it, before deleting your account."
        )
    elif user.chambers.exists():
        message = _(
            "You review for a chamber: ask the brand team to take you off its reviewers before "
            "deleting your account."
        )
    else:
        return
    raise ValidationError(message, code=AccountErrorCode.DELETE_STAFF_ACCOUNT.value)


def user_deletion_request(*, user: User, link: LinkBuilder) -> None:
    """Email `user` the link confirming the deletion of their account; refused, and nothing
    sent, for an account that works for the shop (user_erasure_check), or when a link was
    emailed within the window (LOGIN_ATTEMPT_DELAYED, shop.accounts.limits)."""
    user_erasure_check(user=user)
    email_send_allow(
        keys=[f"deletion:{user.pk}"], field=None, code=AccountErrorCode.LOGIN_ATTEMPT_DELAYED
    )
    deletion_email_send(user=user, link=link)


def deletion_token_is_valid(*, user: User, token: str) -> bool:
    """Whether `token` confirms the deletion of `user`'s active account now."""
    return user.is_active and deletion_token_generator.check_token(user, token or "")


@transaction.atomic
def user_erase(*, user: User, token: str) -> User:
    """Erase `user`'s account with the token of their confirmation email.

    The account is deactivated and can no longer sign in (its sessions and API tokens stop
    working); its email, names, address book, saved cart and metadata are erased. Orders are
    not touched. Raises ValidationError and changes nothing for an account that works for the
    shop (user_erasure_check), or (on `token`, INVALID) when the token is not this account's,
    was used or expired.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    user_erasure_check(user=user)
    if not deletion_token_is_valid(user=user, token=token):
        raise link_refused()
    book = list(user.addresses.values_list("pk", flat=True))
    checkouts = list(user.checkouts.values_list("token", flat=True))
    user.addresses.clear()
    user.email = erased_email(user)
    user.first_name = user.last_name = ""
    user.default_shipping_address = user.default_billing_address = None
    user.metadata, user.private_metadata = {}, {}
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    Address.objects.filter(pk__in=book).delete()
    for checkout in checkouts:
        checkout_delete(token=checkout)
    AccountEvent.objects.create(
        user=user, action=ERASED, data={"addresses": len(book), "checkouts": len(checkouts)}
    )
    return user
