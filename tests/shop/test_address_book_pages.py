"""The "My addresses" page, the order's addresses kept in the book, and the checkout's details
form starting from the defaults."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.accounts.models import Address, User
from shop.checkout.complete import checkout_complete
from shop.checkout.services import checkout_contact_update, checkout_create, checkout_line_add
from tests.factories import (
    make_address_data,
    make_booked_address,
    make_ready_checkout,
    make_user,
    make_variant,
)

pytestmark = pytest.mark.django_db

FORM = vars(make_address_data())


def _booked(user: User, city: str = "Cahors") -> Address:
    return make_booked_address(user, city=city)


def _book(user: User) -> list[tuple[str, str]]:
    return [(a.city, a.postal_code) for a in user.addresses.order_by("id")]


def _defaults(user: User) -> tuple[int | None, int | None]:
    user.refresh_from_db()
    return user.default_shipping_address_id, user.default_billing_address_id


def test_the_page_asks_a_visitor_to_sign_in(client):
    response = client.get("/en/account/addresses/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/account/addresses/"


def test_an_empty_book_says_so_and_offers_to_add_one_and_the_account_pages_link_to_it(client):
    client.force_login(make_user())

    html = client.get("/en/account/addresses/").content.decode()
    orders = client.get("/en/account/orders/").content.decode()

    assert "Your address book is empty." in html
    assert '<a class="button" href="/en/account/addresses/new/">Add an address</a>' in html
    assert '<a href="/en/account/addresses/">My addresses</a>' in orders
    assert 'href="/en/account/addresses/" aria-current="page">My addresses</a>' in html


def test_a_shopper_adds_an_address_made_their_default_for_both(client):
    shopper = make_user()
    client.force_login(shopper)

    form = client.get("/en/account/addresses/new/").content.decode()
    response = client.post(
        "/en/account/addresses/new/",
        {**FORM, "postal_code": " 46000 ", "default_shipping": "on", "default_billing": "on"},
    )
    html = client.get("/en/account/addresses/").content.decode()

    assert '<label for="id_first_name">First name:</label>' in form
    assert 'autocomplete="postal-code"' in form
    assert response.status_code == 302 and response["Location"] == "/en/account/addresses/"
    address = shopper.addresses.get()
    assert _defaults(shopper) == (address.pk, address.pk)
    assert "The address is in your address book." in html
    assert "46000 Cahors<br>" in html and "France" in html
    assert "Default delivery address" in html and "Default billing address" in html
    assert "Use for delivery" not in html


def test_a_refused_address_shows_the_checkouts_messages_and_saves_nothing(client):
    shopper = make_user()
    client.force_login(shopper)

    response = client.post(
        "/en/account/addresses/new/", {**FORM, "city": "", "postal_code": "ABCDE"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Add an address" in html
    assert '<a href="#id_city">Town or city: This field is required.</a>' in html
    assert "Postcode: This postcode does not exist in the chosen country." in html
    assert _book(shopper) == [] and not Address.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "x" * 150, "First name: Ensure this value has at most 100 characters"),
        (
            "phone",
            "0" * 40,
            "Phone (optional, for the carrier): Ensure this value has at most 30 characters",
        ),
        ("city", "Ca\x00hors", "Town or city: Null characters are not allowed."),
    ],
)
def test_an_overlong_field_or_a_nul_character_is_refused_at_its_field(
    client, field, value, message
):
    shopper = make_user()
    client.force_login(shopper)

    response = client.post("/en/account/addresses/new/", {**FORM, field: value})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Address.objects.exists()


def test_the_details_form_refuses_an_overlong_field_or_a_nul_character_at_its_field(client):
    client.post("/en/cart/add/", {"variant": make_variant().pk, "quantity": 1})
    details = {
        "email": "emma@example.org",
        **{f"shipping_{name}": value for name, value in FORM.items()},
        "billing_same": "on",
    }

    long_name = client.post("/en/checkout/details/", {**details, "shipping_last_name": "x" * 101})
    nul = client.post("/en/checkout/details/", {**details, "shipping_city": "Ca\x00hors"})

    assert (long_name.status_code, nul.status_code) == (400, 400)
    assert "Last name: Ensure this value has at most 100 characters (it has 101)." in (
        long_name.content.decode()
    )
    assert "Town or city: Null characters are not allowed." in nul.content.decode()
    assert not Address.objects.exists()


def test_a_shopper_edits_an_address_and_makes_it_a_default_then_deletes_it(client):
    shopper = make_user()
    address, other = _booked(shopper), _booked(shopper, "Figeac")
    client.force_login(shopper)

    form = client.get(f"/en/account/addresses/{address.pk}/edit/").content.decode()
    edited = client.post(f"/en/account/addresses/{address.pk}/edit/", {**FORM, "city": "Gourdon"})
    client.post(f"/en/account/addresses/{other.pk}/default/", {"kind": "billing"})
    client.post(f"/en/account/addresses/{address.pk}/default/", {"kind": "shipping"})
    assert _defaults(shopper) == (address.pk, other.pk)
    deleted = client.post(f"/en/account/addresses/{address.pk}/delete/")

    assert 'value="Cahors"' in form
    assert edited.status_code == 302
    assert deleted.status_code == 302
    assert _book(shopper) == [("Figeac", "46000")]
    assert _defaults(shopper) == (None, other.pk)


def test_someone_elses_address_is_not_found_and_stays_as_it_was(client):
    shopper, other = make_user(), make_user()
    theirs = _booked(other)
    client.force_login(shopper)

    answers = [
        client.get(f"/en/account/addresses/{theirs.pk}/edit/"),
        client.post(f"/en/account/addresses/{theirs.pk}/edit/", {**FORM, "city": "Gourdon"}),
        client.post(f"/en/account/addresses/{theirs.pk}/delete/"),
        client.post(f"/en/account/addresses/{theirs.pk}/default/", {"kind": "shipping"}),
        client.get(f"/en/account/addresses/{2**70}/edit/"),
        client.post(f"/en/account/addresses/{2**70}/delete/"),
    ]

    assert [answer.status_code for answer in answers] == [404] * 6
    assert _book(other) == [("Cahors", "46000")]
    assert _defaults(shopper) == (None, None)


def test_deleting_by_a_link_or_an_unknown_kind_of_default_is_refused(client):
    shopper = make_user()
    address = _booked(shopper)
    client.force_login(shopper)

    by_get = client.get(f"/en/account/addresses/{address.pk}/delete/")
    bad_kind = client.post(f"/en/account/addresses/{address.pk}/default/", {"kind": "gift"})

    assert (by_get.status_code, bad_kind.status_code) == (405, 400)
    assert _book(shopper) == [("Cahors", "46000")] and _defaults(shopper) == (None, None)


def test_the_page_costs_the_same_queries_however_many_addresses(client):
    shopper = make_user()
    client.force_login(shopper)
    _booked(shopper)
    client.get("/en/account/addresses/")  # the page's frame is made once per process
    with CaptureQueriesContext(connection) as few:
        client.get("/en/account/addresses/")
    for city in ("Figeac", "Gourdon", "Souillac"):
        _booked(shopper, city)
    with CaptureQueriesContext(connection) as more:
        html = client.get("/en/account/addresses/").content.decode()

    assert html.count('class="address-card"') == 4
    assert len(few.captured_queries) == len(more.captured_queries)


def test_a_signed_in_shoppers_order_fills_their_book_once_and_sets_missing_defaults():
    shopper = make_user()
    variant = make_variant(price=Decimal("3.90"))
    office = _booked(shopper, "Figeac")
    User.objects.filter(pk=shopper.pk).update(default_billing_address=office)

    first = make_ready_checkout((variant, 1))
    checkout_complete(checkout=first, user=shopper)
    second = make_ready_checkout((variant, 1))
    checkout_complete(checkout=second, user=shopper)

    assert _book(shopper) == [("Figeac", "46000"), ("Cahors", "46000")]
    home = shopper.addresses.get(city="Cahors")
    assert _defaults(shopper) == (home.pk, office.pk)


def test_an_order_to_a_booked_address_with_metadata_adds_its_keys_to_it_not_a_copy():
    shopper = make_user()
    home = make_booked_address(shopper, metadata={"door": "blue", "floor": "1"})
    checkout = make_ready_checkout((make_variant(price=Decimal("3.90")), 1))
    checkout.shipping_address.metadata = {"floor": "2"}
    checkout.shipping_address.save(update_fields=["metadata"])

    checkout_complete(checkout=checkout, user=shopper)

    assert list(shopper.addresses.values_list("pk", "metadata")) == [
        (home.pk, {"door": "blue", "floor": "2"})
    ]


def test_a_guests_order_touches_no_book():
    checkout_complete(checkout=make_ready_checkout((make_variant(price=Decimal("3.90")), 1)))
    assert not User.addresses.through.objects.exists()


def test_the_details_form_starts_from_the_shoppers_default_addresses(client):
    shopper = make_user()
    home, office = _booked(shopper, "Cahors"), _booked(shopper, "Figeac")
    User.objects.filter(pk=shopper.pk).update(
        default_shipping_address=home, default_billing_address=office
    )
    client.force_login(shopper)
    client.post("/en/cart/add/", {"variant": make_variant().pk, "quantity": 1})

    html = client.get("/en/checkout/details/").content.decode()

    assert 'name="shipping_city" value="Cahors"' in html
    assert 'name="billing_city" value="Figeac"' in html
    assert '<input type="checkbox" name="billing_same" id="id_billing_same">' in html


def test_what_the_checkout_knows_wins_over_the_defaults(client):
    shopper = make_user()
    User.objects.filter(pk=shopper.pk).update(default_shipping_address=_booked(shopper, "Figeac"))
    checkout = checkout_create(user=shopper)
    checkout_line_add(checkout=checkout, variant_id=make_variant().pk, quantity=1)
    checkout_contact_update(
        checkout=checkout, email=shopper.email, shipping=make_address_data(city="Souillac")
    )
    client.force_login(shopper)

    html = client.get("/en/checkout/details/").content.decode()

    assert 'name="shipping_city" value="Souillac"' in html
