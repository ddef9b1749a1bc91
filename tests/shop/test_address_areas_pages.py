"""The pages show no district (cityArea) or region (countryArea) field, French addresses having
none; what the API stored there, and an address's metadata, survive the pages' forms."""

import pytest

from shop.accounts.models import User
from tests.factories import make_booked_address, make_user, make_variant

pytestmark = pytest.mark.django_db

SHOWN = {
    "first_name": "Aoife",
    "last_name": "Byrne",
    "street_address_1": "4 Harbour Road",
    "postal_code": "D13 X2Y3",
    "city": "Dublin",
    "country": "IE",
}
AREAS = {"city_area": "Howth", "country_area": "Co. Dublin", "metadata": {"door": "blue"}}


def _dublin(user: User):
    return make_booked_address(user, **SHOWN, **AREAS)


def _areas(address) -> dict:
    address.refresh_from_db()
    return {name: getattr(address, name) for name in AREAS}


def test_editing_an_address_on_its_page_keeps_its_district_region_and_metadata(client):
    shopper = make_user()
    address = _dublin(shopper)
    client.force_login(shopper)

    edited = client.post(
        f"/en/account/addresses/{address.pk}/edit/", {**SHOWN, "phone": "+353 1 555 0101"}
    )
    book = " ".join(client.get("/en/account/addresses/").content.decode().split())

    assert edited.status_code == 302
    assert _areas(address) == AREAS
    assert address.phone == "+353 1 555 0101"
    assert "4 Harbour Road<br> Howth<br> D13 X2Y3 Dublin<br> Co. Dublin<br> Ireland" in book


def test_the_details_form_sent_as_it_started_keeps_the_addresss_areas_and_metadata(client):
    shopper = make_user()
    home = _dublin(shopper)
    User.objects.filter(pk=shopper.pk).update(default_shipping_address=home)
    client.force_login(shopper)
    client.post("/en/cart/add/", {"variant": make_variant().pk, "quantity": 1})
    shown = {f"shipping_{name}": value for name, value in SHOWN.items()}
    form = {"email": shopper.email, "billing_same": "on", **shown}

    def sent(**changes: str) -> tuple[dict, dict]:
        response = client.post("/en/checkout/details/", {**form, **changes})
        assert response.status_code == 302
        checkout = shopper.checkouts.get()
        return _areas(checkout.shipping_address), _areas(checkout.billing_address)

    assert sent() == (AREAS, AREAS)
    assert (
        sent(shipping_city="Swords") == ({"city_area": "", "country_area": "", "metadata": {}},) * 2
    )
