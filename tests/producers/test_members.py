import re

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError

from producers.models import AuditEntry, MemberRole, ProducerMember
from producers.services.members import (
    invitation_token_make,
    staff_invitation_accept,
    staff_invite,
    staff_remove,
)
from tests.factories import make_member, make_producer, make_user

pytestmark = pytest.mark.django_db


def invitation_token() -> str:
    return re.search(r"/producteur/invitation/([^/]+)/", mail.outbox[-1].body).group(1)


def test_the_owner_invites_staff_by_email_with_a_signed_link(django_capture_on_commit_callbacks):
    producer = make_producer()
    owner = make_member(producer=producer)

    with django_capture_on_commit_callbacks(execute=True):
        staff_invite(user=owner, producer=producer, email="Paul@Example.org")

    assert [message.to for message in mail.outbox] == [["paul@example.org"]]
    assert producer.seller.name in mail.outbox[0].subject
    paul = make_user(email="paul@example.org")
    membership = staff_invitation_accept(user=paul, token=invitation_token())
    assert (membership.producer, membership.role) == (producer, MemberRole.STAFF)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [
        "producers.member.invited",
        "producers.member.joined",
    ]


def test_accepting_twice_keeps_one_membership():
    producer = make_producer()
    paul = make_user(email="paul@example.org")
    token = invitation_token_make(producer=producer, email="paul@example.org")

    first = staff_invitation_accept(user=paul, token=token)
    second = staff_invitation_accept(user=paul, token=token)

    assert first == second
    assert ProducerMember.objects.filter(user=paul).count() == 1


def test_staff_and_other_producers_cannot_invite(django_capture_on_commit_callbacks):
    producer = make_producer()
    staff = make_member(producer=producer, role=MemberRole.STAFF)
    other_owner = make_member(producer=make_producer())

    with django_capture_on_commit_callbacks() as callbacks:
        for user in (staff, other_owner):
            with pytest.raises(PermissionDenied):
                staff_invite(user=user, producer=producer, email="eve@example.org")

    assert callbacks == []
    assert AuditEntry.objects.count() == 0


def test_an_invitation_is_for_the_invited_address_only():
    producer = make_producer()
    token = invitation_token_make(producer=producer, email="paul@example.org")
    eve = make_user(email="eve@example.org")

    with pytest.raises(ValidationError) as error:
        staff_invitation_accept(user=eve, token=token)

    assert error.value.code == "INVALID_INVITATION"
    assert not ProducerMember.objects.filter(user=eve).exists()


def test_a_forged_or_expired_invitation_is_refused(monkeypatch):
    producer = make_producer()
    paul = make_user(email="paul@example.org")
    token = invitation_token_make(producer=producer, email="paul@example.org")
    forged = signing.dumps({"producer": producer.pk, "email": "paul@example.org"}, salt="other")
    now = signing.time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + 8 * 24 * 3600)

    for bad in (forged, token):
        with pytest.raises(ValidationError) as error:
            staff_invitation_accept(user=paul, token=bad)
        assert error.value.code == "INVALID_INVITATION"
    assert not ProducerMember.objects.filter(user=paul).exists()


def test_inviting_a_member_again_is_refused(django_capture_on_commit_callbacks):
    producer = make_producer()
    owner = make_member(producer=producer)
    make_member(producer=producer, role=MemberRole.STAFF, email="paul@example.org")

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(ValidationError) as error,
    ):
        staff_invite(user=owner, producer=producer, email="PAUL@example.org")

    assert error.value.error_dict["email"][0].code == "ALREADY_MEMBER"
    assert callbacks == []


def test_only_the_owner_removes_staff_and_the_owner_stays():
    producer = make_producer()
    owner = make_member(producer=producer)
    staff = make_member(producer=producer, role=MemberRole.STAFF)
    staff_membership = ProducerMember.objects.get(user=staff)
    owner_membership = ProducerMember.objects.get(user=owner)

    with pytest.raises(PermissionDenied):
        staff_remove(user=staff, producer=producer, member_id=owner_membership.pk)
    with pytest.raises(ValidationError):
        staff_remove(user=owner, producer=producer, member_id=owner_membership.pk)
    assert ProducerMember.objects.filter(producer=producer).count() == 2

    staff_remove(user=owner, producer=producer, member_id=staff_membership.pk)

    assert list(ProducerMember.objects.values_list("user", flat=True)) == [owner.pk]
