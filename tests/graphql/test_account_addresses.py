"""A shopper's address book through the API: accountAddressCreate, accountAddressUpdate,
accountAddressDelete, each on their own addresses only and checked like the checkout's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.models import Address, User
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_booked_address, make_user
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

ADDRESS = """id firstName streetAddress1 postalCode city country { code }
  isDefaultShippingAddress isDefaultBillingAddress"""
CREATE = f"""mutation($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{
    address {{ {ADDRESS} }}
    user {{ defaultShippingAddress {{ id }} defaultBillingAddress {{ id }} }}
    errors {{ field message code }} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: AddressInput!) {{
  accountAddressUpdate(id: $id, input: $input) {{
    address {{ {ADDRESS} }} errors {{ field message code }} }} }}"""
DELETE = """mutation($id: ID!) {
  accountAddressDelete(id: $id) {
    address { id city } user { addresses { id } defaultShippingAddress { id } }
    errors { field message code } } }"""
HOME = {
    "firstName": "Emma",
    "lastName": "Clarke",
    "streetAddress1": "12 Rue de la Barre",
    "postalCode": "46000",
    "city": "Cahors",
    "country": "FR",
}


def _token(user: User) -> str:
    return token_for(user=user, token_type=ACCESS)


def _booked(user: User, city: str = "Cahors") -> Address:
    return make_booked_address(user, city=city)


def _book(user: User) -> list[tuple[str, str]]:
    return [(a.city, a.postal_code) for a in user.addresses.order_by("id")]


def test_a_shopper_adds_an_address_made_their_default_delivery_address(client):
    shopper = make_user()
    netherlands = {**HOME, "postalCode": "1012ab", "city": "Amsterdam", "country": "NL"}

    answer = api_post(
        client, CREATE, {"input": netherlands, "type": "SHIPPING"}, token=_token(shopper)
    )
    plain = api_post(client, CREATE, {"input": HOME}, token=_token(shopper))

    created = answer["data"]["accountAddressCreate"]
    address = shopper.addresses.get(city="Amsterdam")
    address_id = to_global_id("Address", address.pk)
    assert created == {
        "address": {
            "id": address_id,
            "firstName": "Emma",
            "streetAddress1": "12 Rue de la Barre",
            "postalCode": "1012AB",
            "city": "Amsterdam",
            "country": {"code": "NL"},
            "isDefaultShippingAddress": True,
            "isDefaultBillingAddress": False,
        },
        "user": {"defaultShippingAddress": {"id": address_id}, "defaultBillingAddress": None},
        "errors": [],
    }
    assert plain["data"]["accountAddressCreate"]["errors"] == []
    assert _book(shopper) == [("Amsterdam", "1012AB"), ("Cahors", "46000")]
    shopper.refresh_from_db()
    assert (shopper.default_shipping_address_id, shopper.default_billing_address_id) == (
        address.pk,
        None,
    )


def test_an_address_the_checkout_would_refuse_is_refused_and_nothing_is_saved(client):
    shopper = make_user()
    bad = {**HOME, "firstName": "", "postalCode": "4600", "country": "US"}
    wrong_postcode = {**HOME, "postalCode": "ABCDE"}

    refused = api_post(client, CREATE, {"input": bad}, token=_token(shopper))
    postcode = api_post(client, CREATE, {"input": wrong_postcode}, token=_token(shopper))

    assert refused["data"]["accountAddressCreate"]["errors"] == [
        {"field": "firstName", "message": "This field is required.", "code": "INVALID"},
        {
            "field": "country",
            "message": "We deliver to France and the other EU countries only.",
            "code": "INVALID",
        },
    ]
    assert postcode["data"]["accountAddressCreate"] == {
        "address": None,
        "user": None,
        "errors": [
            {
                "field": "postalCode",
                "message": "This postcode does not exist in the chosen country.",
                "code": "INVALID",
            }
        ],
    }
    assert _book(shopper) == []
    assert not Address.objects.exists()


def test_overlong_fields_and_nul_characters_are_refused_field_by_field(client):
    shopper = make_user()
    home = _booked(shopper)
    bad = {
        **HOME,
        "firstName": "x" * 101,
        "streetAddress1": "y" * 201,
        "city": "Ca\x00hors",
        "phone": "1" * 31,
    }

    created = api_post(client, CREATE, {"input": bad}, token=_token(shopper))
    updated = api_post(
        client,
        UPDATE,
        {"id": to_global_id("Address", home.pk), "input": {"lastName": "C\x00"}},
        token=_token(shopper),
    )

    assert created["data"]["accountAddressCreate"]["errors"] == [
        {
            "field": field,
            "message": f"Ensure this value has at most {limit} characters (it has {limit + 1}).",
            "code": "INVALID",
        }
        for field, limit in (("firstName", 100), ("streetAddress1", 200))
    ] + [
        {"field": "city", "message": "Null characters are not allowed.", "code": "INVALID"},
        {
            "field": "phone",
            "message": "Ensure this value has at most 30 characters (it has 31).",
            "code": "INVALID",
        },
    ]
    assert updated["data"]["accountAddressUpdate"]["errors"] == [
        {"field": "lastName", "message": "Null characters are not allowed.", "code": "INVALID"}
    ]
    assert _book(shopper) == [("Cahors", "46000")]
    assert Address.objects.get().last_name == home.last_name


def test_a_shopper_changes_their_address_and_the_fields_left_out_keep_their_values(client):
    shopper = make_user()
    address = _booked(shopper)

    answer = api_post(
        client,
        UPDATE,
        {
            "id": to_global_id("Address", address.pk),
            "input": {"city": "Figeac", "postalCode": "46100"},
        },
        token=_token(shopper),
    )

    assert answer["data"]["accountAddressUpdate"]["errors"] == []
    assert answer["data"]["accountAddressUpdate"]["address"]["city"] == "Figeac"
    address.refresh_from_db()
    assert (address.first_name, address.street_address_1, address.postal_code, address.city) == (
        "Emma",
        "12 Rue de la Barre",
        "46100",
        "Figeac",
    )


def test_a_bad_change_is_refused_and_the_address_stays_as_it_was(client):
    shopper = make_user()
    address = _booked(shopper)

    answer = api_post(
        client,
        UPDATE,
        {"id": to_global_id("Address", address.pk), "input": {"city": "", "postalCode": "99"}},
        token=_token(shopper),
    )

    assert answer["data"]["accountAddressUpdate"]["errors"] == [
        {"field": "city", "message": "This field is required.", "code": "INVALID"},
        {
            "field": "postalCode",
            "message": "This postcode does not exist in the chosen country.",
            "code": "INVALID",
        },
    ]
    assert _book(shopper) == [("Cahors", "46000")]


def test_a_shopper_deletes_an_address_and_its_default_goes_with_it(client):
    shopper = make_user()
    address, kept = _booked(shopper), _booked(shopper, "Figeac")
    User.objects.filter(pk=shopper.pk).update(default_shipping_address=address)

    answer = api_post(
        client, DELETE, {"id": to_global_id("Address", address.pk)}, token=_token(shopper)
    )

    assert answer["data"]["accountAddressDelete"] == {
        "address": {"id": to_global_id("Address", address.pk), "city": "Cahors"},
        "user": {
            "addresses": [{"id": to_global_id("Address", kept.pk)}],
            "defaultShippingAddress": None,
        },
        "errors": [],
    }
    assert not Address.objects.filter(pk=address.pk).exists()


def test_someone_elses_address_answers_not_found_like_a_missing_one_and_stays(client):
    shopper, other = make_user(), make_user()
    theirs = _booked(other)
    token = _token(shopper)
    not_found = [
        {
            "field": "id",
            "message": "This address is not in the account's address book.",
            "code": "NOT_FOUND",
        }
    ]

    for address_id in (
        to_global_id("Address", theirs.pk),
        to_global_id("Address", 0),
        to_global_id("Address", 2**70),
        "not-an-id",
    ):
        updated = api_post(
            client, UPDATE, {"id": address_id, "input": {"city": "Gourdon"}}, token=token
        )
        deleted = api_post(client, DELETE, {"id": address_id}, token=token)
        assert updated["data"]["accountAddressUpdate"]["errors"] == not_found
        assert deleted["data"]["accountAddressDelete"]["errors"] == not_found
    assert _book(other) == [("Cahors", "46000")]


def test_a_guest_may_not_touch_any_address_book(client):
    address = _booked(make_user())
    address_id = to_global_id("Address", address.pk)

    answers = [
        api_post(client, CREATE, {"input": HOME}),
        api_post(client, UPDATE, {"id": address_id, "input": {"city": "Gourdon"}}),
        api_post(client, DELETE, {"id": address_id}),
    ]

    for answer in answers:
        assert answer["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert Address.objects.get().city == "Cahors"


def test_the_brand_team_adds_an_address_to_a_customer_and_a_shopper_may_not(client):
    shopper, other, staff = make_user(), make_user(), make_user(is_staff=True)
    query = """mutation($input: AddressInput!, $customer: ID) {
      accountAddressCreate(input: $input, customerId: $customer) { errors { field code } } }"""
    customer = to_global_id("User", shopper.pk)

    by_staff = api_post(client, query, {"input": HOME, "customer": customer}, token=_token(staff))
    by_other = api_post(client, query, {"input": HOME, "customer": customer}, token=_token(other))
    unknown = api_post(
        client, query, {"input": HOME, "customer": to_global_id("User", 0)}, token=_token(staff)
    )

    assert by_staff["data"]["accountAddressCreate"] == {"errors": []}
    assert by_other["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert unknown["data"]["accountAddressCreate"] == {
        "errors": [{"field": "customerId", "code": "NOT_FOUND"}]
    }
    assert _book(shopper) == [("Cahors", "46000")]
    assert _book(other) == [] and _book(staff) == []


def test_a_shopper_learns_nothing_of_whether_another_account_exists(client):
    shopper, other = make_user(), make_user()
    query = """mutation($input: AddressInput!, $customer: ID) {
      accountAddressCreate(input: $input, customerId: $customer) { errors { field code } } }"""

    answers = [
        api_post(client, query, {"input": HOME, "customer": customer}, token=_token(shopper))
        for customer in (to_global_id("User", other.pk), to_global_id("User", 0), "not-an-id")
    ]

    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert not Address.objects.exists()


def test_reading_the_address_book_costs_the_same_queries_however_many_addresses(client):
    shopper = make_user()
    token = _token(shopper)
    query = "{ me { addresses { id city isDefaultShippingAddress } defaultBillingAddress { id } } }"
    _booked(shopper)
    with CaptureQueriesContext(connection) as few:
        api_post(client, query, token=token)
    for city in ("Figeac", "Gourdon", "Souillac"):
        _booked(shopper, city)
    with CaptureQueriesContext(connection) as more:
        found = api_post(client, query, token=token)

    assert len(found["data"]["me"]["addresses"]) == 4
    # the signed-in user, then their book
    assert len(few.captured_queries) == len(more.captured_queries) == 2
