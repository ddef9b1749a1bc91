"""An address's district (cityArea), region (countryArea) and metadata through the API: kept
in the address book, on a checkout's addresses and on its order's copies, checked like the
other fields, and written by updateMetadata for whoever has the address in their book."""

import pytest

from shop.accounts.models import Address, User
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_booked_address, make_ready_checkout, make_user, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

FIELDS = "cityArea countryArea metadata { key value }"
CREATE = f"""mutation($input: AddressInput!) {{ accountAddressCreate(input: $input) {{
  address {{ id {FIELDS} }} errors {{ field message code }} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: AddressInput!) {{
  accountAddressUpdate(id: $id, input: $input) {{
    address {{ city {FIELDS} }} errors {{ field message code }} }} }}"""
SHIPPING = """mutation($id: ID, $address: AddressInput!) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {
    errors { field message code } } }"""
BILLING = """mutation($id: ID, $address: AddressInput!) {
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) { errors { field code } } }"""
COMPLETE = f"""mutation($id: ID) {{ checkoutComplete(id: $id) {{
  order {{ shippingAddress {{ {FIELDS} }} billingAddress {{ {FIELDS} }} }}
  errors {{ field code }} }} }}"""
DUBLIN = {
    "firstName": "Aoife",
    "lastName": "Byrne",
    "streetAddress1": "4 Harbour Road",
    "cityArea": "Howth",
    "postalCode": "D13 X2Y3",
    "city": "Dublin",
    "countryArea": "Co. Dublin",
    "country": "IE",
    "metadata": [{"key": "door", "value": "blue"}],
}


def _token(user: User) -> str:
    return token_for(user=user, token_type=ACCESS)


def _items(**pairs: str) -> list[dict]:
    return [{"key": key, "value": value} for key, value in sorted(pairs.items())]


def test_an_address_of_the_book_keeps_its_district_region_and_metadata(client):
    shopper = make_user()

    created = api_post(client, CREATE, {"input": DUBLIN}, token=_token(shopper))

    payload = created["data"]["accountAddressCreate"]
    assert payload["errors"] == []
    assert {key: payload["address"][key] for key in ("cityArea", "countryArea", "metadata")} == {
        "cityArea": "Howth",
        "countryArea": "Co. Dublin",
        "metadata": _items(door="blue"),
    }
    address = shopper.addresses.get()
    assert (address.city_area, address.country_area, address.metadata) == (
        "Howth",
        "Co. Dublin",
        {"door": "blue"},
    )


def test_changing_an_address_sets_the_metadata_it_names_and_keeps_the_rest(client):
    shopper = make_user()
    address = make_booked_address(
        shopper, city_area="Howth", country_area="Co. Dublin", metadata={"door": "blue"}
    )

    answer = api_post(
        client,
        UPDATE,
        {
            "id": to_global_id("Address", address.pk),
            "input": {"countryArea": "Leinster", "metadata": _items(floor="2")},
        },
        token=_token(shopper),
    )

    assert answer["data"]["accountAddressUpdate"] == {
        "address": {
            "city": "Cahors",
            "cityArea": "Howth",
            "countryArea": "Leinster",
            "metadata": _items(door="blue", floor="2"),
        },
        "errors": [],
    }


def test_an_overlong_area_a_nul_or_an_empty_metadata_key_is_refused_and_nothing_saved(client):
    shopper = make_user()
    bad = {
        **DUBLIN,
        "cityArea": "x" * 129,
        "countryArea": "Co.\x00Dublin",
        "metadata": [{"key": " ", "value": "blue"}],
    }

    created = api_post(client, CREATE, {"input": bad}, token=_token(shopper))

    assert created["data"]["accountAddressCreate"]["errors"] == [
        {
            "field": "cityArea",
            "message": "Ensure this value has at most 128 characters (it has 129).",
            "code": "INVALID",
        },
        {"field": "countryArea", "message": "Null characters are not allowed.", "code": "INVALID"},
        {"field": "metadata", "message": "A metadata key cannot be empty.", "code": "REQUIRED"},
    ]
    assert not Address.objects.exists()


def test_a_checkout_refuses_an_overlong_area_on_its_address_field(client):
    checkout = make_ready_checkout((make_variant(), 1))
    kept = checkout.shipping_address_id

    refused = api_post(
        client,
        SHIPPING,
        {
            "id": to_global_id("Checkout", checkout.token),
            "address": {**DUBLIN, "cityArea": "x" * 129},
        },
    )

    errors = refused["data"]["checkoutShippingAddressUpdate"]["errors"]
    assert [(error["field"], error["code"]) for error in errors] == [("cityArea", "INVALID")]
    checkout.refresh_from_db()
    assert checkout.shipping_address_id == kept


def test_the_checkouts_areas_and_metadata_reach_the_order_and_the_shoppers_book(client):
    shopper = make_user()
    checkout = make_ready_checkout((make_variant(), 1))
    checkout.user = shopper
    checkout.save(update_fields=["user"])
    checkout_id = to_global_id("Checkout", checkout.token)
    billing = {**DUBLIN, "cityArea": "", "metadata": _items(vat="IE123")}
    for mutation, address in ((SHIPPING, DUBLIN), (BILLING, billing)):
        answer = api_post(
            client, mutation, {"id": checkout_id, "address": address}, token=_token(shopper)
        )
        assert next(iter(answer["data"].values()))["errors"] == []

    placed = api_post(client, COMPLETE, {"id": checkout_id}, token=_token(shopper))

    assert placed["data"]["checkoutComplete"] == {
        "order": {
            "shippingAddress": {
                "cityArea": "Howth",
                "countryArea": "Co. Dublin",
                "metadata": _items(door="blue"),
            },
            "billingAddress": {
                "cityArea": "",
                "countryArea": "Co. Dublin",
                "metadata": _items(vat="IE123"),
            },
        },
        "errors": [],
    }
    book = api_post(client, f"{{ me {{ addresses {{ {FIELDS} }} }} }}", token=_token(shopper))
    assert book["data"]["me"]["addresses"] == [
        {"cityArea": "Howth", "countryArea": "Co. Dublin", "metadata": _items(door="blue")},
        {"cityArea": "", "countryArea": "Co. Dublin", "metadata": _items(vat="IE123")},
    ]


def test_an_addresss_metadata_is_written_by_its_books_owner_and_private_by_the_staff(client):
    shopper, stranger = make_user(), make_user()
    staff = make_user(is_staff=True)
    address = make_booked_address(shopper)
    address_id = to_global_id("Address", address.pk)
    update = """mutation($id: ID!, $input: [MetadataInput!]!, $private: Boolean!) {
      public: updateMetadata(id: $id, input: $input) @skip(if: $private) {
        errors { field code } item { metadata { key value } } }
      private: updatePrivateMetadata(id: $id, input: $input) @include(if: $private) {
        errors { field code } item { privateMetadata { key value } } } }"""

    def write(user: User, private: bool, **pairs: str) -> dict:
        variables = {"id": address_id, "input": _items(**pairs), "private": private}
        answer = api_post(client, update, variables, token=_token(user))
        return answer["data"]["private" if private else "public"]

    owner = write(shopper, False, door="blue")
    other = write(stranger, False, door="red")
    owner_private = write(shopper, True, vip="1")
    by_staff = write(staff, True, vip="1")

    assert owner == {"errors": [], "item": {"metadata": _items(door="blue")}}
    not_found = {"errors": [{"field": "id", "code": "NOT_FOUND"}], "item": None}
    assert other == not_found
    assert owner_private == not_found
    assert by_staff == {"errors": [], "item": {"privateMetadata": _items(vip="1")}}
    address.refresh_from_db()
    assert (address.metadata, address.private_metadata) == ({"door": "blue"}, {"vip": "1"})


RULES = """query($code: CountryCode!) { addressValidationRules(countryCode: $code) {
  addressFormat allowedFields requiredFields countryAreaType postalCodeType } }"""


def test_the_address_rules_allow_a_district_and_a_region_where_the_countrys_addresses_name_them(
    client,
):
    rules = {
        code: api_post(client, RULES, {"code": code})["data"]["addressValidationRules"]
        for code in ("FR", "IE", "IT")
    }
    shared = ["firstName", "lastName", "streetAddress1", "postalCode", "city", "country"]
    optional = ["companyName", "streetAddress2", "phone"]

    assert rules["FR"] == {
        "addressFormat": "%N%n%O%n%A%n%Z %C",
        "allowedFields": [*shared, *optional],
        "requiredFields": shared,
        "countryAreaType": "province",
        "postalCodeType": "postal",
    }
    assert rules["IE"] == {
        # Google's address data's: the town, the county, then the Eircode, each on its line.
        "addressFormat": "%N%n%O%n%A%n%D%n%C%n%S%n%Z",
        "allowedFields": [*shared, *optional, "cityArea", "countryArea"],
        "requiredFields": shared,
        "countryAreaType": "county",
        "postalCodeType": "eircode",
    }
    assert rules["IT"] == {
        "addressFormat": "%N%n%O%n%A%n%Z %C%n%S",
        "allowedFields": [*shared, *optional, "countryArea"],
        "requiredFields": shared,
        "countryAreaType": "province",
        "postalCodeType": "postal",
    }
