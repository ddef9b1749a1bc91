"""The metadata services: concurrent writes of other keys are all kept, and a vanished object
is a typed refusal; the admin shows metadata without letting anyone edit it."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from catalogue.metadata.services import metadata_delete, metadata_update
from shop.checkout.models import Checkout
from tests.factories import make_product, make_user

WRITERS = 12


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_of_different_keys_lose_none_of_them():
    checkout = Checkout.objects.create(metadata={"kept": "yes", "gone": "soon"})
    start = threading.Barrier(WRITERS + 1)
    failures: list[Exception] = []

    def write(number: int) -> None:
        try:
            own = Checkout.objects.get(pk=checkout.pk)  # each writer read the row before the others
            start.wait(timeout=30)
            metadata_update(instance=own, items={f"writer{number}": str(number)}, user=None)
        except Exception as failure:
            failures.append(failure)
        finally:
            connection.close()

    def delete() -> None:
        try:
            own = Checkout.objects.get(pk=checkout.pk)
            start.wait(timeout=30)
            metadata_delete(instance=own, keys=["gone"], user=None)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    threads.append(threading.Thread(target=delete))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    checkout.refresh_from_db()
    assert checkout.metadata == {"kept": "yes", **{f"writer{n}": str(n) for n in range(WRITERS)}}


@pytest.mark.django_db
def test_an_object_deleted_meanwhile_is_not_updated():
    checkout = Checkout.objects.create()
    Checkout.objects.filter(pk=checkout.pk).delete()

    with pytest.raises(ValidationError) as refused:
        metadata_update(instance=checkout, items={"a": "1"}, user=None)

    assert [error.code for error in refused.value.error_dict["id"]] == ["NOT_UPDATED"]


@pytest.mark.django_db
def test_the_admin_shows_metadata_read_only(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    product = make_product(metadata={"shelf": "B2"}, private_metadata={"buyer": "Anne"})
    user = make_user(metadata={"size": "M"})

    product_page = client.get(reverse("admin:catalogue_product_change", args=[product.pk]))
    user_page = client.get(reverse("admin:accounts_user_change", args=[user.pk]))

    product_html = product_page.content.decode()
    assert "{&quot;shelf&quot;: &quot;B2&quot;}" in product_html
    assert "{&quot;buyer&quot;: &quot;Anne&quot;}" in product_html
    assert 'name="metadata"' not in product_html
    assert "{&quot;size&quot;: &quot;M&quot;}" in user_page.content.decode()
    assert 'name="metadata"' not in user_page.content.decode()
