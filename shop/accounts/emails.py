"""The emails of an account, in the language the person is using the shop in."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from shop.accounts.models import User

# An emailed link: the account and its one-time token give the address to open.
LinkBuilder = Callable[[User, str], str]


class AccountDeletionTokenGenerator(PasswordResetTokenGenerator):
    """One-time, expiring tokens (PASSWORD_RESET_TIMEOUT) confirming an account's deletion; a
    password reset token does not pass for one, nor the other way round."""

    key_salt = "shop.accounts.emails.AccountDeletionTokenGenerator"


deletion_token_generator = AccountDeletionTokenGenerator()


def _send(*, to: str, template: str, **context: str) -> None:
    context = {"email": to, **context}
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
    body = render_to_string(f"accounts/email/{template}.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[to]).send()


def password_reset_email_send(*, user: User, link: LinkBuilder) -> None:
    """Email `user` a link to choose a new password (Django's password reset token)."""
    url = link(user, default_token_generator.make_token(user))
    _send(to=user.email, template="password_reset", url=url)


def deletion_email_send(*, user: User, link: LinkBuilder) -> None:
    """Email `user` the link that confirms the deletion of their account."""
    url = link(user, deletion_token_generator.make_token(user))
    _send(to=user.email, template="account_deletion", url=url)


def email_change_email_send(*, user: User, new_email: str, token: str, link: LinkBuilder) -> None:
    """Email `new_email` the link that confirms it as `user`'s new address."""
    _send(to=new_email, template="email_change", url=link(user, token))


def email_changed_notice_send(*, old_email: str, new_email: str) -> None:
    """Tell the address an account leaves that it now signs in with `new_email`, so its owner
    hears of a change they did not make (no link: only whom to write to)."""
    _send(
        to=old_email,
        template="email_changed",
        new_email=new_email,
        contact_email=settings.SHOP_CONTACT_EMAIL,
    )
