"""Two accountAddressUpdate calls at the same moment, each changing other fields of one
address: each keeps the other's change, the address being read under its lock."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from shop.accounts.models import User
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.concurrency import waiting_for_a_lock
from tests.factories import make_booked_address, make_user
from tests.graphql.client import api_post

UPDATE = """mutation($id: ID!, $input: AddressInput!) {
  accountAddressUpdate(id: $id, input: $input) { errors { field code } } }"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_updates_of_other_fields_at_once_both_stay():
    shopper = make_user()
    address = make_booked_address(shopper, phone="", city_area="")
    token = token_for(user=shopper, token_type=ACCESS)
    changes = [{"phone": "+33 5 65 00 00 00"}, {"cityArea": "Le Pal"}]
    answers = []

    def update(change: dict) -> None:
        try:
            variables = {"id": to_global_id("Address", address.pk), "input": change}
            answers.append(api_post(Client(), UPDATE, variables, token=token))
        finally:
            connection.close()

    threads = [threading.Thread(target=update, args=(change,)) for change in changes]
    # The shopper's account is locked while both requests reach the service, which waits.
    with transaction.atomic():
        User.objects.select_for_update().get(pk=shopper.pk)
        for thread in threads:
            thread.start()
        waiting_for_a_lock(len(threads))
    for thread in threads:
        thread.join(timeout=60)

    assert [answer["data"]["accountAddressUpdate"]["errors"] for answer in answers] == [[], []]
    address.refresh_from_db()
    assert (address.phone, address.city_area) == ("+33 5 65 00 00 00", "Le Pal")
