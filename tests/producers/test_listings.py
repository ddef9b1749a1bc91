from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalogue.models import (
    ClaimStatus,
    LabelClaim,
    Product,
    ProductImage,
    QualitySign,
    ReviewStatus,
)
from catalogue.selectors import product_for_page
from producers.models import ProductRevision, RevisionStatus
from producers.services.listing_parts import (
    ClaimData,
    VariantData,
    claim_add,
    product_photo_add,
    product_photos_order,
    variant_save,
)
from producers.services.listings import ProductData, product_create, product_update
from producers.services.review import revision_decide
from tests.factories import (
    make_category,
    make_listed_product,
    make_member,
    make_producer,
    make_product_type,
    make_reviewer,
    make_variant,
)
from tests.producers.uploads import jpeg_upload, lying_upload, pdf_upload

pytestmark = pytest.mark.django_db


def product_data(product: Product | None = None, **overrides) -> ProductData:
    fields = {
        "name": "Rocamadour fermier",
        "category_id": product.category_id if product else make_category().pk,
        "product_type_id": product.product_type_id if product else make_product_type().pk,
        "description": "Petit fromage de chèvre au lait cru.",
        "ingredients": "Lait cru de chèvre, sel, présure.",
        "english": {"name": "Farm Rocamadour", "ingredients": "Raw goat's milk, salt, rennet."},
        "allergens": ("milk",),
        "is_perishable": True,
        "is_chilled": True,
    }
    fields.update(overrides)
    return ProductData(**fields)


def claim_data(**overrides) -> ClaimData:
    fields = {
        "sign_id": QualitySign.objects.get(code="aop").pk,
        "registry_reference": "PDO-FR-0164",
        "certifier": "Certipaq",
        "certificate_number": "CERT-46-001",
        "valid_until": timezone.localdate() + timedelta(days=365),
    }
    fields.update(overrides)
    return ClaimData(**fields)


def test_a_new_product_is_a_draft_with_its_french_and_english_texts():
    producer = make_producer()
    owner = make_member(producer=producer)

    product = product_create(user=owner, producer=producer, data=product_data())

    assert (product.seller, product.review_status, product.slug) == (
        producer.seller,
        ReviewStatus.DRAFT,
        "rocamadour-fermier",
    )
    assert product.translations == {
        "en": {"name": "Farm Rocamadour", "ingredients": "Raw goat's milk, salt, rennet."}
    }
    assert (product.allergens, product.is_withdrawal_excluded) == (["milk"], True)


def test_an_inconsistent_product_is_refused_and_nothing_saved():
    producer = make_producer()
    owner = make_member(producer=producer)

    with pytest.raises(ValidationError):
        product_create(
            user=owner,
            producer=producer,
            data=product_data(is_alcohol=True, alcohol_by_volume=Decimal("13.5")),
        )

    assert Product.objects.count() == 0


def test_before_approval_every_field_changes_at_once():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)

    saved = product_update(user=owner, product=product, data=product_data(product))

    product.refresh_from_db()
    assert (saved.revision, product.name, product.ingredients) == (
        None,
        "Rocamadour fermier",
        "Lait cru de chèvre, sel, présure.",
    )


def test_once_approved_reviewed_fields_wait_for_the_chamber_and_the_rest_is_live():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    approved_name = product.name

    saved = product_update(
        user=owner, product=product, data=product_data(product, is_chilled=False)
    )

    product.refresh_from_db()
    assert product.name == approved_name
    assert product.ingredients == "Lait cru de chèvre, sel, présure."
    assert product.translations == {"en": {"ingredients": "Raw goat's milk, salt, rennet."}}
    assert saved.revision.status == RevisionStatus.PENDING
    assert saved.revision.changes == {
        "name": "Rocamadour fermier",
        "description": "Petit fromage de chèvre au lait cru.",
        "is_perishable": True,
        "translations": {"en": {"name": "Farm Rocamadour"}},
    }


def test_an_approved_product_edited_without_reviewed_changes_proposes_nothing():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    data = product_data(
        product,
        name=product.name,
        description="",
        english={},
        is_perishable=False,
        is_chilled=False,
    )

    saved = product_update(user=owner, product=product, data=data)

    assert saved.revision is None
    assert ProductRevision.objects.count() == 0


def test_reviewed_fields_are_locked_while_the_chamber_reviews():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    name = product.name

    with pytest.raises(ValidationError) as error:
        product_update(user=owner, product=product, data=product_data(product))

    assert error.value.code == "NOT_EDITABLE"
    product.refresh_from_db()
    assert (product.name, product.ingredients) == (name, "")


def test_another_producer_cannot_touch_a_product():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    variant = make_variant(product=product, price=Decimal("3.90"), stock_quantity=10)
    intruder = make_member(producer=make_producer())
    name = product.name

    with pytest.raises(PermissionDenied):
        product_update(user=intruder, product=product, data=product_data(product))
    with pytest.raises(PermissionDenied):
        variant_save(
            user=intruder,
            product=product,
            variant_id=variant.pk,
            data=VariantData(
                sku=variant.sku, price=Decimal("1"), weight_grams=35, stock_quantity=0
            ),
        )
    with pytest.raises(PermissionDenied):
        product_photo_add(user=intruder, product=product, upload=jpeg_upload(), alt="Photo")
    with pytest.raises(PermissionDenied):
        claim_add(user=intruder, product=product, data=claim_data(), proof=pdf_upload())

    product.refresh_from_db()
    variant.refresh_from_db()
    assert (product.name, variant.price, variant.stock_quantity) == (name, Decimal("3.90"), 10)
    assert (ProductImage.objects.count(), LabelClaim.objects.count()) == (0, 0)


def test_price_and_stock_of_an_approved_product_change_at_once():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    variant = make_variant(product=product)

    variant_save(
        user=owner,
        product=product,
        variant_id=variant.pk,
        data=VariantData(
            sku=variant.sku, price=Decimal("4.20"), weight_grams=40, stock_quantity=25
        ),
    )

    variant.refresh_from_db()
    assert (variant.price, variant.stock_quantity, variant.weight_grams) == (
        Decimal("4.20"),
        25,
        40,
    )
    assert ProductRevision.objects.count() == 0


def test_a_variant_is_added_with_its_english_name_and_a_taken_sku_is_refused():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    taken = make_variant()
    data = VariantData(
        sku="ROC-6",
        name="Lot de 6",
        name_en="Pack of 6",
        price=Decimal("21"),
        weight_grams=220,
        stock_quantity=5,
    )

    variant = variant_save(user=owner, product=product, data=data)
    with pytest.raises(ValidationError) as error:
        variant_save(
            user=owner, product=product, data=VariantData(**{**data.__dict__, "sku": taken.sku})
        )

    assert variant.translated("name", "en") == "Pack of 6"
    assert list(error.value.message_dict) == ["sku"]
    assert product.variants.count() == 1


def test_photos_are_added_in_order_and_a_lying_file_is_refused():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)

    first, _ = product_photo_add(
        user=owner, product=product, upload=jpeg_upload(), alt="Le fromage"
    )
    second, revision = product_photo_add(
        user=owner, product=product, upload=jpeg_upload(), alt="Sur la table", alt_en="On the table"
    )
    with pytest.raises(ValidationError):
        product_photo_add(user=owner, product=product, upload=lying_upload("photo.jpg"), alt="x")

    assert revision is None
    assert list(product.images.values_list("pk", "position")) == [(first.pk, 0), (second.pk, 1)]
    product_photos_order(user=owner, product=product, image_ids=[second.pk])
    assert list(product.images.values_list("pk", "position")) == [(second.pk, 0)]


def test_a_photo_added_to_an_approved_product_is_proposed_to_the_chamber():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)

    image, revision = product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="x")

    assert revision.changes == {"photos": [image.pk]}


def test_shoppers_see_a_new_photo_of_an_approved_product_once_its_chamber_approves_it():
    producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    first, _ = product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Avant")
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.APPROVED)
    product.refresh_from_db()

    second, revision = product_photo_add(
        user=owner, product=product, upload=jpeg_upload(), alt="Nouvelle"
    )

    def shown() -> list[int]:
        return [image.pk for image in product_for_page(slug=product.slug).images.all()]

    assert (first.is_published, second.is_published) == (True, False)
    assert shown() == [first.pk]
    reviewer = make_reviewer(chamber_code=producer.chamber.code)
    revision_decide(user=reviewer, revision=revision, approved=True)
    assert shown() == [first.pk, second.pk]


def test_a_label_claim_waits_for_the_chamber_with_its_private_proof(isolated_media):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)

    claim, revision = claim_add(user=owner, product=product, data=claim_data(), proof=pdf_upload())

    assert (claim.status, claim.sign.code, revision) == (ClaimStatus.PENDING, "aop", None)
    assert (isolated_media / "private" / claim.proof.name).is_file()


def test_a_claim_whose_proof_lies_about_its_type_is_refused(isolated_media):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)

    with pytest.raises(ValidationError) as error:
        claim_add(user=owner, product=product, data=claim_data(), proof=lying_upload())

    assert error.value.error_dict["proof"][0].code == "INVALID_DOCUMENT"
    assert LabelClaim.objects.count() == 0
    assert not (isolated_media / "private").exists()


def test_an_expired_certificate_is_refused():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    yesterday = timezone.localdate() - timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        claim_add(
            user=owner, product=product, data=claim_data(valid_until=yesterday), proof=pdf_upload()
        )

    assert list(error.value.message_dict) == ["valid_until"]
    assert LabelClaim.objects.count() == 0


def test_a_claim_on_an_approved_product_is_proposed_to_the_chamber():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)

    claim, revision = claim_add(user=owner, product=product, data=claim_data(), proof=pdf_upload())

    assert revision.changes == {"label_claims": [claim.pk]}


def test_photos_and_claims_stay_as_sent_while_the_chamber_reviews():
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)

    for attempt in (
        lambda: product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="x"),
        lambda: product_photos_order(user=owner, product=product, image_ids=[]),
        lambda: claim_add(user=owner, product=product, data=claim_data(), proof=pdf_upload()),
    ):
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.code == "NOT_EDITABLE"

    assert (ProductImage.objects.count(), LabelClaim.objects.count()) == (0, 0)
