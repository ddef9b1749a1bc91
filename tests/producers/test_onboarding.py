import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import translation

from catalogue.models import ReviewStatus, Seller
from producers.models import (
    AuditEntry,
    ChamberCode,
    DocumentKind,
    MemberRole,
    Producer,
    ProducerDocument,
    ProducerMember,
)
from producers.services.onboarding import (
    ProducerProfileData,
    producer_account_confirm,
    producer_account_register,
    producer_create,
    producer_document_add,
    producer_document_delete,
    producer_photo_add,
    producer_update,
)
from tests.factories import make_member, make_producer, make_siret, make_user
from tests.producers.uploads import PDF, jpeg_upload, lying_upload, pdf_upload

pytestmark = pytest.mark.django_db

LA_POSTE_SIRET = "35600000000001"  # La Poste: the digits add up to 15, a multiple of 5


def profile(**overrides) -> ProducerProfileData:
    fields = {
        "legal_name": "SARL Coutellerie du Célé",
        "trade_name": "Coutellerie du Célé",
        "siret": make_siret(),
        "activity_kind": "craft",
        "address_line": "2 rue du Pont",
        "postcode": "46160",
        "town": "Marcilhac-sur-Célé",
        "phone": "05 65 00 00 00",
        "email": "contact@coutellerie.example",
        "story": "Des couteaux forgés à la main.",
        "story_en": "Hand-forged knives.",
        "pickup_place": "L'atelier",
        "pickup_days": "Samedi matin",
        "pickup_days_en": "Saturday morning",
        "shipping_methods": ("standard",),
    }
    fields.update(overrides)
    return ProducerProfileData(**fields)


def confirmation_link_parts() -> tuple[str, str]:
    match = re.search(r"/fr/producteur/inscription/([^/]+)/([^/]+)/", mail.outbox[-1].body)
    return match.group(1), match.group(2)


def register(email: str = "jeanne@example.org"):
    """A producer account, with its confirmation email sent (after commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return producer_account_register(email=email, password="a-long-test-password")


def test_a_producer_account_waits_for_its_email_to_be_confirmed():
    user = register("Jeanne@Example.org")

    assert user.is_active is False
    assert [message.to for message in mail.outbox] == [["jeanne@example.org"]]
    uidb64, token = confirmation_link_parts()
    confirmed = producer_account_confirm(uidb64=uidb64, token=token)
    assert confirmed == user
    user.refresh_from_db()
    assert user.is_active is True


def test_a_confirmation_link_works_once():
    user = register()
    uidb64, token = confirmation_link_parts()
    producer_account_confirm(uidb64=uidb64, token=token)
    user.is_active = False  # disabled afterwards by the brand team
    user.save(update_fields=["is_active"])
    user.last_login = user.date_joined
    user.save(update_fields=["last_login"])

    assert producer_account_confirm(uidb64=uidb64, token=token) is None
    user.refresh_from_db()
    assert user.is_active is False


def test_a_forged_confirmation_link_activates_nothing():
    user = register()
    uidb64, _token = confirmation_link_parts()

    assert producer_account_confirm(uidb64=uidb64, token="abc-123") is None
    assert producer_account_confirm(uidb64="!!", token="abc-123") is None
    user.refresh_from_db()
    assert user.is_active is False


def test_a_producer_is_created_in_draft_with_its_competent_chamber_and_owner():
    user = make_user()

    producer = producer_create(user=user, data=profile())

    assert producer.status == ReviewStatus.DRAFT
    assert producer.chamber.code == ChamberCode.CMA
    assert producer.seller.name == "Coutellerie du Célé"
    assert producer.seller.is_selling is False
    assert producer.shipping_methods == ["standard"]
    assert producer.translations == {
        "en": {"story": "Hand-forged knives.", "pickup_days": "Saturday morning"}
    }
    assert list(ProducerMember.objects.values_list("user", "role")) == [(user.pk, MemberRole.OWNER)]
    assert list(AuditEntry.objects.values_list("action", "to_state")) == [
        ("producers.producer.created", "draft")
    ]


@pytest.mark.parametrize(
    ("kind", "chamber"),
    [("farm", ChamberCode.AGRICULTURE), ("craft", ChamberCode.CMA), ("trade", ChamberCode.CCI)],
)
def test_the_activity_names_the_chamber(kind, chamber):
    producer = producer_create(user=make_user(), data=profile(activity_kind=kind))

    assert producer.chamber.code == chamber


def test_a_wrong_siret_is_refused_with_a_clear_error_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        producer_create(user=make_user(), data=profile(siret="732 829 320 00075"))

    with translation.override("en"):
        assert error.value.message_dict == {
            "siret": ["Enter a valid SIRET: 14 digits, as shown on your company's registration."]
        }
    assert (Producer.objects.count(), Seller.objects.count()) == (0, 0)


def test_a_siret_typed_with_spaces_is_stored_as_digits():
    producer = producer_create(user=make_user(), data=profile(siret="732 829 320 00074"))

    assert producer.siret == "73282932000074"


def test_la_poste_sirets_follow_their_own_rule():
    producer = producer_create(user=make_user(), data=profile(siret=LA_POSTE_SIRET))

    assert producer.siret == LA_POSTE_SIRET


@pytest.mark.parametrize("postcode", ["24200", "46²00", "46\u0661\u0660\u0660"])
def test_a_postcode_outside_the_lot_is_refused(postcode):
    with pytest.raises(ValidationError) as error:
        producer_create(user=make_user(), data=profile(postcode=postcode))

    assert list(error.value.message_dict) == ["postcode"]
    assert Producer.objects.count() == 0


def test_a_siret_already_registered_is_refused():
    existing = make_producer()

    with pytest.raises(ValidationError) as error:
        producer_create(user=make_user(), data=profile(siret=existing.siret))

    assert list(error.value.message_dict) == ["siret"]
    assert Producer.objects.count() == 1


def test_an_owner_cannot_open_a_second_producer():
    user = make_user()
    producer_create(user=user, data=profile())

    with pytest.raises(ValidationError) as error:
        producer_create(user=user, data=profile())

    assert error.value.code == "ALREADY_PRODUCER"
    assert Producer.objects.count() == 1


def test_the_owner_edits_the_profile_and_a_new_activity_moves_the_chamber():
    user = make_user()
    producer = producer_create(user=user, data=profile())

    producer_update(
        user=user,
        producer=producer,
        data=profile(siret=producer.siret, activity_kind="farm", trade_name="Ferme du Célé"),
    )

    producer.refresh_from_db()
    assert (producer.chamber.code, producer.seller.name) == (
        ChamberCode.AGRICULTURE,
        "Ferme du Célé",
    )


def test_the_identity_is_locked_while_the_chamber_reviews():
    producer = make_producer(status=ReviewStatus.SUBMITTED)
    owner = make_member(producer=producer)

    with pytest.raises(ValidationError) as error:
        producer_update(user=owner, producer=producer, data=profile(activity_kind="farm"))

    assert sorted(error.value.message_dict) == ["legal_name", "siret"]
    producer.refresh_from_db()
    assert producer.legal_name == "EARL du Causse"


def test_staff_and_other_producers_cannot_edit_the_profile():
    producer = make_producer()
    staff = make_member(producer=producer, role=MemberRole.STAFF)
    other_owner = make_member(producer=make_producer())

    for user in (staff, other_owner):
        with pytest.raises(PermissionDenied):
            producer_update(user=user, producer=producer, data=profile(siret=producer.siret))

    producer.refresh_from_db()
    assert (producer.legal_name, producer.story) == ("EARL du Causse", "")


def test_a_document_is_kept_in_the_private_storage(isolated_media):
    producer = make_producer()
    owner = make_member(producer=producer)

    document = producer_document_add(
        user=owner, producer=producer, kind=DocumentKind.REGISTRATION, upload=pdf_upload()
    )

    assert (document.content_type, document.size) == ("application/pdf", len(PDF))
    assert document.file.name.endswith(".pdf")
    assert (isolated_media / "private" / document.file.name).is_file()
    assert not (isolated_media / "media").exists()


def test_a_document_that_lies_about_its_type_is_refused_and_not_stored(isolated_media):
    producer = make_producer()
    owner = make_member(producer=producer)

    with pytest.raises(ValidationError) as error:
        producer_document_add(
            user=owner,
            producer=producer,
            kind=DocumentKind.LABEL_CERTIFICATE,
            upload=lying_upload(),
        )

    assert error.value.error_dict["file"][0].code == "INVALID_DOCUMENT"
    assert ProducerDocument.objects.count() == 0
    assert not (isolated_media / "private").exists()


def test_another_producer_cannot_add_or_remove_documents(isolated_media):
    producer = make_producer()
    document = producer_document_add(
        user=make_member(producer=producer),
        producer=producer,
        kind=DocumentKind.REGISTRATION,
        upload=pdf_upload(),
    )
    intruder = make_member(producer=make_producer())

    with pytest.raises(PermissionDenied):
        producer_document_add(
            user=intruder, producer=producer, kind=DocumentKind.REGISTRATION, upload=pdf_upload()
        )
    with pytest.raises(PermissionDenied):
        producer_document_delete(user=intruder, producer=producer, document_id=document.pk)

    assert list(ProducerDocument.objects.values_list("pk", flat=True)) == [document.pk]


def test_documents_stay_once_the_application_is_submitted():
    producer = make_producer()
    owner = make_member(producer=producer)
    document = producer_document_add(
        user=owner, producer=producer, kind=DocumentKind.REGISTRATION, upload=pdf_upload()
    )
    producer.status = ReviewStatus.SUBMITTED
    producer.save(update_fields=["status"])

    with pytest.raises(ValidationError) as error:
        producer_document_delete(user=owner, producer=producer, document_id=document.pk)

    assert error.value.code == "NOT_EDITABLE"
    assert ProducerDocument.objects.filter(pk=document.pk).exists()


def test_photos_of_the_producer_are_added_in_order_with_alt_texts():
    producer = make_producer()
    owner = make_member(producer=producer)

    first = producer_photo_add(user=owner, producer=producer, upload=jpeg_upload(), alt="La forge")
    second = producer_photo_add(
        user=owner, producer=producer, upload=jpeg_upload(), alt="L'atelier", alt_en="The workshop"
    )

    assert [(first.position, first.alt), (second.position, second.alt)] == [
        (0, "La forge"),
        (1, "L'atelier"),
    ]
    assert second.translated("alt", "en") == "The workshop"
    with pytest.raises(ValidationError):
        producer_photo_add(user=owner, producer=producer, upload=lying_upload("forge.jpg"))
    assert producer.photos.count() == 2
