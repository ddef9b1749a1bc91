import pytest
from django.db import IntegrityError, transaction

from producers.models import (
    COMPETENT_CHAMBER,
    ActivityKind,
    Chamber,
    ChamberCode,
    MemberRole,
    ProducerMember,
)
from tests.factories import make_producer, make_user

pytestmark = pytest.mark.django_db


def test_the_three_chambers_are_loaded_with_the_schema():
    assert set(Chamber.objects.values_list("code", flat=True)) == {"agriculture", "cma", "cci"}


def test_activity_kind_names_the_competent_chamber():
    assert COMPETENT_CHAMBER[ActivityKind.FARM] == ChamberCode.AGRICULTURE
    assert COMPETENT_CHAMBER[ActivityKind.CRAFT] == ChamberCode.CMA
    assert COMPETENT_CHAMBER[ActivityKind.TRADE] == ChamberCode.CCI


def test_producer_postcode_is_in_the_lot():
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        make_producer(postcode="75001")
    assert "producers_producer_lot_postcode" in str(error.value)
    assert make_producer(postcode="46100").postcode == "46100"


def test_siret_is_unique():
    producer = make_producer()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_producer(siret=producer.siret)


def test_a_producer_has_a_single_owner():
    producer = make_producer()
    ProducerMember.objects.create(producer=producer, user=make_user(), role=MemberRole.OWNER)
    ProducerMember.objects.create(producer=producer, user=make_user(), role=MemberRole.STAFF)
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        ProducerMember.objects.create(producer=producer, user=make_user(), role=MemberRole.OWNER)
    assert "producers_member_single_owner" in str(error.value)
    assert producer.members.count() == 2


def test_user_emails_are_unique_whatever_their_case():
    make_user(email="marie@example.org")
    from shop.accounts.models import User

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Marie@Example.org")


def test_signing_in_ignores_the_case_of_the_email():
    from django.contrib.auth import authenticate

    user = make_user(email="marie@example.org", password="a-long-test-password")
    assert authenticate(username="Marie@Example.ORG", password="a-long-test-password") == user
