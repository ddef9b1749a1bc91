"""An account's address book and its defaults through the API (accountSetDefaultAddress,
addressSetDefault), its checkouts, and the contract's sign-in through other services."""

import pytest

from shop.accounts.models import Address, User
from shop.checkout.services import checkout_create
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import make_booked_address, make_user
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

SET_OWN = """mutation($id: ID!, $type: AddressTypeEnum!) {
  accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultShippingAddress { id } defaultBillingAddress { id } }
    errors { field code } } }"""
SET_ANY = """mutation($address: ID!, $type: AddressTypeEnum!, $user: ID!) {
  addressSetDefault(addressId: $address, type: $type, userId: $user) {
    errors { field message code } } }"""


def _booked(user: User, city: str) -> Address:
    return make_booked_address(user, city=city)


def _token(user: User) -> str:
    return token_for(user=user, token_type=ACCESS)


def _defaults(user: User) -> tuple[int | None, int | None]:
    user.refresh_from_db()
    return user.default_shipping_address_id, user.default_billing_address_id


def test_a_shopper_chooses_defaults_among_their_addresses_and_reads_their_book(client):
    shopper = make_user()
    home, office = _booked(shopper, "Cahors"), _booked(shopper, "Figeac")
    checkout = checkout_create(user=shopper)
    token = _token(shopper)

    shipping = api_post(
        client, SET_OWN, {"id": to_global_id("Address", office.pk), "type": "SHIPPING"}, token=token
    )["data"]["accountSetDefaultAddress"]
    billing = api_post(
        client, SET_OWN, {"id": to_global_id("Address", home.pk), "type": "BILLING"}, token=token
    )["data"]["accountSetDefaultAddress"]
    me = api_post(
        client,
        """{ me { updatedAt checkoutIds checkouts(first: 5) { totalCount edges { node { id } } }
          addresses { id city isDefaultShippingAddress isDefaultBillingAddress } } }""",
        token=token,
    )["data"]["me"]

    office_id, home_id = to_global_id("Address", office.pk), to_global_id("Address", home.pk)
    assert shipping == {
        "user": {"defaultShippingAddress": {"id": office_id}, "defaultBillingAddress": None},
        "errors": [],
    }
    assert billing["user"] == {
        "defaultShippingAddress": {"id": office_id},
        "defaultBillingAddress": {"id": home_id},
    }
    shopper.refresh_from_db()
    assert me["updatedAt"] == shopper.updated_at.isoformat()
    checkout_id = to_global_id("Checkout", checkout.token)
    assert me["checkoutIds"] == [checkout_id]
    assert me["checkouts"] == {"totalCount": 1, "edges": [{"node": {"id": checkout_id}}]}
    assert me["addresses"] == [
        {
            "id": home_id,
            "city": "Cahors",
            "isDefaultShippingAddress": False,
            "isDefaultBillingAddress": True,
        },
        {
            "id": office_id,
            "city": "Figeac",
            "isDefaultShippingAddress": True,
            "isDefaultBillingAddress": False,
        },
    ]


def test_the_brand_team_sets_a_default_of_any_account(client):
    shopper, staff = make_user(), make_user(is_staff=True)
    home = _booked(shopper, "Cahors")

    answer = api_post(
        client,
        SET_ANY,
        {
            "address": to_global_id("Address", home.pk),
            "type": "SHIPPING",
            "user": to_global_id("User", shopper.pk),
        },
        token=_token(staff),
    )

    assert answer["data"]["addressSetDefault"] == {"errors": []}
    assert _defaults(shopper) == (home.pk, None)


def test_another_shopper_or_a_guest_may_not_and_nothing_changes(client):
    shopper, other = make_user(), make_user()
    home = _booked(shopper, "Cahors")
    variables = {
        "address": to_global_id("Address", home.pk),
        "type": "BILLING",
        "user": to_global_id("User", shopper.pk),
    }

    by_other = api_post(client, SET_ANY, variables, token=_token(other))
    by_guest = api_post(client, SET_ANY, variables)
    own_by_guest = api_post(client, SET_OWN, {"id": variables["address"], "type": "BILLING"})

    for answer in (by_other, by_guest, own_by_guest):
        assert answer["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert by_other["data"]["addressSetDefault"] is None
    assert _defaults(shopper) == (None, None)


def test_another_shopper_learns_nothing_of_whether_an_account_exists(client):
    shopper, other = make_user(), make_user()
    home = _booked(shopper, "Cahors")

    answers = [
        api_post(
            client,
            SET_ANY,
            {"address": to_global_id("Address", home.pk), "type": "BILLING", "user": user},
            token=_token(other),
        )
        for user in (to_global_id("User", shopper.pk), to_global_id("User", 0), "not-an-id")
    ]

    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"
    assert _defaults(shopper) == (None, None)


def test_an_address_out_of_the_book_or_an_unknown_account_is_refused_with_a_code(client):
    shopper, staff = make_user(), make_user(is_staff=True)
    elsewhere = _booked(make_user(), "Gourdon")

    outside = api_post(
        client,
        SET_ANY,
        {
            "address": to_global_id("Address", elsewhere.pk),
            "type": "SHIPPING",
            "user": to_global_id("User", shopper.pk),
        },
        token=_token(staff),
    )["data"]["addressSetDefault"]
    unknown = api_post(
        client,
        SET_ANY,
        {
            "address": to_global_id("Address", elsewhere.pk),
            "type": "SHIPPING",
            "user": to_global_id("User", 0),
        },
        token=_token(staff),
    )["data"]["addressSetDefault"]

    assert outside == {
        "errors": [
            {
                "field": "addressId",
                "message": "This address is not in the account's address book.",
                "code": "NOT_FOUND",
            }
        ]
    }
    assert unknown == {
        "errors": [{"field": "userId", "message": "No account has this ID.", "code": "NOT_FOUND"}]
    }
    assert _defaults(shopper) == (None, None)


def test_sign_in_through_another_service_is_refused_with_a_code(client):
    refused = {"field": "pluginId", "code": "NOT_FOUND"}
    arguments = 'pluginId: "mirumee.authentication.openidconnect", input: "{}"'
    query = f"""mutation {{
      url: externalAuthenticationUrl({arguments}) {{ authenticationData errors {{ field code }} }}
      tokens: externalObtainAccessTokens({arguments}) {{
        token user {{ id }} errors {{ field code }} }}
      refresh: externalRefresh({arguments}) {{ token errors {{ field code }} }}
      logout: externalLogout({arguments}) {{ logoutData errors {{ field code }} }}
      verify: externalVerify({arguments}) {{ isValid user {{ id }} errors {{ field code }} }} }}"""

    found = api_post(client, query)["data"]

    assert found == {
        "url": {"authenticationData": None, "errors": [refused]},
        "tokens": {"token": None, "user": None, "errors": [refused]},
        "refresh": {"token": None, "errors": [refused]},
        "logout": {"logoutData": None, "errors": [refused]},
        "verify": {"isValid": False, "user": None, "errors": [refused]},
    }
