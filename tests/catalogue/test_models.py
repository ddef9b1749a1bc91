from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from catalogue.models import Category, ProductVariant, QualitySign, Seller, SellerKind, VatRate
from tests.factories import make_category, make_claim, make_product, make_seller, make_variant

pytestmark = pytest.mark.django_db


def assert_violates(constraint: str, create) -> None:
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        create()
    assert constraint in str(error.value)


def test_stock_never_goes_negative():
    variant = make_variant(stock_quantity=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductVariant.objects.filter(pk=variant.pk).update(stock_quantity=-1)
    variant.refresh_from_db()
    assert variant.stock_quantity == 2


def test_price_and_weight_must_be_positive():
    assert_violates("catalogue_variant_price_pos", lambda: make_variant(price=Decimal("0.00")))
    assert_violates("catalogue_variant_weight_pos", lambda: make_variant(weight_grams=0))


def test_sku_is_unique():
    make_variant(sku="ROC-35G")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_variant(sku="ROC-35G")


def test_perishable_goods_are_excluded_from_withdrawal():
    assert_violates(
        "catalogue_product_perishable_excluded_from_withdrawal",
        lambda: make_product(is_perishable=True, is_withdrawal_excluded=False),
    )
    product = make_product(is_perishable=True, is_withdrawal_excluded=True)
    assert product.pk


def test_chilled_goods_are_perishable():
    assert_violates(
        "catalogue_product_chilled_is_perishable",
        lambda: make_product(is_chilled=True, is_perishable=False),
    )


def test_alcohol_needs_its_strength_and_the_standard_vat_rate():
    assert_violates(
        "catalogue_product_alcohol_consistent",
        lambda: make_product(is_alcohol=True, vat_rate=VatRate.STANDARD),
    )
    assert_violates(
        "catalogue_product_alcohol_consistent",
        lambda: make_product(
            is_alcohol=True, alcohol_by_volume=Decimal("13.5"), vat_rate=VatRate.REDUCED
        ),
    )
    assert_violates(
        "catalogue_product_alcohol_consistent",
        lambda: make_product(is_alcohol=False, alcohol_by_volume=Decimal("12.5")),
    )
    wine = make_product(
        is_alcohol=True, alcohol_by_volume=Decimal("13.5"), vat_rate=VatRate.STANDARD
    )
    assert wine.vat_percent == Decimal("20.00")


def test_vat_rate_is_one_of_the_french_rates():
    assert_violates("catalogue_product_vat_rate_valid", lambda: make_product(vat_rate="7.00"))
    assert make_product().vat_percent == Decimal("5.50")


def test_allergens_are_the_fourteen_of_the_regulation():
    assert_violates(
        "catalogue_product_allergens_known", lambda: make_product(allergens=["milk", "honey"])
    )
    assert make_product(allergens=["milk", "nuts"]).allergens == ["milk", "nuts"]


def test_only_one_programme_seller():
    make_seller(kind=SellerKind.PROGRAMME, name="Oh my Lot !", slug="oh-my-lot")
    assert_violates(
        "catalogue_seller_single_programme",
        lambda: make_seller(kind=SellerKind.PROGRAMME, slug="oh-my-lot-2"),
    )
    assert Seller.objects.filter(kind=SellerKind.PROGRAMME).count() == 1


def test_category_cannot_be_its_own_parent():
    category = make_category()
    with pytest.raises(IntegrityError), transaction.atomic():
        Category.objects.filter(pk=category.pk).update(parent=category)


def test_category_tree():
    cheese = make_category(name="Fromages", slug="fromages-tree")
    goat = make_category(name="Fromages de chèvre", slug="fromages-de-chevre", parent=cheese)
    assert list(cheese.children.all()) == [goat]


def test_organic_certifier_code_format():
    organic = QualitySign.objects.get(code="ab")
    assert_violates(
        "catalogue_claim_certifier_code_format",
        lambda: make_claim(sign=organic, certifier_code="BIO-1"),
    )
    claim = make_claim(sign=organic, certifier_code="FR-BIO-01")
    assert claim.certifier_code == "FR-BIO-01"


def test_organic_claim_without_certifier_code_fails_validation():
    claim = make_claim(sign=QualitySign.objects.get(code="ab"))
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "certifier_code" in error.value.message_dict


def test_claim_product_must_belong_to_the_seller():
    claim = make_claim(product=make_product())
    claim.seller = make_seller()
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "product" in error.value.message_dict


def test_one_claim_per_sign_for_a_product_and_for_a_seller():
    product = make_product()
    make_claim(product=product)
    assert_violates("catalogue_claim_one_per_product_sign", lambda: make_claim(product=product))
    seller = make_seller()
    master = QualitySign.objects.get(code="maitre-artisan")
    make_claim(seller=seller, sign=master)
    assert_violates(
        "catalogue_claim_one_per_seller_sign", lambda: make_claim(seller=seller, sign=master)
    )


def test_quality_signs_are_loaded_with_the_schema():
    codes = set(QualitySign.objects.values_list("code", flat=True))
    assert {"aop", "aoc", "igp", "label-rouge", "stg", "ab", "maitre-artisan", "epv"} <= codes
    assert QualitySign.objects.get(code="epv").validity_years == 5
    assert QualitySign.objects.get(code="ab").requires_certifier_code is True


def test_translated_content_falls_back_to_french():
    product = make_product(
        name="Rocamadour AOP", translations={"en": {"name": "Rocamadour PDO cheese"}}
    )
    assert product.translated("name", "en") == "Rocamadour PDO cheese"
    assert product.translated("name", "fr") == "Rocamadour AOP"
    assert product.translated("description", "en") == product.description
    with translation.override("en"):
        assert product.translated("name") == "Rocamadour PDO cheese"


def test_translations_accept_only_known_languages_and_fields():
    product = make_product(translations={"de": {"name": "Käse"}})
    with pytest.raises(ValidationError):
        product.full_clean()
    product.translations = {"en": {"price": "3"}}
    with pytest.raises(ValidationError):
        product.full_clean()
    product.translations = {"en": {"name": "Cheese"}}
    product.full_clean()


def test_claim_expiry_is_a_date():
    claim = make_claim(valid_until=date(2027, 6, 30))
    claim.refresh_from_db()
    assert claim.valid_until == date(2027, 6, 30)
