"""An address edited on the "My addresses" page while the API changes its district: the page
shows no district, so what it sends cannot undo the API's change, the address being read
again under its lock."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from shop.accounts.address_book import address_book_update
from shop.accounts.models import User
from tests.concurrency import waiting_for_a_lock
from tests.factories import make_address_data, make_booked_address, make_user
from tests.shop.test_address_areas_pages import SHOWN


def _edited_while_locked(shopper: User, address, sent: dict, change: dict) -> int:
    """Post the address's page with `sent`, the shopper's account being locked once the page
    has read the address; meanwhile the district changes (as accountAddressUpdate changes
    it) and the lock is let go. The page's status code."""
    answers = []
    client = Client()
    client.force_login(shopper)

    def edit() -> None:
        try:
            answers.append(client.post(f"/en/account/addresses/{address.pk}/edit/", sent))
        finally:
            connection.close()

    thread = threading.Thread(target=edit)
    with transaction.atomic():
        User.objects.select_for_update().get(pk=shopper.pk)
        thread.start()
        waiting_for_a_lock(1)  # the page read the address and waits in the service
        address_book_update(
            user=shopper,
            address_id=address.pk,
            data=make_address_data(**SHOWN, **change),
            fields=list(change),
        )
    thread.join(timeout=60)
    return answers[0].status_code


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_district_changed_meanwhile_through_the_api_stays_when_the_page_changes_the_phone():
    shopper = make_user()
    address = make_booked_address(shopper, **SHOWN, city_area="Howth", country_area="Co. Dublin")

    status = _edited_while_locked(
        shopper, address, {**SHOWN, "phone": "+353 1 555 0101"}, {"city_area": "Sutton"}
    )

    address.refresh_from_db()
    assert status == 302
    assert (address.phone, address.city_area, address.country_area) == (
        "+353 1 555 0101",
        "Sutton",
        "Co. Dublin",
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_address_moved_on_the_page_while_the_api_changes_its_district_drops_both_areas():
    shopper = make_user()
    address = make_booked_address(shopper, **SHOWN, city_area="Howth", country_area="Co. Dublin")
    cork = {**SHOWN, "postal_code": "T12 X2Y3", "city": "Cork"}

    status = _edited_while_locked(shopper, address, cork, {"city_area": "Sutton"})

    address.refresh_from_db()
    assert status == 302
    assert (address.city, address.city_area, address.country_area) == ("Cork", "", "")
