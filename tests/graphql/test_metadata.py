"""Metadata through the API: the contract's checkout update and the SDK's account details, who
may write what, key validation, and private metadata kept from everyone but the staff."""

import pytest
from django.contrib.auth.models import Permission

from catalogue.metadata.checks import MAX_KEY_LENGTH
from catalogue.metadata.error_codes import MetadataErrorCode as DomainCode
from catalogue.metadata.services import MAX_KEYS
from catalogue.models import Product
from shop.checkout.models import Checkout
from shop.graphql.auth import ACCESS, token_for
from shop.graphql.core.enums import MetadataErrorCode as ApiCode
from shop.graphql.core.ids import to_global_id
from shop.orders.models import Order
from tests.factories import make_product, make_ready_checkout, make_user, make_variant
from tests.graphql.client import api_post
from tests.graphql.contract import operation_source

pytestmark = pytest.mark.django_db

UPDATE = """mutation($id: ID!, $input: [MetadataInput!]!) { updateMetadata(id: $id, input: $input) {
  errors { field message code } item { metadata { key value } } } }"""
DELETE = """mutation($id: ID!, $keys: [String!]!) { deleteMetadata(id: $id, keys: $keys) {
  errors { field code } item { metadata { key value } } } }"""
PRIVATE_UPDATE = """mutation($id: ID!, $input: [MetadataInput!]!) {
  updatePrivateMetadata(id: $id, input: $input) {
    errors { field code } item { privateMetadata { key value } } } }"""
ME_FIELDS = """{ me { metadata { key value } metafield(key: "size")
  metafields(keys: ["size", "missing"]) all: metafields } }"""
ME_PRIVATE = "{ me { email privateMetadata { key value } } }"
COMPLETE = """mutation($id: ID, $metadata: [MetadataInput!]) {
  checkoutComplete(id: $id, metadata: $metadata) {
    order { metadata { key value } } errors { field code } } }"""
CREATE = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { metadata { key value } } errors { field code } } }"""


def _token(user) -> str:
    return token_for(user=user, token_type=ACCESS)


def _items(**pairs: str) -> list[dict]:
    return [{"key": key, "value": value} for key, value in pairs.items()]


def hidden(result: dict, mutation: str) -> None:
    """The answer to an ID of an object its requester may not write: the one to an ID that
    names nothing."""
    payload = result["data"][mutation]
    assert payload["item"] is None
    assert [(error["field"], error["code"]) for error in payload["errors"]] == [("id", "NOT_FOUND")]


def _denied(result: dict, field: str) -> None:
    assert result["data"] == {field: None}
    assert [error["extensions"]["exception"]["code"] for error in result["errors"]] == [
        "PERMISSION_DENIED"
    ]


def test_the_contracts_checkout_metadata_update_writes_a_guests_checkout(client):
    checkout = Checkout.objects.create(metadata={"kept": "yes"})
    checkout_id = to_global_id("Checkout", checkout.token)

    result = api_post(
        client,
        operation_source("operations-storefront.graphql", "checkoutMetadataUpdate"),
        {"id": checkout_id, "input": _items(gift="true", note="Bon anniversaire")},
    )

    assert result == {"data": {"updateMetadata": {"errors": [], "item": {"id": checkout_id}}}}
    checkout.refresh_from_db()
    assert checkout.metadata == {"kept": "yes", "gift": "true", "note": "Bon anniversaire"}
    assert checkout.private_metadata == {}


def test_the_sdks_user_details_carry_the_accounts_metadata(client):
    user = make_user(metadata={"size": "M", "newsletter": "weekly"}, private_metadata={"vip": "1"})

    result = api_post(
        client, operation_source("operations-sdk.graphql", "User"), token=_token(user)
    )

    assert "errors" not in result
    assert result["data"]["user"]["metadata"] == _items(newsletter="weekly", size="M")


def test_a_shopper_writes_and_deletes_their_own_metadata_and_reads_metafields(client):
    user = make_user()
    user_id, token = to_global_id("User", user.pk), _token(user)

    updated = api_post(
        client, UPDATE, {"id": user_id, "input": _items(size="M", a="1")}, token=token
    )
    deleted = api_post(client, DELETE, {"id": user_id, "keys": ["a", "never-set"]}, token=token)
    read = api_post(client, ME_FIELDS, token=token)

    assert updated["data"]["updateMetadata"] == {
        "errors": [],
        "item": {"metadata": _items(a="1", size="M")},
    }
    assert deleted["data"]["deleteMetadata"] == {
        "errors": [],
        "item": {"metadata": _items(size="M")},
    }
    assert read["data"]["me"] == {
        "metadata": _items(size="M"),
        "metafield": "M",
        "metafields": {"size": "M"},
        "all": {"size": "M"},
    }
    user.refresh_from_db()
    assert user.metadata == {"size": "M"}


def test_a_signed_in_shoppers_checkout_is_theirs_to_write(client):
    owner = make_user()
    checkout = Checkout.objects.create(user=owner, metadata={"kept": "yes"})
    checkout_id = to_global_id("Checkout", checkout.token)
    variables = {"id": checkout_id, "input": _items(gift="true")}

    anonymous = api_post(client, UPDATE, variables)
    stranger = api_post(client, UPDATE, variables, token=_token(make_user()))
    own = api_post(client, UPDATE, variables, token=_token(owner))

    hidden(anonymous, "updateMetadata")
    hidden(stranger, "updateMetadata")
    assert own["data"]["updateMetadata"]["errors"] == []
    checkout.refresh_from_db()
    assert checkout.metadata == {"kept": "yes", "gift": "true"}


def test_a_checkouts_metadata_goes_with_it_into_its_order(client):
    checkout = make_ready_checkout((make_variant(), 1))
    Checkout.objects.filter(pk=checkout.pk).update(
        metadata={"gift": "true"}, private_metadata={"source": "kiosk"}
    )
    checkout_id = to_global_id("Checkout", checkout.token)

    refused = api_post(client, COMPLETE, {"id": checkout_id, "metadata": _items(**{"": "x"})})
    kept = Checkout.objects.get(pk=checkout.pk).metadata
    placed = api_post(client, COMPLETE, {"id": checkout_id, "metadata": _items(note="Bravo")})

    assert refused["data"]["checkoutComplete"] == {
        "order": None,
        "errors": [{"field": "metadata", "code": "REQUIRED"}],
    }
    assert kept == {"gift": "true"}
    assert placed["data"]["checkoutComplete"] == {
        "order": {"metadata": _items(gift="true", note="Bravo")},
        "errors": [],
    }
    order = Order.objects.get(checkout_token=checkout.token)
    assert order.private_metadata == {"source": "kiosk"}


def test_a_checkout_is_created_with_its_metadata_and_private_metadata_is_the_staffs(client):
    variant = make_variant()
    lines = [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 1}]

    created = api_post(client, CREATE, {"input": {"lines": lines, "metadata": _items(gift="1")}})
    private = api_post(
        client, CREATE, {"input": {"lines": lines, "privateMetadata": _items(source="x")}}
    )

    assert created["data"]["checkoutCreate"] == {
        "checkout": {"metadata": _items(gift="1")},
        "errors": [],
    }
    _denied(private, "checkoutCreate")
    assert list(Checkout.objects.values_list("metadata", "private_metadata")) == [
        ({"gift": "1"}, {})
    ]


def test_nobody_writes_another_persons_metadata(client):
    user = make_user(metadata={"size": "M"})
    variables = {"id": to_global_id("User", user.pk), "input": _items(size="XL")}

    anonymous = api_post(client, UPDATE, variables)
    other = api_post(client, UPDATE, variables, token=_token(make_user()))
    deleted = api_post(
        client,
        DELETE,
        {"id": to_global_id("User", user.pk), "keys": ["size"]},
        token=_token(make_user()),
    )

    hidden(anonymous, "updateMetadata")
    hidden(other, "updateMetadata")
    hidden(deleted, "deleteMetadata")
    user.refresh_from_db()
    assert user.metadata == {"size": "M"}


def test_a_products_metadata_is_the_staffs_to_write(client):
    product = make_product(metadata={"kept": "yes"})
    variables = {"id": to_global_id("Product", product.pk), "input": _items(shelf="B2")}
    manager = make_user()
    manager.user_permissions.add(Permission.objects.get(codename="change_product"))

    shopper = api_post(client, UPDATE, variables, token=_token(make_user()))
    after_shopper = Product.objects.get(pk=product.pk).metadata
    staff = api_post(client, UPDATE, variables, token=_token(make_user(is_staff=True)))
    with_permission = api_post(
        client,
        UPDATE,
        {"id": to_global_id("Product", product.pk), "input": _items(aisle="3")},
        token=_token(manager),
    )

    hidden(shopper, "updateMetadata")
    assert after_shopper == {"kept": "yes"}
    assert staff["data"]["updateMetadata"]["errors"] == []
    assert with_permission["data"]["updateMetadata"]["errors"] == []
    product.refresh_from_db()
    assert product.metadata == {"kept": "yes", "shelf": "B2", "aisle": "3"}


def test_private_metadata_is_hidden_from_everyone_but_the_staff(client):
    user = make_user(metadata={"size": "M"}, private_metadata={"vip": "1"})
    staff = make_user(is_staff=True)
    user_id = to_global_id("User", user.pk)

    own_private = api_post(client, ME_PRIVATE, token=_token(user))
    own_public = api_post(
        client, '{ me { metafield(key: "vip") all: metafields } }', token=_token(user)
    )
    write = api_post(
        client, PRIVATE_UPDATE, {"id": user_id, "input": _items(vip="0")}, token=_token(user)
    )
    staff_write = api_post(
        client, PRIVATE_UPDATE, {"id": user_id, "input": _items(notes="kind")}, token=_token(staff)
    )

    _denied(own_private, "me")
    assert own_public["data"]["me"] == {"metafield": None, "all": {"size": "M"}}
    hidden(write, "updatePrivateMetadata")
    assert staff_write["data"]["updatePrivateMetadata"] == {
        "errors": [],
        "item": {"privateMetadata": _items(notes="kind", vip="1")},
    }
    user.refresh_from_db()
    assert user.metadata == {"size": "M"}
    assert user.private_metadata == {"vip": "1", "notes": "kind"}


@pytest.mark.parametrize(
    ("items", "code"),
    [
        (_items(good="1", **{"": "empty"}), "REQUIRED"),
        (_items(good="1", **{"   ": "blank"}), "REQUIRED"),
        (_items(good="1", **{"k" * (MAX_KEY_LENGTH + 1): "long"}), "INVALID"),
        (_items(good="1", **{"tab\tkey": "control"}), "INVALID"),
        (_items(good="1", nul="a\x00b"), "INVALID"),
        (_items(**{f"key{n}": "v" for n in range(MAX_KEYS)}), "INVALID"),
        (_items(big="x" * 33_000), "INVALID"),
        ([], "REQUIRED"),
    ],
)
def test_a_refused_key_or_value_writes_nothing(client, items, code):
    checkout = Checkout.objects.create(metadata={"kept": "yes"})

    result = api_post(
        client, UPDATE, {"id": to_global_id("Checkout", checkout.token), "input": items}
    )

    payload = result["data"]["updateMetadata"]
    assert [(error["field"], error["code"]) for error in payload["errors"]] == [("input", code)]
    assert payload["item"] is None
    checkout.refresh_from_db()
    assert checkout.metadata == {"kept": "yes"}


@pytest.mark.parametrize(
    ("global_id", "code"),
    [
        (to_global_id("Checkout", "6d4c1ffb-3f5e-4b0e-9d43-1a3f5b0b2c11"), "NOT_FOUND"),
        (to_global_id("Checkout", "not-a-token"), "NOT_FOUND"),
        (to_global_id("Product", 999999), "NOT_FOUND"),
        (to_global_id("Product", "²"), "NOT_FOUND"),
        (to_global_id("Product", "9" * 30), "NOT_FOUND"),
        (to_global_id("Channel", "default-channel"), "GRAPHQL_ERROR"),
        ("not an id", "GRAPHQL_ERROR"),
    ],
)
def test_an_id_naming_nothing_with_metadata_is_a_typed_error(client, global_id, code):
    result = api_post(client, UPDATE, {"id": global_id, "input": _items(a="1")})

    assert result["data"]["updateMetadata"]["item"] is None
    assert [(e["field"], e["code"]) for e in result["data"]["updateMetadata"]["errors"]] == [
        ("id", code)
    ]


def test_every_metadata_error_code_of_the_domain_is_one_of_the_api():
    assert {code.value for code in DomainCode} == {code.value for code in ApiCode}


@pytest.mark.parametrize("items", [_items(size="XL"), []])
def test_an_object_one_may_not_write_answers_as_an_id_naming_nothing(client, items):
    """Neither the answer nor the order of the checks tells whether the object exists."""
    user = make_user(metadata={"size": "M"})
    stranger = _token(make_user())
    product = make_product()

    answers = [
        api_post(client, UPDATE, {"id": to_global_id(type_name, key), "input": items}, token=token)
        for type_name, key, token in (
            ("User", user.pk, stranger),
            ("User", user.pk + 1000, stranger),
            ("Product", product.pk, stranger),
            ("Product", product.pk + 1000, stranger),
            ("Checkout", Checkout.objects.create(user=user).token, None),
            ("Checkout", "6d4c1ffb-3f5e-4b0e-9d43-1a3f5b0b2c11", None),
        )
    ]

    nothing = {"errors": [{"field": "id", "message": "Nothing has this ID.", "code": "NOT_FOUND"}]}
    assert [answer["data"]["updateMetadata"] for answer in answers] == [
        {**nothing, "item": None}
    ] * 6
    user.refresh_from_db()
    assert user.metadata == {"size": "M"}
