"""Who may act on a producer's items: its members, its chamber's reviewers, the brand team.

Every service of the producers room calls one of these before it reads or writes an item, so the
portal, the console, the admin and the API cannot disagree.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from producers.models import Chamber, ChamberReviewer, MemberRole, Producer, ProducerMember
from shop.accounts.models import User


def is_brand_team(user: User) -> bool:
    """The programme's own staff: they see every queue and every document."""
    return bool(user.is_active and user.is_staff)


def member_require(*, user: User, producer: Producer, owner: bool = False) -> ProducerMember:
    """The user's membership of `producer` (its owner's when `owner`), or PermissionDenied."""
    membership = ProducerMember.objects.filter(user=user, producer=producer).first()
    if membership is None or not user.is_active:
        raise PermissionDenied(_("You are not a member of this producer."))
    if owner and membership.role != MemberRole.OWNER:
        raise PermissionDenied(_("Only the producer's owner can do this."))
    return membership


def reviewer_require(*, user: User, chamber: Chamber) -> None:
    """Pass when the user reviews for `chamber` or is in the brand team, else PermissionDenied."""
    if is_brand_team(user):
        return
    if not (user.is_active and ChamberReviewer.objects.filter(user=user, chamber=chamber).exists()):
        raise PermissionDenied(_("This item is reviewed by another chamber."))


def document_viewer_require(*, user: User, producer: Producer) -> None:
    """Private documents: the producer's members, its chamber's reviewers and the brand team."""
    if ProducerMember.objects.filter(user=user, producer=producer).exists() and user.is_active:
        return
    reviewer_require(user=user, chamber=producer.chamber)
