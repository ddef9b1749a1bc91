import pytest
from django.core.exceptions import PermissionDenied

from producers.models import Chamber, ChamberCode, ChamberReviewer, MemberRole, ProducerMember
from producers.permissions import document_viewer_require, member_require, reviewer_require
from tests.factories import make_producer, make_user

pytestmark = pytest.mark.django_db


def test_members_pass_and_only_the_owner_passes_owner_checks():
    producer = make_producer()
    owner, staff = make_user(), make_user()
    ProducerMember.objects.create(producer=producer, user=owner, role=MemberRole.OWNER)
    ProducerMember.objects.create(producer=producer, user=staff, role=MemberRole.STAFF)

    assert member_require(user=owner, producer=producer, owner=True).role == MemberRole.OWNER
    assert member_require(user=staff, producer=producer).role == MemberRole.STAFF
    with pytest.raises(PermissionDenied):
        member_require(user=staff, producer=producer, owner=True)


def test_a_member_of_another_producer_is_refused():
    producer, other = make_producer(), make_producer()
    user = make_user()
    ProducerMember.objects.create(producer=other, user=user, role=MemberRole.OWNER)

    with pytest.raises(PermissionDenied):
        member_require(user=user, producer=producer)
    with pytest.raises(PermissionDenied):
        document_viewer_require(user=user, producer=producer)


def test_reviewers_act_for_their_own_chamber_only_and_the_brand_team_for_all():
    cma = Chamber.objects.get(code=ChamberCode.CMA)
    agriculture = Chamber.objects.get(code=ChamberCode.AGRICULTURE)
    reviewer = make_user()
    ChamberReviewer.objects.create(chamber=cma, user=reviewer)

    reviewer_require(user=reviewer, chamber=cma)
    with pytest.raises(PermissionDenied):
        reviewer_require(user=reviewer, chamber=agriculture)
    reviewer_require(user=make_user(is_staff=True), chamber=agriculture)


def test_documents_open_to_members_the_chamber_and_the_brand_team_only():
    producer = make_producer()
    member, reviewer = make_user(), make_user()
    ProducerMember.objects.create(producer=producer, user=member, role=MemberRole.STAFF)
    ChamberReviewer.objects.create(chamber=producer.chamber, user=reviewer)

    for allowed in (member, reviewer, make_user(is_staff=True)):
        document_viewer_require(user=allowed, producer=producer)
    with pytest.raises(PermissionDenied):
        document_viewer_require(user=make_user(), producer=producer)


def test_a_deactivated_member_is_refused():
    producer = make_producer()
    user = make_user(is_active=False)
    ProducerMember.objects.create(producer=producer, user=user, role=MemberRole.OWNER)

    with pytest.raises(PermissionDenied):
        member_require(user=user, producer=producer)
