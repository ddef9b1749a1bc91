"""The contract's types that carry metadata only: the ones with a counterpart in the shop read
its real data (VAT rates, shipping zones and methods, the channel's taxes, sellers' invoices);
the metadata mutations answer their IDs with a typed error, since the shop keeps none for them."""

import pytest

from catalogue.models import VatRate
from shop.graphql.core.ids import to_global_id
from shop.orders.services import order_payment_succeed
from tests.factories import make_order, make_product, make_variant
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

TAX_CLASS = "query($id: ID!) { taxClass(id: $id) { id name metadata { key } } }"
TAX_CONFIGURATION = """query($id: ID!) { taxConfiguration(id: $id) {
  id channel { slug } chargeTaxes displayGrossPrices pricesEnteredWithTax metadata { key } } }"""
ZONE = """query($id: ID!, $channel: String) { shippingZone(id: $id, channel: $channel) {
  id name default countries { code } shippingMethods { id name metadata { key } } } }"""
INVOICES = """query($id: ID!) { order(id: $id) {
  invoices { id number createdAt updatedAt url order { id } metadata { key } } } }"""


def test_a_product_reads_the_vat_rate_it_sells_at_as_its_tax_class(client):
    product = make_product(vat_rate=VatRate.STANDARD)
    query = "query($id: ID!) { product(id: $id) { taxClass { id name } } }"

    result = api_post(client, query, {"id": to_global_id("Product", product.pk)})

    assert result["data"]["product"]["taxClass"] == {
        "id": to_global_id("TaxClass", "20.00"),
        "name": "20 % (alcohol, confectionery, merchandise)",
    }


def test_a_tax_class_is_found_by_its_id_and_an_unknown_rate_is_none(client):
    found = api_post(client, TAX_CLASS, {"id": to_global_id("TaxClass", "5.50")})
    unknown = api_post(client, TAX_CLASS, {"id": to_global_id("TaxClass", "7.00")})

    assert found["data"]["taxClass"] == {
        "id": to_global_id("TaxClass", "5.50"),
        "name": "5.5 % (food)",
        "metadata": [],
    }
    assert unknown == {"data": {"taxClass": None}}


def test_the_channels_tax_configuration_enters_and_shows_prices_tax_included(client):
    configuration_id = to_global_id("TaxConfiguration", "default-channel")

    result = api_post(client, TAX_CONFIGURATION, {"id": configuration_id})
    other = api_post(client, TAX_CONFIGURATION, {"id": to_global_id("TaxConfiguration", "x")})

    assert result["data"]["taxConfiguration"] == {
        "id": configuration_id,
        "channel": {"slug": "default-channel"},
        "chargeTaxes": True,
        "displayGrossPrices": True,
        "pricesEnteredWithTax": True,
        "metadata": [],
    }
    assert other == {"data": {"taxConfiguration": None}}


def test_shipping_zones_hold_their_countries_and_the_methods_with_rates_there(client):
    france = api_post(client, ZONE, {"id": to_global_id("ShippingZone", "fr")})
    europe = api_post(client, ZONE, {"id": to_global_id("ShippingZone", "eu")})

    assert france["data"]["shippingZone"] == {
        "id": to_global_id("ShippingZone", "fr"),
        "name": "France",
        "default": False,
        "countries": [{"code": "FR"}],
        "shippingMethods": [
            {
                "id": to_global_id("ShippingMethodType", "standard"),
                "name": "Standard parcel",
                "metadata": [],
            },
            {
                "id": to_global_id("ShippingMethodType", "chilled"),
                "name": "Chilled express",
                "metadata": [],
            },
        ],
    }
    zone = europe["data"]["shippingZone"]
    # Chilled express keeps the cold chain within France only.
    assert [method["name"] for method in zone["shippingMethods"]] == ["Standard parcel"]
    assert len(zone["countries"]) == 26
    assert {"code": "FR"} not in zone["countries"] and {"code": "NL"} in zone["countries"]


def test_a_shipping_zone_of_another_channel_or_an_unknown_id_is_refused_or_none(client):
    unknown = api_post(client, ZONE, {"id": to_global_id("ShippingZone", "us")})
    other_channel = api_post(
        client, ZONE, {"id": to_global_id("ShippingZone", "fr"), "channel": "elsewhere"}
    )

    assert unknown == {"data": {"shippingZone": None}}
    assert other_channel["data"] == {"shippingZone": None}
    assert other_channel["errors"][0]["extensions"]["exception"]["code"] == "NOT_FOUND"


def test_a_paid_orders_invoices_are_its_sellers_invoices(client):
    cheese, wine = make_variant(), make_variant()

    order = make_order((cheese, 1), (wine, 2))
    order_id = to_global_id("Order", order.token)
    unpaid = api_post(client, INVOICES, {"id": order_id})
    order_payment_succeed(order=order, gateway="test", reference="ref-1")

    result = api_post(client, INVOICES, {"id": order_id})

    assert unpaid["data"]["order"]["invoices"] == []
    groups = list(order.groups.order_by("pk"))
    assert result["data"]["order"]["invoices"] == [
        {
            "id": to_global_id("Invoice", group.pk),
            "number": group.invoice_number,
            "createdAt": group.invoiced_at.isoformat(),
            "updatedAt": group.invoiced_at.isoformat(),
            "url": None,
            "order": {"id": order_id},
            "metadata": [],
        }
        for group in groups
    ]
    assert len(groups) == 2 and all(group.invoice_number for group in groups)


@pytest.mark.parametrize(
    "type_name, key",
    [("ShippingZone", "fr"), ("TaxClass", "5.50"), ("Invoice", "1"), ("Promotion", "1")],
)
def test_metadata_mutations_answer_the_ids_of_types_without_stored_metadata_with_an_error(
    client, type_name, key
):
    mutation = """mutation($id: ID!) { updateMetadata(id: $id, input: [{key: "a", value: "b"}]) {
      errors { field code } item { metadata { key } } } }"""

    result = api_post(client, mutation, {"id": to_global_id(type_name, key)})

    assert result["data"]["updateMetadata"] == {
        "errors": [{"field": "id", "code": "GRAPHQL_ERROR"}],
        "item": None,
    }
