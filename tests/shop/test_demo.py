"""The demo data: what `load_demo` loads, that it is valid, and that a second load changes nothing.

The demo is loaded once for the module, inside a transaction rolled back at the end, with its
files under a temporary folder; each test runs in its own savepoint on top of it.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone

from branding.models import Campaign
from branding.selectors import campaign_for_home
from catalogue.models import (
    Attribute,
    AttributeValue,
    Category,
    ClaimStatus,
    Collection,
    CollectionProduct,
    LabelClaim,
    Product,
    ProductImage,
    ProductThumbnail,
    ProductType,
    ProductVariant,
    QualitySign,
    ReviewStatus,
    Seller,
    SellerKind,
    VariantAttributeValue,
    VatRate,
)
from producers.models import (
    COMPETENT_CHAMBER,
    Chamber,
    ChamberReviewer,
    MemberRole,
    Producer,
    ProducerMember,
)
from producers.selectors import review_queue_for
from producers.siret import siret_is_valid
from shop.accounts.models import User
from shop.checkout.selectors import checkout_summary
from shop.checkout.services import checkout_create, checkout_line_add, checkout_voucher_add
from shop.demo.data import ACCOUNTS, DEMO_PASSWORD, PROGRAMME_SLUG
from shop.demo.loader import DemoSummary, demo_load
from shop.discounts.models import Voucher

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SNAPSHOT_MODELS = (
    User,
    Seller,
    Chamber,
    Producer,
    ProducerMember,
    ChamberReviewer,
    Attribute,
    AttributeValue,
    ProductType,
    ProductType.variant_attributes.through,
    Category,
    Collection,
    CollectionProduct,
    Product,
    ProductVariant,
    VariantAttributeValue,
    QualitySign,
    LabelClaim,
    ProductImage,
    ProductThumbnail,
    Campaign,
    Campaign.featured_products.through,
    Campaign.featured_producers.through,
    Voucher,
)


@dataclass(frozen=True)
class DemoRun:
    summary: DemoSummary
    media_root: Path
    private_root: Path


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    run_settings = override_settings(
        MEDIA_ROOT=root / "media",
        PRIVATE_MEDIA_ROOT=root / "private",
        PASSWORD_HASHERS=FAST_HASHERS,
    )
    with run_settings, django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            summary = demo_load()
        yield DemoRun(summary, root / "media", root / "private")
        transaction.set_rollback(True)


def _rows() -> dict[str, list[dict]]:
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in SNAPSHOT_MODELS
    }


def _files(*roots: Path) -> dict[str, str]:
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for root in roots
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _signs(slug: str) -> set[str]:
    return set(LabelClaim.objects.filter(product__slug=slug).values_list("sign__code", flat=True))


def test_the_first_load_creates_everything_and_reports_it(demo, db):
    steps = {
        label: (step.total, step.created, step.updated)
        for label, step in demo.summary.steps.items()
    }

    assert steps == {
        "Sellers": (15, 15, 0),
        "Producers": (14, 14, 0),
        "Accounts": (8, 8, 0),
        "Producer owners": (2, 2, 0),
        "Chamber reviewers": (3, 3, 0),
        "Attributes": (2, 2, 0),
        "Attribute values": (7, 7, 0),
        "Product types": (9, 9, 0),
        "Categories": (21, 21, 0),
        "Products": (40, 40, 0),
        "Variants": (48, 48, 0),
        "Variant attribute values": (18, 18, 0),
        "Label claims": (27, 27, 0),
        "Collections": (3, 3, 0),
        "Collection products": (19, 19, 0),
        "Campaigns": (3, 3, 0),
        "Promo codes": (2, 2, 0),
        "Changes waiting for review": (2, 2, 0),
    }
    assert demo.summary.pictures_added == 48
    assert demo.summary.proofs_added == 27


def test_loading_gives_the_expected_counts(demo, db):
    activities = {
        kind: Producer.objects.filter(activity_kind=kind).count() for kind in COMPETENT_CHAMBER
    }
    reviewers = {
        chamber.code: ChamberReviewer.objects.filter(chamber=chamber).count()
        for chamber in Chamber.objects.all()
    }

    assert Producer.objects.count() == 14
    assert activities == {"farm": 9, "craft": 4, "trade": 1}
    assert Seller.objects.filter(kind=SellerKind.PROGRAMME).count() == 1
    assert reviewers == {"agriculture": 1, "cma": 1, "cci": 1}
    assert ProducerMember.objects.filter(role=MemberRole.OWNER).count() == 2
    assert User.objects.count() == 8
    assert Product.objects.count() == 40
    assert ProductVariant.objects.count() == 48
    assert Product.objects.filter(seller__kind=SellerKind.PROGRAMME).count() == 5
    assert LabelClaim.objects.filter(product__isnull=False).count() == 22
    assert LabelClaim.objects.filter(product__isnull=True).count() == 5
    assert Category.objects.count() == 21
    assert Category.objects.filter(parent__isnull=True).count() == 7
    assert Collection.objects.filter(is_published=True).count() == 3
    assert ProductImage.objects.count() == 48
    assert ProductThumbnail.objects.count() == 48 * len(settings.THUMBNAIL_SIZES)


def test_loading_twice_changes_nothing(demo, db, tmp_path, django_capture_on_commit_callbacks):
    roots = (demo.media_root, demo.private_root, tmp_path / "media", tmp_path / "private")
    rows_before, files_before = _rows(), _files(*roots)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = demo_load()

    assert summary.changes == 0
    assert callbacks == []
    assert _rows() == rows_before
    assert _files(*roots) == files_before
    # photos, their thumbnails, proofs, campaign banners
    assert len(files_before) == 48 + 48 * len(settings.THUMBNAIL_SIZES) + 27 + 3


def test_a_new_load_restores_edited_content_but_keeps_workflow_state(demo, db):
    product = Product.objects.get(slug="rocamadour-aop")
    Product.objects.filter(pk=product.pk).update(
        name="Renamed", review_status=ReviewStatus.SUSPENDED
    )
    ProductVariant.objects.filter(sku="CDC-ROC-1").update(stock_quantity=3, price=Decimal("9.99"))
    untouched = Product.objects.get(slug="cahors-tradition").updated_at

    summary = demo_load()

    product.refresh_from_db()
    variant = ProductVariant.objects.get(sku="CDC-ROC-1")
    assert (product.name, product.review_status) == ("Rocamadour AOP", ReviewStatus.SUSPENDED)
    assert (variant.price, variant.stock_quantity) == (Decimal("2.20"), 3)
    assert (summary.steps["Products"].updated, summary.steps["Variants"].updated) == (1, 1)
    assert summary.changes == 2
    assert Product.objects.get(slug="cahors-tradition").updated_at == untouched


def test_a_new_load_gives_back_the_documented_password(demo, db):
    user = User.objects.get(email="client@demo.ohmylot.fr")
    user.set_password("changed-by-someone")
    user.save(update_fields=["password"])

    summary = demo_load()

    assert authenticate(email="client@demo.ohmylot.fr", password=DEMO_PASSWORD) == user
    assert (summary.steps["Accounts"].updated, summary.changes) == (1, 1)


def test_the_command_prints_each_step_and_a_summary(demo, db):
    out = StringIO()

    call_command("load_demo", stdout=out)

    lines = out.getvalue().splitlines()
    assert "Products: 40 (0 created, 0 updated)" in lines
    assert "Pictures added: 0" in lines
    assert lines[-1].startswith("Demo data already up to date: nothing changed")


def test_every_demo_login_authenticates_with_the_documented_password(demo, db):
    for account in ACCOUNTS:
        user = authenticate(email=account.email, password=DEMO_PASSWORD)
        assert user is not None, account.email
        assert user.email.endswith("@demo.ohmylot.fr")
    assert authenticate(email=ACCOUNTS[0].email, password="not-the-password") is None
    admin = User.objects.get(email="admin@demo.ohmylot.fr")
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    assert User.objects.filter(is_staff=True).count() == 1


def test_every_product_producer_and_claim_passes_full_clean(demo, db):
    for model in (Seller, Producer, Category, Collection, Product, ProductVariant, LabelClaim):
        for instance in model.objects.all():
            instance.full_clean()


def test_producers_are_approved_lot_businesses_with_valid_sirets_and_their_chamber(demo, db):
    producers = list(Producer.objects.select_related("seller", "chamber"))

    assert all(siret_is_valid(producer.siret) for producer in producers)
    assert len({producer.siret for producer in producers}) == 14
    assert all(producer.postcode.startswith("46") for producer in producers)
    assert all(producer.status == ReviewStatus.APPROVED for producer in producers)
    assert all(producer.seller.is_selling for producer in producers)
    assert all(
        producer.chamber.code == COMPETENT_CHAMBER[producer.activity_kind] for producer in producers
    )
    assert all(producer.translations["en"]["story"] for producer in producers)
    assert Producer.objects.get(seller__slug="chevrerie-du-causse").postcode == "46500"
    assert Producer.objects.get(seller__slug="epicerie-du-pont-valentre").chamber.code == "cci"


def test_named_products_carry_the_right_signs(demo, db):
    rocamadour = Product.objects.get(slug="rocamadour-aop")
    cahors = Product.objects.get(slug="cahors-tradition")
    kernels = Product.objects.get(slug="cerneaux-de-noix-du-perigord-aop")
    organic = LabelClaim.objects.get(product__slug="coteaux-du-quercy-rouge", sign__code="ab")

    assert _signs("rocamadour-aop") == {"aop"}
    assert (rocamadour.is_perishable, rocamadour.is_chilled) == (True, True)
    assert rocamadour.is_withdrawal_excluded is True
    assert rocamadour.allergens == ["milk"]
    assert "lait cru" in rocamadour.storage
    assert "Raw-milk" in rocamadour.translated("storage", "en")
    assert _signs("gigot-d-agneau-du-quercy") == {"igp", "label-rouge"}
    assert _signs("cahors-tradition") == {"aop"}
    assert (cahors.is_alcohol, cahors.alcohol_by_volume) == (True, Decimal("13.5"))
    assert cahors.vat_rate == VatRate.STANDARD
    assert cahors.allergens == ["sulphites"]
    assert _signs("coteaux-du-quercy-rose") == {"aoc"}
    assert _signs("cotes-du-lot-blanc") == {"igp"}
    assert (kernels.vat_rate, kernels.allergens, _signs(kernels.slug)) == (
        "5.50",
        ["nuts"],
        {"aop"},
    )
    assert _signs("coteaux-du-quercy-rouge") == {"aoc", "ab"}
    assert organic.certifier_code == "FR-BIO-01"
    assert _signs("safran-du-quercy-1-g") == set()
    assert _signs("truffe-noire-fraiche-50-g") == set()
    assert Product.objects.get(slug="safran-du-quercy-1-g").variants.get().price == Decimal("30.00")


def test_label_claims_are_approved_with_a_proof_and_a_future_expiry(demo, db):
    today = timezone.localdate()
    claims = list(LabelClaim.objects.select_related("product", "sign"))
    expiring = {
        claim.product.slug for claim in claims if claim.valid_until <= today + timedelta(days=60)
    }
    seller_titles = set(
        LabelClaim.objects.filter(product__isnull=True).values_list("seller__slug", "sign__code")
    )

    assert all(claim.status == ClaimStatus.APPROVED for claim in claims)
    assert all(claim.valid_until > today for claim in claims)
    assert all(claim.registry_reference and claim.certificate_number for claim in claims)
    assert all(
        (demo.private_root / claim.proof.name).read_bytes()[:5] == b"%PDF-" for claim in claims
    )
    assert expiring == {"melon-du-quercy-igp", "cotes-du-lot-rose"}
    assert seller_titles == {
        ("atelier-terre-de-segala", "artisan-d-art"),
        ("coutellerie-du-cele", "maitre-artisan"),
        ("coutellerie-du-cele", "epv"),
        ("atelier-cuir-du-causse", "artisan"),
        ("tournerie-de-la-lapopie", "artisan-d-art"),
    }


def test_merchandise_is_sold_by_the_programme_with_sized_and_coloured_tee_shirts(demo, db):
    merchandise = Product.objects.filter(category__slug="boutique-oh-my-lot")
    tee_shirt = Product.objects.get(slug="tee-shirt-oh-my-lot")
    combinations = {
        tuple(
            VariantAttributeValue.objects.filter(variant=variant)
            .order_by("attribute__slug")
            .values_list("value__slug", flat=True)
        )
        for variant in tee_shirt.variants.all()
    }

    assert set(merchandise.values_list("seller__slug", flat=True)) == {PROGRAMME_SLUG}
    assert set(merchandise.values_list("vat_rate", flat=True)) == {VatRate.STANDARD}
    assert merchandise.count() == 5
    assert list(tee_shirt.product_type.variant_attributes.values_list("slug", flat=True)) == [
        "couleur",
        "taille",
    ]
    assert combinations == {
        (colour, size) for colour in ("bleu-lot", "blanc-causse") for size in ("s", "m", "l", "xl")
    }
    assert Product.objects.get(slug="casquette-oh-my-lot").variants.count() == 2


def test_products_are_approved_translated_and_illustrated(demo, db):
    products = list(Product.objects.prefetch_related("images"))

    assert all(product.review_status == ReviewStatus.APPROVED for product in products)
    assert all(product.translations["en"]["name"] for product in products)
    assert all(product.translations["en"]["description"] for product in products)
    assert all(1 <= len(product.images.all()) <= 2 for product in products)
    for image in ProductImage.objects.all():
        assert (image.width, image.height) == (800, 800)
        assert image.alt and image.translations["en"]["alt"]
        assert (demo.media_root / image.image.name).read_bytes()[:3] == b"\xff\xd8\xff"
    assert all(category.translations["en"]["name"] for category in Category.objects.all())


def test_producers_products_carry_the_brand_mark_and_merchandise_does_not(demo, db):
    marked = Product.objects.filter(brand_approved_at__isnull=False)

    assert set(marked.values_list("seller__kind", flat=True)) == {SellerKind.PRODUCER}
    assert not Product.objects.filter(
        seller__kind=SellerKind.PRODUCER, brand_approved_at__isnull=True
    ).exists()
    assert Product.objects.filter(seller__kind=SellerKind.PROGRAMME).exists()


def test_the_agriculture_and_cma_reviewers_find_a_change_waiting_in_their_queue(demo, db):
    queues = {
        code: [
            (item.kind, item.item.product.slug)
            for item in review_queue_for(user=User.objects.get(email=f"{code}@demo.ohmylot.fr"))
        ]
        for code in ("agriculture", "cma", "cci")
    }

    assert queues == {
        "agriculture": [("revision", "rocamadour-aop")],
        "cma": [("revision", "couteau-le-quercynois")],
        "cci": [],
    }
    # The approved version stays on sale meanwhile.
    assert Product.objects.get(slug="rocamadour-aop").description.startswith(
        "Le petit palet de chèvre au lait cru du causse, crémeux et noisetté. Affiné"
    )


def test_demo_banner_prints_the_addresses_and_the_logins(settings):
    settings.PUBLIC_URL = "http://127.0.0.1:8000"
    out = StringIO()

    call_command("demo_banner", stdout=out)

    text = out.getvalue()
    for url in (
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/fr/producteur/",
        "http://127.0.0.1:8000/fr/chambre/",
        "http://127.0.0.1:8000/admin/",
        "http://127.0.0.1:8000/graphql/",
        "http://127.0.0.1:8000/healthz",
    ):
        assert url in text
    assert f"password for all: {DEMO_PASSWORD}" in text
    assert all(account.email in text for account in ACCOUNTS)


def test_the_summer_campaign_runs_on_the_day_of_the_load_and_back_to_school_reminds(demo, db):
    today = timezone.localdate()
    summer = campaign_for_home(on=today)
    assert summer.campaign.tag == "ete"
    assert [product.slug for product in summer.products] == [
        "cahors-tradition",
        "cerneaux-de-noix-du-perigord-aop",
        "rocamadour-aop",
    ]
    reminder = Campaign.objects.get(sends_reminder=True)
    assert reminder.tag == "rentree" and reminder.starts_on > summer.campaign.ends_on
    spring = Campaign.objects.get(tag="printemps")
    assert spring.starts_on > reminder.ends_on
    assert all(campaign.banner for campaign in Campaign.objects.all())


def test_the_summer_welcome_code_applies_during_the_summer_campaign(demo, db):
    cahors = ProductVariant.objects.get(product__slug="cahors-tradition")  # 12.50 a bottle
    checkout = checkout_create()
    checkout_line_add(checkout=checkout, variant_id=cahors.pk, quantity=3)

    checkout_voucher_add(checkout=checkout, code="bienvenue-ete")
    summary = checkout_summary(checkout=checkout)

    welcome, delivery = Voucher.objects.order_by("code")
    assert (welcome.code, welcome.campaign.tag, delivery.campaign.tag) == (
        "BIENVENUE-ETE",
        "ete",
        "rentree",
    )
    assert (summary.subtotal, summary.discount) == (Decimal("37.50"), Decimal("3.75"))
    assert delivery.valid_from > timezone.now()  # back-to-school has not started yet
