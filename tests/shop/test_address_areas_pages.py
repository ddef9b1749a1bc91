"""The pages show no district (cityArea) or region (countryArea) field, French addresses having
none; what the API stored there survives the pages' forms while the address stays in its place
(country, postcode, town). Its metadata stays on an address of the book wherever it moves, and
on the checkout's copy of an address while the copy stays in its place."""

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


def test_the_details_form_keeps_the_addresss_areas_and_metadata_while_the_place_stays(client):
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
    assert sent(shipping_phone="+353 1 555 0101", shipping_first_name="Aoibheann") == (AREAS,) * 2
    assert sent(shipping_postal_code="d13  x2y3", shipping_city="DUBLIN") == (AREAS, AREAS)
    assert (
        sent(shipping_city="Swords") == ({"city_area": "", "country_area": "", "metadata": {}},) * 2
    )


def _sent_as_shown(response) -> dict:
    """What a browser posts back from the page's form left untouched."""
    form = response.context["form"]
    sent = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            sent[name] = "on"
        elif value not in (None, False, ""):
            sent[name] = value
    return sent


def test_a_billing_address_differing_only_in_areas_or_metadata_is_not_ticked_as_the_same(client):
    shopper = make_user()
    home = _dublin(shopper)
    office = make_booked_address(
        shopper, **SHOWN, city_area="", country_area="Co. Dublin", metadata={"vat": "IE123"}
    )
    User.objects.filter(pk=shopper.pk).update(
        default_shipping_address=home, default_billing_address=office
    )
    client.force_login(shopper)
    client.post("/en/cart/add/", {"variant": make_variant().pk, "quantity": 1})

    shown = client.get("/en/checkout/details/")
    sent = client.post("/en/checkout/details/", _sent_as_shown(shown))
    checkout = shopper.checkouts.get()

    assert shown.context["form"]["billing_same"].value() is False
    assert sent.status_code == 302
    assert _areas(checkout.shipping_address) == AREAS
    assert _areas(checkout.billing_address) == {
        "city_area": "",
        "country_area": "Co. Dublin",
        "metadata": {"vat": "IE123"},
    }


def test_an_address_moved_on_its_page_drops_its_district_and_region_but_keeps_its_metadata(
    client,
):
    shopper = make_user()
    address = _dublin(shopper)
    client.force_login(shopper)

    moved = client.post(
        f"/en/account/addresses/{address.pk}/edit/",
        {**SHOWN, "postal_code": "T12 X2Y3", "city": "Cork"},
    )

    assert moved.status_code == 302
    assert _areas(address) == {"city_area": "", "country_area": "", "metadata": {"door": "blue"}}
