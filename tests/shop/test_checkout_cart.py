from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from catalogue.models import ProductVariant, ReviewStatus, VatRate
from shop.checkout.models import Checkout, CheckoutLine
from shop.checkout.selectors import checkout_by_token, checkout_summary
from shop.checkout.services import (
    checkout_contact_update,
    checkout_create,
    checkout_delivery_set,
    checkout_line_add,
    checkout_line_update,
    checkout_merge,
)
from tests.factories import (
    make_address_data,
    make_producer,
    make_product,
    make_seller,
    make_user,
    make_variant,
)

pytestmark = pytest.mark.django_db


def error_code(error: ValidationError, field: str) -> str:
    return error.error_dict[field][0].code


def test_adding_the_same_variant_twice_adds_up_the_quantity():
    checkout = checkout_create()
    variant = make_variant(stock_quantity=5)
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=2)
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    assert list(checkout.lines.values_list("quantity", flat=True)) == [3]


def test_a_quantity_over_the_stock_is_refused_with_what_is_left():
    checkout = checkout_create()
    variant = make_variant(stock_quantity=3)
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=2)
    with pytest.raises(ValidationError) as error:
        checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=2)
    assert error_code(error.value, "quantity") == "INSUFFICIENT_STOCK"
    with translation.override("en"):
        assert error.value.error_dict["quantity"][0].messages == ["Only 3 left in stock."]
    with translation.override("fr"):
        assert error.value.error_dict["quantity"][0].messages == ["Plus que 3 en stock."]
    assert list(checkout.lines.values_list("quantity", flat=True)) == [2]


def test_a_sold_out_item_is_refused_without_a_transaction_to_roll_back():
    # A rollback makes the connection forget its prepared statements: shoppers who keep
    # trying a sold-out item must not cost every later page its plans.
    checkout = checkout_create()
    variant = make_variant(stock_quantity=0)
    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError) as error:
        checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    assert error_code(error.value, "quantity") == "INSUFFICIENT_STOCK"
    assert [query["sql"] for query in queries if "SAVEPOINT" in query["sql"]] == []
    assert checkout.lines.count() == 0


def test_zero_and_absurd_quantities_are_refused():
    checkout = checkout_create()
    variant = make_variant(stock_quantity=500)
    for quantity, code in (
        (0, "ZERO_QUANTITY"),
        (-3, "ZERO_QUANTITY"),
        (51, "QUANTITY_GREATER_THAN_LIMIT"),
    ):
        with pytest.raises(ValidationError) as error:
            checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=quantity)
        assert error_code(error.value, "quantity") == code
    assert checkout.lines.count() == 0


def test_a_product_not_for_sale_cannot_be_added():
    checkout = checkout_create()
    draft = make_variant(product=make_product(review_status=ReviewStatus.DRAFT))
    for variant_id in (draft.pk, 999_999):
        with pytest.raises(ValidationError) as error:
            checkout_line_add(checkout=checkout, variant_id=variant_id, quantity=1)
        assert error_code(error.value, "variant") == "PRODUCT_UNAVAILABLE_FOR_PURCHASE"


def test_updating_a_line_sets_its_quantity_and_zero_removes_it():
    checkout = checkout_create()
    variant = make_variant(stock_quantity=5)
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    checkout_line_update(checkout=checkout, variant_id=variant.pk, quantity=4)
    assert checkout.lines.get().quantity == 4
    with pytest.raises(ValidationError):
        checkout_line_update(checkout=checkout, variant_id=variant.pk, quantity=6)
    assert checkout.lines.get().quantity == 4
    checkout_line_update(checkout=checkout, variant_id=variant.pk, quantity=0)
    assert checkout.lines.count() == 0


def test_a_guest_cart_is_merged_into_the_account_at_sign_in():
    user = make_user()
    shared = make_variant(stock_quantity=4)
    only_guest = make_variant(stock_quantity=9)
    account_cart = checkout_create(user=user)
    checkout_line_add(checkout=account_cart, variant_id=shared.pk, quantity=3)
    guest_cart = checkout_create()
    checkout_line_add(checkout=guest_cart, variant_id=shared.pk, quantity=2)
    checkout_line_add(checkout=guest_cart, variant_id=only_guest.pk, quantity=1)

    merged = checkout_merge(source=guest_cart, user=user)

    assert merged.pk == account_cart.pk
    assert dict(merged.lines.values_list("variant_id", "quantity")) == {
        shared.pk: 4,  # 3 + 2, capped at the stock
        only_guest.pk: 1,
    }
    assert not Checkout.objects.filter(pk=guest_cart.pk).exists()


def test_a_malformed_token_finds_no_checkout():
    assert checkout_by_token(token="not-a-uuid") is None
    assert checkout_by_token(token=None) is None
    checkout = checkout_create()
    assert checkout_by_token(token=str(checkout.token)) == checkout


def test_the_summary_groups_lines_per_seller_with_their_delivery_options():
    cheese = make_variant(
        product=make_product(is_perishable=True, is_chilled=True, is_withdrawal_excluded=True),
        weight_grams=400,
    )
    walnuts = make_variant(weight_grams=500)
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=cheese.pk, quantity=2)
    checkout_line_add(checkout=checkout, variant_id=walnuts.pk, quantity=1)

    summary = checkout_summary(checkout=checkout)

    assert len(summary.groups) == 2
    by_seller = {group.seller: group for group in summary.groups}
    cheese_group = by_seller[cheese.product.seller]
    assert [(o.method, o.price) for o in cheese_group.options] == [("chilled", Decimal("14.90"))]
    walnut_group = by_seller[walnuts.product.seller]
    assert [(o.method, o.price) for o in walnut_group.options] == [("standard", Decimal("6.90"))]
    assert summary.withdrawal_excluded == [cheese.product]


def test_pickup_is_offered_where_the_producer_offers_it():
    producer = make_producer(
        seller=make_seller(is_selling=True),
        pickup_place="Ferme du Causse, Gramat",
        pickup_days="Sat 9-12",
    )
    variant = make_variant(product=make_product(seller=producer.seller))
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    options = checkout_summary(checkout=checkout).groups[0].options
    assert [(o.method, o.price, o.detail) for o in options] == [
        ("pickup", Decimal("0.00"), "Ferme du Causse, Gramat, Sat 9-12"),
        ("standard", Decimal("6.90"), ""),
    ]


def test_chilled_goods_do_not_leave_france():
    cheese = make_variant(
        product=make_product(is_perishable=True, is_chilled=True, is_withdrawal_excluded=True)
    )
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=cheese.pk, quantity=1)
    assert checkout_summary(checkout=checkout, country="NL").groups[0].options == []
    assert checkout_summary(checkout=checkout, country="FR").groups[0].options != []


def test_the_rate_follows_the_weight():
    heavy = make_variant(weight_grams=1200)
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=heavy.pk, quantity=3)  # 3.6 kg
    options = checkout_summary(checkout=checkout, country="DE").groups[0].options
    assert [(o.method, o.price) for o in options] == [("standard", Decimal("27.90"))]


def test_vat_is_summed_per_rate_with_shipping_taxed_like_its_goods():
    seller_product = make_product()
    food = make_variant(product=seller_product, price=Decimal("10.55"))
    merch = make_variant(
        product=make_product(seller=seller_product.seller, vat_rate=VatRate.STANDARD),
        price=Decimal("12.00"),
    )
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=food.pk, quantity=2)  # 21.10 at 5.5 %
    checkout_line_add(checkout=checkout, variant_id=merch.pk, quantity=1)  # 12.00 at 20 %
    checkout_delivery_set(checkout=checkout, seller_id=seller_product.seller_id, method="standard")

    summary = checkout_summary(checkout=checkout)

    assert summary.total == Decimal("40.00")  # 33.10 + 6.90 shipping
    lines = [(line.rate, line.total, line.vat) for line in summary.vat_lines]
    # shipping 6.90 split 21.10/33.10 and 12.00/33.10: 4.40 and 2.50
    assert lines == [
        (Decimal("5.50"), Decimal("25.50"), Decimal("1.33")),
        (Decimal("20.00"), Decimal("14.50"), Decimal("2.42")),
    ]
    assert sum(line.total for line in summary.vat_lines) == summary.total


def test_contact_details_are_checked_before_anything_is_saved():
    checkout = checkout_create()
    bad = make_address_data(country="US", postal_code="90210")
    with pytest.raises(ValidationError) as error:
        checkout_contact_update(checkout=checkout, email="not-an-email", shipping=bad)
    assert set(error.value.error_dict) == {"email", "shipping_country"}
    checkout.refresh_from_db()
    assert (checkout.email, checkout.shipping_address) == ("", None)


@pytest.mark.parametrize(
    ("country", "postcode", "valid"),
    [
        ("FR", "46000", True),
        ("FR", "4600", False),
        ("NL", "1012 ab", True),
        ("NL", "1012", False),
        ("DE", "10115", True),
        ("BE", "1000", True),
        ("IE", "D02 X285", True),
        ("PT", "1000-001", True),
        ("PT", "1000", False),
    ],
)
def test_postcodes_are_checked_per_country(country, postcode, valid):
    checkout = checkout_create()
    address = make_address_data(country=country, postal_code=postcode)
    if valid:
        checkout_contact_update(checkout=checkout, email="a@example.org", shipping=address)
        assert checkout.shipping_address.country == country
    else:
        with pytest.raises(ValidationError) as error:
            checkout_contact_update(checkout=checkout, email="a@example.org", shipping=address)
        assert error_code(error.value, "shipping_postal_code") == "INVALID_POSTCODE"


def test_a_delivery_method_not_offered_is_refused():
    variant = make_variant()
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    with pytest.raises(ValidationError) as error:
        checkout_delivery_set(
            checkout=checkout, seller_id=variant.product.seller_id, method="chilled"
        )
    assert error_code(error.value, "method") == "DELIVERY_METHOD_NOT_APPLICABLE"
    assert checkout.deliveries.count() == 0
    assert CheckoutLine.objects.count() == 1


def test_pickup_days_are_shown_in_the_shoppers_language():
    producer = make_producer(
        seller=make_seller(is_selling=True),
        pickup_place="La ferme, Gramat",
        pickup_days="samedi matin",
        translations={"en": {"pickup_days": "Saturday mornings"}},
    )
    variant = make_variant(product=make_product(seller=producer.seller))
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=1)
    for language, detail in (
        ("en", "La ferme, Gramat, Saturday mornings"),
        ("fr", "La ferme, Gramat, samedi matin"),
    ):
        with translation.override(language):
            pickup = checkout_summary(checkout=checkout).groups[0].options[0]
        assert (pickup.method, pickup.detail) == ("pickup", detail)


def test_merging_never_lowers_a_line_of_the_account_cart():
    user = make_user()
    variant = make_variant(stock_quantity=5)
    account_cart = checkout_create(user=user)
    checkout_line_add(checkout=account_cart, variant_id=variant.pk, quantity=2)
    guest_cart = checkout_create()
    checkout_line_add(checkout=guest_cart, variant_id=variant.pk, quantity=1)
    ProductVariant.objects.filter(pk=variant.pk).update(stock_quantity=0)

    merged = checkout_merge(source=guest_cart, user=user)

    assert dict(merged.lines.values_list("variant_id", "quantity")) == {variant.pk: 2}
