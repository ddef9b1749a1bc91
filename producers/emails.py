"""The emails of producers' onboarding: the sign-up confirmation and the staff invitation."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from producers.models import Producer
from shop.accounts.models import User


def _public_url(name: str, language: str, **kwargs: str) -> str:
    with translation.override(language):
        return f"{settings.PUBLIC_URL}{reverse(name, kwargs=kwargs)}"


def signup_confirmation_send(*, user: User, uidb64: str, token: str) -> None:
    """Email the link that confirms a new producer account's address and opens the account."""
    with translation.override(user.language_code):
        context = {
            "user": user,
            "url": _public_url(
                "portal:signup_confirm", user.language_code, uidb64=uidb64, token=token
            ),
        }
        send_mail(
            subject=_("Confirm your email address — Oh my Lot ! producers"),
            message=render_to_string("producers/email/signup_confirmation.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )


def staff_invitation_send(
    *, producer: Producer, inviter: User, email: str, token: str, language: str
) -> None:
    """Email a staff invitation: the signed link lets the invited person join `producer`."""
    with translation.override(language):
        context = {
            "producer": producer,
            "inviter": inviter,
            "url": _public_url("portal:invitation_accept", language, token=token),
        }
        send_mail(
            subject=_("%(producer)s invites you to manage its listings on Oh my Lot !")
            % {"producer": producer.seller.name},
            message=render_to_string("producers/email/staff_invitation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
