"""The shop and its channel through the API: the publisher's address, today's campaign, the
pickup places as warehouses, the checkout and stock settings, home delivery's lowest price."""

import pytest

from shop.graphql.core.ids import to_global_id
from tests.factories import (
    make_campaign,
    make_producer,
    make_product,
    make_ready_checkout,
    make_variant,
)
from tests.graphql.client import api_post

pytestmark = pytest.mark.django_db

ADDRESS = """id companyName streetAddress1 streetAddress2 postalCode city country { code }
  phone firstName lastName cityArea countryArea"""


def _pickup_producer(**overrides):
    producer = make_producer(
        pickup_place="À la fromagerie, Lieu-dit La Combe",
        pickup_days="du mardi au samedi",
        translations={"en": {"pickup_days": "Tuesday to Saturday"}},
        phone="0565000000",
        **overrides,
    )
    producer.seller.is_selling = True
    producer.seller.save(update_fields=["is_selling"])
    return producer


def test_the_shop_answers_its_publisher_campaign_and_sign_up_rules(client):
    make_campaign(headline="L'été dans le Lot", translations={"en": {"headline": "Summer"}})
    query = f"""{{ shop {{
      companyAddress {{ {ADDRESS} }}
      headerText
      translation(languageCode: EN) {{ id }}
      unknown: translation(languageCode: ES) {{ id }}
      enableAccountConfirmationByEmail allowLoginWithoutConfirmation
      delivered: countries {{ code }}
      others: countries(filter: {{attachedToShippingZones: false}}) {{ code }}
      availableShippingMethods(channel: "default-channel") {{
        id name price {{ amount currency }} translation(languageCode: FR) {{ id name }} }} }} }}"""

    shop = api_post(client, query)["data"]["shop"]

    assert shop["companyAddress"] == {
        "id": to_global_id("Address", "publisher"),
        "companyName": "Département du Lot — Hôtel du Département",
        "streetAddress1": "Avenue de l'Europe",
        "streetAddress2": "Regourd",
        "postalCode": "46000",
        "city": "Cahors",
        "country": {"code": "FR"},
        "phone": "+33565534000",
        "firstName": "",
        "lastName": "",
        "cityArea": "",
        "countryArea": "",
    }
    assert shop["headerText"] == "Summer"
    assert shop["translation"] == {"id": to_global_id("ShopTranslation", "ohmylot:en")}
    assert shop["unknown"] is None
    assert (shop["enableAccountConfirmationByEmail"], shop["allowLoginWithoutConfirmation"]) == (
        False,
        True,
    )
    delivered = {country["code"] for country in shop["delivered"]}
    others = {country["code"] for country in shop["others"]}
    assert len(delivered) == 27 and {"FR", "DE", "NL"} <= delivered
    assert not delivered & others and {"US", "GB", "CH"} <= others
    assert shop["availableShippingMethods"] == [
        {
            "id": to_global_id("ShippingMethod", "home"),
            "name": "Home delivery",
            "price": {"amount": 6.9, "currency": "EUR"},
            "translation": {
                "id": to_global_id("ShippingMethodTranslation", "home:fr"),
                "name": "Livraison à domicile",
            },
        }
    ]


def test_no_campaign_no_header_and_an_unknown_channel_is_an_error(client):
    query = '{ shop { headerText availableShippingMethods(channel: "x") { id } } }'
    found = api_post(client, query)

    assert found["data"]["shop"] == {"headerText": None, "availableShippingMethods": None}
    assert found["errors"][0]["extensions"]["exception"]["code"] == "NOT_FOUND"


def test_the_channel_lists_the_pickup_places_as_warehouses_and_its_settings(client):
    producer = _pickup_producer()
    make_producer()  # no pickup
    query = f"""{{ channel(slug: "default-channel") {{
      warehouses {{ id name slug email isPrivate clickAndCollectOption address {{ {ADDRESS} }} }}
      stockSettings {{ allocationStrategy }}
      checkoutSettings {{ useLegacyErrorFlow automaticallyCompleteFullyPaidCheckouts
        automaticCompletionDelay automaticCompletionCutOffDate allowLegacyGiftCardUse }} }} }}"""

    channel = api_post(client, query)["data"]["channel"]

    seller = producer.seller
    assert channel["warehouses"] == [
        {
            "id": to_global_id("Warehouse", seller.pk),
            "name": f"{seller.name}: À la fromagerie, Lieu-dit La Combe, Tuesday to Saturday",
            "slug": seller.slug,
            "email": producer.email,
            "isPrivate": False,
            "clickAndCollectOption": "LOCAL",
            "address": {
                "id": to_global_id("Address", f"pickup-{seller.pk}"),
                "companyName": seller.name,
                "streetAddress1": "À la fromagerie, Lieu-dit La Combe",
                "streetAddress2": "",
                "postalCode": "46500",
                "city": "Rocamadour",
                "country": {"code": "FR"},
                "phone": "0565000000",
                "firstName": "",
                "lastName": "",
                "cityArea": "",
                "countryArea": "",
            },
        }
    ]
    assert channel["stockSettings"] == {"allocationStrategy": "PRIORITIZE_SORTING_ORDER"}
    assert channel["checkoutSettings"] == {
        "useLegacyErrorFlow": True,
        "automaticallyCompleteFullyPaidCheckouts": True,
        "automaticCompletionDelay": 0,
        "automaticCompletionCutOffDate": None,
        "allowLegacyGiftCardUse": False,
    }


def test_a_collection_point_of_a_checkout_is_its_producers_pickup_place(client):
    producer = _pickup_producer()
    variant = make_variant(product=make_product(seller=producer.seller))
    checkout = make_ready_checkout((variant, 1))
    query = """query($id: ID) { checkout(id: $id) { availableCollectionPoints {
      id slug email address { streetAddress1 city } } } }"""

    found = api_post(client, query, {"id": to_global_id("Checkout", checkout.token)})

    assert found["data"]["checkout"]["availableCollectionPoints"] == [
        {
            "id": to_global_id("Warehouse", producer.seller.pk),
            "slug": producer.seller.slug,
            "email": producer.email,
            "address": {
                "streetAddress1": "À la fromagerie, Lieu-dit La Combe",
                "city": "Rocamadour",
            },
        }
    ]
