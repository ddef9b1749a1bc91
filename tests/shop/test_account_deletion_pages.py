"""Deleting one's account on the shop: "Delete my account" emails a link, its page erases the
account; orders stay with their addresses."""

from decimal import Decimal

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from shop.accounts.emails import deletion_token_generator
from shop.accounts.models import AccountEvent, Address, User
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_create, checkout_line_add
from shop.orders.models import Order
from tests.emails import emailed_path
from tests.factories import (
    make_member,
    make_producer,
    make_ready_checkout,
    make_user,
    make_variant,
)

pytestmark = pytest.mark.django_db


def test_the_profile_page_offers_to_delete_the_account_and_says_what_stays(client):
    client.force_login(make_user())
    html = client.get("/en/account/profile/").content.decode()
    assert '<h2 id="delete-title">Delete my account</h2>' in html
    assert '<form method="post" action="/en/account/delete/">' in html
    assert "Your orders are kept" in html


def test_a_shopper_deletes_their_account_and_their_orders_stay(client, outbox):
    shopper = make_user(
        email="emma@example.org", first_name="Emma", last_name="Clarke", metadata={"a": "b"}
    )
    variant = make_variant(price=Decimal("3.90"))
    order = checkout_complete(checkout=make_ready_checkout((variant, 1)), user=shopper)
    cart = checkout_create(user=shopper)
    checkout_line_add(checkout=cart, variant_id=variant.pk, quantity=1)
    book = list(shopper.addresses.values_list("pk", flat=True))
    other_device = Client()
    other_device.force_login(shopper)
    client.force_login(shopper)

    asked = client.post("/en/account/delete/")
    path = emailed_path(outbox[0])
    page = client.get(path).content.decode()
    deleted = client.post(path)

    assert asked["Location"] == "/en/account/profile/"
    assert outbox[0].to == ["emma@example.org"]
    assert path.startswith("/en/account/delete/")
    assert "Delete my account for good" in page
    assert deleted["Location"] == "/en/"
    assert "Your account is deleted." in client.get("/en/").content.decode()
    assert SESSION_KEY not in client.session
    assert other_device.get("/en/account/orders/").status_code == 302
    shopper.refresh_from_db()
    assert (shopper.email, shopper.first_name, shopper.last_name) == (
        f"erased-{shopper.pk}@erased.invalid",
        "",
        "",
    )
    assert (shopper.is_active, shopper.has_usable_password(), shopper.metadata) == (
        False,
        False,
        {},
    )
    assert shopper.default_shipping_address_id is None
    assert not shopper.addresses.exists()
    assert not Checkout.objects.filter(pk=cart.pk).exists()
    order = Order.objects.get(pk=order.pk)
    assert order.shipping_address.city == "Cahors" and order.billing_address.city == "Cahors"
    assert len(book) == 1 and not Address.objects.filter(pk__in=book).exists()
    event = AccountEvent.objects.get()
    assert (event.action, event.data) == ("accounts.user.erased", {"addresses": 1, "checkouts": 1})
    assert (
        client.post(
            "/en/account/login/",
            {"username": "emma@example.org", "password": "a-long-test-password"},
        ).status_code
        == 400
    )


def test_a_used_wrong_or_other_accounts_link_erases_nothing(client, outbox):
    shopper, other = make_user(first_name="Emma"), make_user()
    client.force_login(other)
    client.post("/en/account/delete/")
    others_path = emailed_path(outbox[0])
    client.force_login(shopper)

    answers = [
        client.get(others_path),
        client.post(others_path),
        client.post("/en/account/delete/MQ-wrong/"),
    ]

    assert [answer.status_code for answer in answers] == [400, 400, 400]
    assert "This link does not work any more" in answers[0].content.decode()
    assert "Delete my account for good" not in answers[0].content.decode()
    assert User.objects.filter(is_active=True).count() == 2
    assert not AccountEvent.objects.exists()


def test_the_deletion_pages_want_a_signed_in_shopper_and_posts(client):
    assert client.post("/en/account/delete/").status_code == 302
    assert client.get("/en/account/delete/MQ-x/").status_code == 302
    client.force_login(make_user())
    assert client.get("/en/account/delete/").status_code == 405


def test_a_producers_member_is_told_to_hand_the_producer_over_and_nothing_is_erased(client, outbox):
    member = make_member(producer=make_producer())
    path = f"/en/account/delete/{deletion_token_generator.make_token(member)}/"
    client.force_login(member)

    asked = client.post("/en/account/delete/", follow=True)
    opened = client.get(path)
    confirmed = client.post(path, follow=True)

    assert asked.redirect_chain == [("/en/account/profile/", 302)]
    assert "You are a member of a producer: hand the producer over" in asked.content.decode()
    assert opened["Location"] == "/en/account/profile/"
    assert "You are a member of a producer" in confirmed.content.decode()
    assert outbox == []
    member.refresh_from_db()
    assert member.is_active and SESSION_KEY in client.session
    assert not AccountEvent.objects.exists()
