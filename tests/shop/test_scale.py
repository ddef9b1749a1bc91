"""The catalogue scaler: generated products are valid, for sale, found by search, made once.

The demo is loaded and scaled once for the module, inside a transaction rolled back at the end,
with its files under a temporary folder; each test runs in its own savepoint on top of it.
"""

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase, override_settings

from catalogue.models import (
    ClaimStatus,
    LabelClaim,
    Product,
    ProductImage,
    ProductThumbnail,
    ProductVariant,
    Seller,
)
from catalogue.search import products_search
from catalogue.selectors import products_for_sale
from catalogue.services import product_image_thumbnails_make
from producers.models import Producer
from producers.siret import siret_is_valid
from shop.demo.loader import demo_load
from shop.demo.scale import SKU_PREFIX, ScaleSummary, catalogue_scale, producer_plan

DEMO_PRODUCTS = 40
TARGET = 60
GENERATED = TARGET - DEMO_PRODUCTS


@dataclass(frozen=True)
class ScaleRun:
    summary: ScaleSummary
    lines: list[str]
    media_root: Path


@pytest.fixture(scope="module")
def scaled(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    run_settings = override_settings(
        MEDIA_ROOT=root / "media",
        PRIVATE_MEDIA_ROOT=root / "private",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with run_settings, django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=False):
            demo_load()
        # Thumbnails take most of the demo's time: make only those the generated products copy
        # (the first photo of each kind of the first generated producer's family).
        kinds = [kind.template for kind in producer_plan(0).family.kinds]
        for image in ProductImage.objects.filter(product__slug__in=kinds, position=0):
            product_image_thumbnails_make(image_id=image.pk)
        lines: list[str] = []
        summary = catalogue_scale(products=TARGET, progress=lines.append, batch_size=8)
        yield ScaleRun(summary, lines, root / "media")
        transaction.set_rollback(True)


def generated_products():
    return Product.objects.filter(variants__sku__startswith=SKU_PREFIX).distinct()


def test_scaling_tops_the_catalogue_up_to_the_target_in_batches(scaled, db):
    summary = scaled.summary

    assert (summary.products_before, summary.products_after) == (DEMO_PRODUCTS, TARGET)
    assert (summary.products_created, summary.producers_created) == (GENERATED, 1)
    assert Product.objects.count() == TARGET
    assert generated_products().count() == GENERATED
    assert (
        summary.variants_created
        == ProductVariant.objects.filter(sku__startswith=SKU_PREFIX).count()
    )
    assert GENERATED <= summary.variants_created <= 4 * GENERATED
    # 20 products in batches of 8: a progress line per batch.
    assert len(scaled.lines) == 3
    assert scaled.lines[-1].startswith(
        f"[{'#' * 24}] 100% {GENERATED}/{GENERATED} products, 1 producers, "
    )


def test_every_generated_row_passes_full_clean(scaled, db):
    products = list(generated_products())
    for product in products:
        product.full_clean()
        for variant in product.variants.all():
            variant.full_clean()
    for claim in LabelClaim.objects.filter(certificate_number__startswith=SKU_PREFIX):
        claim.full_clean()
    producer = Producer.objects.get(seller__products__in=products[:1])
    producer.full_clean()
    assert siret_is_valid(producer.siret)
    assert producer.postcode.startswith("46")


def test_generated_products_are_for_sale_with_a_real_photo_and_thumbnails(scaled, db):
    generated = set(generated_products().values_list("pk", flat=True))

    assert generated <= set(products_for_sale().values_list("pk", flat=True))
    images = ProductImage.objects.filter(product__in=generated)
    assert images.count() == GENERATED
    for image in images:
        assert (scaled.media_root / image.image.name).is_file()
    thumbnails = ProductThumbnail.objects.filter(image__in=images)
    assert thumbnails.count() == 4 * GENERATED
    for thumbnail in thumbnails:
        assert (scaled.media_root / thumbnail.file.name).is_file()


def test_generated_claims_are_approved_and_in_force(scaled, db):
    claims = LabelClaim.objects.filter(certificate_number__startswith=SKU_PREFIX)

    assert claims.count() == scaled.summary.claims_created
    assert set(claims.values_list("status", flat=True)) <= {ClaimStatus.APPROVED}


def test_scaling_again_to_the_same_target_adds_nothing(scaled, db):
    counts = (Seller.objects.count(), Product.objects.count(), ProductVariant.objects.count())
    lines: list[str] = []

    summary = catalogue_scale(products=TARGET, progress=lines.append)

    assert (summary.products_created, summary.producers_created) == (0, 0)
    assert counts == (
        Seller.objects.count(),
        Product.objects.count(),
        ProductVariant.objects.count(),
    )
    assert lines == [f"The catalogue holds {TARGET} products: nothing to add."]


def test_a_larger_target_adds_the_next_products_and_their_producer(scaled, db):
    summary = catalogue_scale(products=TARGET + 5)

    # 20 products per producer: the 21st generated product starts the second producer.
    assert (summary.products_created, summary.producers_created) == (5, 1)
    assert ProductVariant.objects.filter(sku=f"{SKU_PREFIX}{GENERATED + 4:06d}-1").exists()


def test_generated_products_are_found_by_search(scaled, db):
    product = generated_products().order_by("id").first()

    found = products_search(query=product.name)
    found_in_english = products_search(query=product.translations["en"]["name"], language="en")

    assert product in found
    assert product in found_in_english


def test_the_command_reports_what_it_did(scaled, db):
    output = StringIO()

    call_command("demo_scale", products=TARGET, stdout=output)

    assert "nothing to add" in output.getvalue()
    assert f"{TARGET} products (0 added, 0 producers)" in output.getvalue()


def test_scaling_without_the_demo_is_refused_with_a_clear_error(scaled, db):
    Product.objects.filter(slug="rocamadour-aop").update(slug="rocamadour-renamed")

    with pytest.raises(CommandError, match=r"rocamadour-aop.*load the demo first"):
        call_command("demo_scale", products=TARGET + 1, stdout=StringIO())

    assert Product.objects.count() == TARGET
