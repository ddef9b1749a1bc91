"""A producer's team: the owner invites staff by email with a signed link; staff manage the
listings, stock and orders, only the owner invites or removes."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from producers import emails
from producers.audit import audit_record
from producers.error_codes import ProducerErrorCode
from producers.models import MemberRole, Producer, ProducerMember
from producers.permissions import member_require
from shop.accounts.models import User

INVITATION_SALT = "producers.members.invitation"
INVITATION_MAX_AGE_SECONDS = 7 * 24 * 3600


def _invalid_invitation() -> ValidationError:
    return ValidationError(
        _("This invitation link is not valid or has expired. Ask the producer for a new one."),
        code=ProducerErrorCode.INVALID_INVITATION.value,
    )


def invitation_token_make(*, producer: Producer, email: str) -> str:
    """A signed, timestamped token naming the producer and the invited address."""
    return signing.dumps({"producer": producer.pk, "email": email}, salt=INVITATION_SALT)


def _staff_invitation_queue(
    *, producer_id: int, inviter_id: int, email: str, language: str
) -> None:
    from producers.tasks import staff_invitation_send_task

    staff_invitation_send_task.delay(
        producer_id=producer_id, inviter_id=inviter_id, email=email, language=language
    )


@transaction.atomic
def staff_invite(*, user: User, producer: Producer, email: str, language: str = "fr") -> None:
    """The owner invites `email` to join `producer` as staff; the email leaves after commit.

    Raises PermissionDenied for anyone but the owner, ValidationError for an invalid address or
    someone who is already a member.
    """
    member_require(user=user, producer=producer, owner=True)
    email = User.objects.normalize_email(email.strip()).lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": [error]}) from error
    if ProducerMember.objects.filter(producer=producer, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": [
                    ValidationError(
                        _("This person is already in your team."),
                        code=ProducerErrorCode.ALREADY_MEMBER.value,
                    )
                ]
            }
        )
    audit_record(
        actor=user,
        action="producers.member.invited",
        producer=producer,
        target=producer,
        reason=email,
    )
    transaction.on_commit(
        lambda: _staff_invitation_queue(
            producer_id=producer.pk, inviter_id=user.pk, email=email, language=language
        ),
        robust=True,
    )


def staff_invitation_email_send(
    *, producer_id: int, inviter_id: int, email: str, language: str
) -> bool:
    """Send an invitation with a freshly signed link; False when the producer is gone."""
    producer = Producer.objects.select_related("seller").filter(pk=producer_id).first()
    inviter = User.objects.filter(pk=inviter_id).first()
    if producer is None or inviter is None:
        return False
    emails.staff_invitation_send(
        producer=producer,
        inviter=inviter,
        email=email,
        token=invitation_token_make(producer=producer, email=email),
        language=language,
    )
    return True


def invitation_read(*, token: str) -> tuple[Producer, str]:
    """The producer and the invited address behind a link, or ValidationError when it is forged
    or older than seven days."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE_SECONDS)
    except signing.BadSignature as error:
        raise _invalid_invitation() from error
    producer = Producer.objects.select_related("seller").filter(pk=payload.get("producer")).first()
    if producer is None:
        raise _invalid_invitation()
    return producer, payload.get("email", "")


@transaction.atomic
def staff_invitation_accept(*, user: User, token: str) -> ProducerMember:
    """Make the signed-in `user` a staff member of the inviting producer.

    The account's email must be the invited one. Accepting twice returns the same membership.
    """
    producer, email = invitation_read(token=token)
    if not user.is_active or user.email.lower() != email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s: sign in with that address to accept it."),
            code=ProducerErrorCode.INVALID_INVITATION.value,
            params={"email": email},
        )
    existing = ProducerMember.objects.filter(producer=producer, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            membership = ProducerMember.objects.create(
                producer=producer, user=user, role=MemberRole.STAFF
            )
    except IntegrityError:
        return ProducerMember.objects.get(producer=producer, user=user)
    audit_record(
        actor=user,
        action="producers.member.joined",
        producer=producer,
        target=membership,
        to_state=MemberRole.STAFF,
    )
    return membership


@transaction.atomic
def staff_remove(*, user: User, producer: Producer, member_id: int) -> None:
    """The owner removes a staff member; the owner cannot be removed."""
    member_require(user=user, producer=producer, owner=True)
    membership = ProducerMember.objects.filter(
        pk=member_id, producer=producer, role=MemberRole.STAFF
    ).first()
    if membership is None:
        raise ValidationError(_("This person is not in your staff."))
    audit_record(
        actor=user,
        action="producers.member.removed",
        producer=producer,
        target=membership,
        from_state=MemberRole.STAFF,
        reason=membership.user.email,
    )
    membership.delete()
