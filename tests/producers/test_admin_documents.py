import pytest
from django.urls import reverse

from producers.services.onboarding import producer_document_add
from tests.factories import make_member, make_producer, make_user
from tests.producers.uploads import PDF, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_brand_team_finds_a_producers_documents_in_the_admin_and_opens_them(client):
    producer = make_producer()
    owner = make_member(producer=producer)
    document = producer_document_add(
        user=owner, producer=producer, kind="registration", upload=pdf_upload(), title="Kbis"
    )
    client.force_login(make_user(is_staff=True, is_superuser=True))

    page = client.get(
        reverse("admin:producers_producer_change", args=[producer.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )

    download = reverse("console:document", kwargs={"pk": document.pk})
    assert page.status_code == 200
    assert f'<a href="{download}">Open</a>' in page.content.decode()
    assert b"".join(client.get(download).streaming_content) == PDF
