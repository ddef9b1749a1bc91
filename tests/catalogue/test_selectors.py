from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile

from catalogue.models import ClaimStatus, ReviewStatus
from catalogue.selectors import claims_expiring_before, product_cards, products_for_sale
from catalogue.services import product_image_add
from tests.catalogue.pictures import encode, two_colour_image
from tests.factories import make_claim, make_product, make_seller, make_variant

pytestmark = pytest.mark.django_db


def test_only_approved_products_of_sellers_allowed_to_sell_are_for_sale():
    on_sale = make_product()
    make_product(review_status=ReviewStatus.SUBMITTED)
    make_product(seller=make_seller(is_selling=False))
    assert list(products_for_sale()) == [on_sale]


def test_an_expired_or_suspended_essential_claim_withdraws_the_product():
    product = make_product()
    claim = make_claim(product=product, status=ClaimStatus.APPROVED)
    assert list(products_for_sale()) == [product]

    on_expiry_day = claim.valid_until
    assert list(products_for_sale(on=on_expiry_day)) == [product]
    assert list(products_for_sale(on=on_expiry_day + timedelta(days=1))) == []

    claim.status = ClaimStatus.SUSPENDED
    claim.save(update_fields=["status"])
    assert list(products_for_sale()) == []


def test_a_non_essential_claim_does_not_withdraw_the_product():
    product = make_product()
    make_claim(product=product, status=ClaimStatus.SUSPENDED, is_essential=False)
    assert list(products_for_sale()) == [product]


def test_claims_expiring_before_a_day():
    soon = make_claim(status=ClaimStatus.APPROVED, valid_until=date(2027, 1, 10))
    make_claim(status=ClaimStatus.APPROVED, valid_until=date(2027, 3, 1))
    make_claim(status=ClaimStatus.PENDING, valid_until=date(2027, 1, 5))
    assert list(claims_expiring_before(day=date(2027, 2, 1))) == [soon]


def jpeg_upload() -> ContentFile:
    return ContentFile(encode(two_colour_image(300, 200), "JPEG"), name="photo.jpg")


@pytest.mark.parametrize("product_count", [1, 4])
def test_product_cards_load_in_a_fixed_number_of_queries(
    product_count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(product_count):
        product = make_variant().product
        make_claim(product=product, status=ClaimStatus.APPROVED)
        with django_capture_on_commit_callbacks(execute=True):
            product_image_add(product=product, upload=jpeg_upload(), alt="Un fromage")
    # products, variants, images, thumbnails, claims with their sign
    with django_assert_num_queries(5):
        cards = list(product_cards(products_for_sale()))
        for card in cards:
            assert len(card.variants.all()) == 1
            assert [claim.sign.code for claim in card.label_claims.all()] == ["aop"]
            # the thumbnails that can fill a card's width, not the smaller one
            thumbnails = card.images.all()[0].thumbnails.all()
            assert sorted(thumbnail.size for thumbnail in thumbnails) == [256, 512, 1024]
    assert len(cards) == product_count
