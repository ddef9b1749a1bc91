"""Metadata on checkout lines, order lines and product photos: who may write it (whoever
holds the checkout; the order's shopper; the product's producer; the staff for everything and
alone for private metadata), and where it is read back."""

import pytest

from catalogue.models import ProductImage, ReviewStatus
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.ids import to_global_id
from tests.factories import (
    make_listed_product,
    make_order,
    make_ready_checkout,
    make_user,
    make_variant,
)
from tests.graphql.client import api_post
from tests.graphql.test_metadata import hidden

pytestmark = pytest.mark.django_db

UPDATE = """mutation($id: ID!, $input: [MetadataInput!]!) { updateMetadata(id: $id, input: $input) {
  errors { field code } item { __typename ... on CheckoutLine { id quantity }
  ... on OrderLine { id productSku } ... on ProductMedia { id } metadata { key value } } } }"""
PRIVATE_UPDATE = """mutation($id: ID!, $input: [MetadataInput!]!) {
  updatePrivateMetadata(id: $id, input: $input) {
    errors { field code } item { privateMetadata { key value } } } }"""
DELETE = """mutation($id: ID!, $keys: [String!]!) { deleteMetadata(id: $id, keys: $keys) {
  errors { field code } item { metadata { key value } } } }"""
CHECKOUT_LINES = """query($id: ID) { checkout(id: $id) { lines { id metadata { key value }
  metafield(key: "engraving") } } }"""
GIFT = [{"key": "engraving", "value": "Pour Emma"}]


def _token(user) -> str:
    return token_for(user=user, token_type=ACCESS)


def _checkout_line_id(client, checkout) -> str:
    result = api_post(client, CHECKOUT_LINES, {"id": to_global_id("Checkout", checkout.token)})
    return result["data"]["checkout"]["lines"][0]["id"]


def test_whoever_holds_a_guests_checkout_writes_its_lines_metadata(client):
    checkout = make_ready_checkout((make_variant(), 2))
    line_id = _checkout_line_id(client, checkout)

    written = api_post(client, UPDATE, {"id": line_id, "input": GIFT})
    read = api_post(client, CHECKOUT_LINES, {"id": to_global_id("Checkout", checkout.token)})
    private = api_post(client, PRIVATE_UPDATE, {"id": line_id, "input": GIFT})

    assert written["data"]["updateMetadata"] == {
        "errors": [],
        "item": {
            "__typename": "CheckoutLine",
            "id": line_id,
            "quantity": 2,
            "metadata": GIFT,
        },
    }
    assert read["data"]["checkout"]["lines"] == [
        {"id": line_id, "metadata": GIFT, "metafield": "Pour Emma"}
    ]
    hidden(private, "updatePrivateMetadata")
    assert checkout.lines.get().private_metadata == {}


def test_a_checkout_lines_id_holds_a_secret_token_not_its_number(client):
    checkout = make_ready_checkout((make_variant(), 1))
    line = checkout.lines.get()

    assert _checkout_line_id(client, checkout) == to_global_id("CheckoutLine", line.token)
    guessed = api_post(client, UPDATE, {"id": to_global_id("CheckoutLine", line.pk), "input": GIFT})

    assert guessed["data"]["updateMetadata"] == {
        "errors": [{"field": "id", "code": "NOT_FOUND"}],
        "item": None,
    }
    assert checkout.lines.get().metadata == {}


def test_a_shoppers_checkout_lines_are_written_by_the_shopper_only(client):
    shopper, stranger = make_user(), make_user()
    checkout = make_ready_checkout((make_variant(), 1))
    checkout.user = shopper
    checkout.save(update_fields=["user"])
    line_id = to_global_id("CheckoutLine", checkout.lines.get().token)

    anonymous = api_post(client, UPDATE, {"id": line_id, "input": GIFT})
    other = api_post(client, UPDATE, {"id": line_id, "input": GIFT}, token=_token(stranger))
    assert checkout.lines.get().metadata == {}
    own = api_post(client, UPDATE, {"id": line_id, "input": GIFT}, token=_token(shopper))

    hidden(anonymous, "updateMetadata")
    hidden(other, "updateMetadata")
    assert own["data"]["updateMetadata"]["item"]["metadata"] == GIFT


def test_an_order_and_its_lines_public_metadata_is_its_shoppers_private_the_staffs(client):
    shopper, stranger, staff = make_user(), make_user(), make_user(is_staff=True)
    order = make_order((make_variant(), 1))
    order.user = shopper
    order.save(update_fields=["user"])
    line = order.lines.get()
    line_id = to_global_id("OrderLine", line.pk)

    anonymous = api_post(client, UPDATE, {"id": line_id, "input": GIFT})
    other = api_post(client, UPDATE, {"id": line_id, "input": GIFT}, token=_token(stranger))
    private = api_post(
        client, PRIVATE_UPDATE, {"id": line_id, "input": GIFT}, token=_token(shopper)
    )
    line.refresh_from_db()
    assert (line.metadata, line.private_metadata) == ({}, {})
    own = api_post(client, UPDATE, {"id": line_id, "input": GIFT}, token=_token(shopper))
    own_order = api_post(
        client,
        UPDATE,
        {"id": to_global_id("Order", order.token), "input": GIFT},
        token=_token(shopper),
    )
    staff_private = api_post(
        client, PRIVATE_UPDATE, {"id": line_id, "input": GIFT}, token=_token(staff)
    )
    read = api_post(
        client,
        "query($id: ID) { order(id: $id) { lines { metadata { key value } } } }",
        {"id": to_global_id("Order", order.token)},
    )

    hidden(anonymous, "updateMetadata")
    hidden(other, "updateMetadata")
    hidden(private, "updatePrivateMetadata")
    assert own["data"]["updateMetadata"]["item"] == {
        "__typename": "OrderLine",
        "id": line_id,
        "productSku": line.sku,
        "metadata": GIFT,
    }
    assert own_order["data"]["updateMetadata"]["item"]["metadata"] == GIFT
    assert staff_private["data"]["updatePrivateMetadata"]["item"]["privateMetadata"] == GIFT
    assert read["data"]["order"]["lines"] == [{"metadata": GIFT}]


def test_a_guests_order_lines_are_the_staffs_to_write(client):
    line = make_order((make_variant(), 1)).lines.get()
    line_id = to_global_id("OrderLine", line.pk)

    anonymous = api_post(client, UPDATE, {"id": line_id, "input": GIFT})
    staff = api_post(
        client, UPDATE, {"id": line_id, "input": GIFT}, token=_token(make_user(is_staff=True))
    )

    hidden(anonymous, "updateMetadata")
    assert staff["data"]["updateMetadata"]["item"]["metadata"] == GIFT


def test_a_photos_public_metadata_is_its_producers_and_the_staffs(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    make_variant(product=product)
    _other_producer, stranger, _other_product = make_listed_product()
    photo = ProductImage.objects.create(
        product=product, image="products/rocamadour.jpg", width=800, height=600
    )
    photo_id = to_global_id("ProductMedia", photo.pk)
    credit = [{"key": "credit", "value": "Ferme du Causse"}]

    anonymous = api_post(client, UPDATE, {"id": photo_id, "input": credit})
    other = api_post(client, UPDATE, {"id": photo_id, "input": credit}, token=_token(stranger))
    private = api_post(
        client, PRIVATE_UPDATE, {"id": photo_id, "input": credit}, token=_token(owner)
    )
    photo.refresh_from_db()
    assert (photo.metadata, photo.private_metadata) == ({}, {})
    own = api_post(client, UPDATE, {"id": photo_id, "input": credit}, token=_token(owner))
    staff = api_post(
        client,
        DELETE,
        {"id": photo_id, "keys": ["credit"]},
        token=_token(make_user(is_staff=True)),
    )
    api_post(client, UPDATE, {"id": photo_id, "input": credit}, token=_token(owner))
    read = api_post(
        client,
        "query($id: ID) { product(id: $id) { media { id metadata { key value } } } }",
        {"id": to_global_id("Product", product.pk)},
    )

    hidden(anonymous, "updateMetadata")
    hidden(other, "updateMetadata")
    hidden(private, "updatePrivateMetadata")
    assert own["data"]["updateMetadata"]["item"] == {
        "__typename": "ProductMedia",
        "id": photo_id,
        "metadata": credit,
    }
    assert staff["data"]["deleteMetadata"]["item"]["metadata"] == []
    assert read["data"]["product"]["media"] == [{"id": photo_id, "metadata": credit}]
