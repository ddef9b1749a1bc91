import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from catalogue.models import ClaimStatus, Product, ReviewStatus
from producers.models import Chamber, ChamberCode, ChamberReviewer, DocumentKind, Producer
from producers.services.listing_parts import product_photo_add
from producers.services.onboarding import producer_document_add
from producers.services.review import product_decide
from producers.services.submission import product_submit
from shop.accounts.models import User
from tests.factories import (
    make_category,
    make_claim,
    make_listed_product,
    make_member,
    make_producer,
    make_product,
    make_product_type,
    make_reviewer,
    make_siret,
    make_user,
    make_variant,
)
from tests.producers.orders import placed_group
from tests.producers.uploads import PDF, jpeg_upload, pdf_upload

pytestmark = pytest.mark.django_db


def profile_post(**overrides) -> dict:
    fields = {
        "trade_name": "Chèvrerie des Causses",
        "legal_name": "EARL des Causses",
        "siret": make_siret(),
        "activity_kind": "farm",
        "address_line": "Le Bourg",
        "postcode": "46500",
        "town": "Rocamadour",
        "phone": "",
        "email": "contact@chevrerie.example",
        "website": "",
        "story": "",
        "story_en": "",
        "pickup_place": "",
        "pickup_days": "",
        "pickup_days_en": "",
        "shipping_methods": ["standard", "chilled"],
    }
    fields.update(overrides)
    return fields


def test_sign_up_confirm_and_create_the_profile_in_french(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/producteur/inscription/",
            {
                "email": "jeanne@example.org",
                "password1": "un-mot-de-passe-long",
                "password2": "un-mot-de-passe-long",
                "first_name": "Jeanne",
                "last_name": "",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/fr/producteur/inscription/envoyee/"
    assert User.objects.get(email="jeanne@example.org").is_active is False
    link = re.search(
        r"http://[^/]+(/fr/producteur/inscription/[^\s]+/)", mail.outbox[0].body
    ).group(1)

    confirmed = client.get(link)
    assert confirmed["Location"] == "/fr/producteur/profil/"
    wrong = client.post("/fr/producteur/profil/", profile_post(siret="73282932000075"))
    assert wrong.status_code == 400
    assert "Saisissez un numéro SIRET valide" in wrong.content.decode()
    assert 'aria-invalid="true"' in wrong.content.decode()
    saved = client.post("/fr/producteur/profil/", profile_post())
    assert saved["Location"] == "/fr/producteur/"
    producer = Producer.objects.get()
    assert (producer.seller.name, producer.chamber.code) == (
        "Chèvrerie des Causses",
        ChamberCode.AGRICULTURE,
    )
    assert client.get("/fr/producteur/").status_code == 200


def test_a_user_without_a_producer_is_sent_to_the_profile(client):
    client.force_login(make_user())

    assert client.get("/fr/producteur/produits/")["Location"] == "/fr/producteur/profil/"


def test_the_portal_asks_anonymous_people_to_sign_in(client):
    response = client.get("/fr/producteur/produits/")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/account/login/")


def test_documents_open_for_the_producer_and_its_chamber_only(client):
    producer = make_producer()
    owner = make_member(producer=producer)
    document = producer_document_add(
        user=owner, producer=producer, kind=DocumentKind.REGISTRATION, upload=pdf_upload()
    )
    url = reverse("portal:document_download", args=[document.pk])
    farm_reviewer, craft_reviewer = make_user(), make_user()
    ChamberReviewer.objects.create(chamber=producer.chamber, user=farm_reviewer)
    ChamberReviewer.objects.create(
        chamber=Chamber.objects.get(code=ChamberCode.CMA), user=craft_reviewer
    )
    stranger = make_member(producer=make_producer())

    statuses = {}
    for name, user in [
        ("owner", owner),
        ("farm", farm_reviewer),
        ("craft", craft_reviewer),
        ("stranger", stranger),
    ]:
        client.force_login(user)
        response = client.get(url)
        statuses[name] = response.status_code
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Disposition"].startswith("attachment")

    assert statuses == {"owner": 200, "farm": 200, "craft": 403, "stranger": 403}


def test_a_producer_cannot_open_or_change_another_producers_product(client):
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    variant = make_variant(product=product, price=Decimal("3.90"))
    _other, intruder, _other_product = make_listed_product()
    client.force_login(intruder)
    edit = reverse("portal:product_edit", args=[product.pk])

    assert client.get(edit).status_code == 404
    assert (
        client.post(edit, {"name": "Volé", "category_id": product.category_id}).status_code == 404
    )
    assert (
        client.post(
            reverse("portal:variant_edit", args=[product.pk, variant.pk]),
            {
                "variant-sku": variant.sku,
                "variant-price": "0.10",
                "variant-weight_grams": "35",
                "variant-stock_quantity": "0",
            },
        ).status_code
        == 404
    )
    assert client.post(reverse("portal:product_send", args=[product.pk])).status_code == 404

    product.refresh_from_db()
    variant.refresh_from_db()
    assert (product.name.startswith("Rocamadour"), product.review_status, variant.price) == (
        True,
        "draft",
        Decimal("3.90"),
    )


def test_a_member_creates_a_product_and_edits_its_stock(client):
    _producer, owner, _product = make_listed_product()
    client.force_login(owner)
    category, kind = make_category(), make_product_type()

    created = client.post(
        reverse("portal:product_create"),
        {
            "name": "Noix du Périgord",
            "name_en": "Walnuts",
            "category_id": category.pk,
            "product_type_id": kind.pk,
            "vat_rate": "5.50",
            "allergens": ["nuts"],
        },
    )
    product = Product.objects.get(name="Noix du Périgord")
    assert created["Location"] == reverse("portal:product_edit", args=[product.pk])
    added = client.post(
        reverse("portal:variant_add", args=[product.pk]),
        {
            "variant-sku": "NOIX-500",
            "variant-name": "500 g",
            "variant-price": "9.50",
            "variant-weight_grams": "550",
            "variant-stock_quantity": "12",
        },
    )
    assert added.status_code == 302
    page = client.get(reverse("portal:product_edit", args=[product.pk]))
    assert page.status_code == 200
    assert "NOIX-500" in page.content.decode()
    assert [(v.sku, v.price, v.stock_quantity) for v in product.variants.all()] == [
        ("NOIX-500", Decimal("9.50"), 12)
    ]


def test_the_stock_csv_is_previewed_then_applied(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    variant = make_variant(product=product, sku="ROC-1", stock_quantity=3)
    client.force_login(owner)
    url = reverse("portal:stock")
    upload = SimpleUploadedFile("stock.csv", b"sku;stock\nROC-1;40\n", content_type="text/csv")

    preview = client.post(url, {"file": upload})
    variant.refresh_from_db()
    assert (preview.status_code, variant.stock_quantity) == (200, 3)
    applied = client.post(url, {"csv_text": preview.context["csv_text"], "apply": "1"})
    variant.refresh_from_db()
    assert (applied.status_code, variant.stock_quantity) == (302, 40)


def test_a_wrong_csv_line_shows_its_error_and_changes_nothing(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    variant = make_variant(product=product, sku="ROC-1", stock_quantity=3)
    client.force_login(owner)

    response = client.post(
        reverse("portal:stock"), {"csv_text": "sku,stock\nROC-1,40\nROC-2,1\n", "apply": "1"}
    )

    variant.refresh_from_db()
    assert (response.status_code, variant.stock_quantity) == (400, 3)
    assert "ROC-2" in response.content.decode()


def test_a_member_ships_its_part_of_an_order_and_others_cannot_see_it(client):
    _producer, owner, group = placed_group()
    _other, intruder, _product = make_listed_product()
    detail = reverse("portal:order_detail", args=[group.pk])
    ship = reverse("portal:order_progress", args=[group.pk, "shipped"])
    sent = {"carrier": "Colissimo", "tracking_number": "6A123"}

    client.force_login(intruder)
    assert client.get(reverse("portal:order_list")).context["groups"].count() == 0
    assert (client.get(detail).status_code, client.post(ship, sent).status_code) == (404, 404)
    group.refresh_from_db()
    assert group.status == "unfulfilled"

    client.force_login(owner)
    page = client.get(detail)
    assert page.status_code == 200
    assert "Emma Clarke" in page.content.decode()
    assert client.post(ship, {"carrier": "", "tracking_number": ""}).status_code == 400
    assert client.post(ship, sent)["Location"] == detail
    group.refresh_from_db()
    assert (group.status, group.tracking_number) == ("shipped", "6A123")
    assert client.get(reverse("portal:sales")).context["months"][0].items == 2


def test_a_claim_proof_is_renewed_by_its_producer_only(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    claim = make_claim(
        product=product,
        status=ClaimStatus.APPROVED,
        proof="proofs/old.pdf",
        certificate_number="CERT-OLD",
    )
    _other, intruder, _other_product = make_listed_product()
    url = reverse("portal:claim_renew", args=[product.pk, claim.pk])
    new_date = timezone.localdate() + timedelta(days=700)
    sent = {
        f"renew{claim.pk}-certificate_number": "CERT-NEW",
        f"renew{claim.pk}-valid_until": new_date.isoformat(),
    }

    client.force_login(intruder)
    assert client.post(url, {**sent, f"renew{claim.pk}-proof": pdf_upload()}).status_code == 404
    assert client.get(reverse("portal:claim_proof", args=[claim.pk])).status_code == 403
    claim.refresh_from_db()
    assert (claim.status, claim.certificate_number) == (
        ClaimStatus.APPROVED,
        claim.certificate_number,
    )

    client.force_login(owner)
    response = client.post(url, {**sent, f"renew{claim.pk}-proof": pdf_upload()})
    assert response["Location"] == reverse("portal:product_edit", args=[product.pk])
    claim.refresh_from_db()
    assert (claim.status, claim.certificate_number, claim.valid_until) == (
        ClaimStatus.PENDING,
        "CERT-NEW",
        new_date,
    )
    proof = client.get(reverse("portal:claim_proof", args=[claim.pk]))
    assert (proof.status_code, b"".join(proof.streaming_content)) == (200, PDF)


def test_an_approved_producer_finds_its_stall_posters_on_the_dashboard(client):
    producer, owner, _product = make_listed_product(producer_status=ReviewStatus.APPROVED)
    client.force_login(owner)

    page = client.get(reverse("portal:dashboard"))

    assert page.context["poster_url"] == reverse("branding:posters", args=[producer.seller.slug])


def test_photos_are_reordered_and_removed_by_their_producer_only(client):
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    first, _ = product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Un")
    second, _ = product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Deux")
    third, _ = product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Trois")
    _other, intruder, _other_product = make_listed_product()
    url = reverse("portal:photos_order", args=[product.pk])
    sent = {
        f"position-{first.pk}": "3",
        f"position-{second.pk}": "1",
        f"position-{third.pk}": "2",
        f"remove-{third.pk}": "1",
    }

    client.force_login(intruder)
    assert client.post(url, sent).status_code == 404
    assert list(product.images.values_list("alt", flat=True)) == ["Un", "Deux", "Trois"]

    client.force_login(owner)
    client.post(url, sent)
    assert list(product.images.values_list("alt", "position")) == [("Deux", 0), ("Un", 1)]


def test_the_product_list_reads_a_fixed_number_of_queries(client, django_assert_num_queries):
    producer, owner, _product = make_listed_product()
    for _ in range(3):
        make_variant(product=make_product(seller=producer.seller))
    client.force_login(owner)

    # session, user, membership, the header's cart, the catalogue's version and the categories
    # (kept under it for the next page), products, their variants
    with django_assert_num_queries(8):
        response = client.get(reverse("portal:product_list"))

    assert len(response.context["products"]) == 4


def test_the_owner_invites_and_the_invited_person_joins(client, django_capture_on_commit_callbacks):
    producer, owner, _product = make_listed_product()
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        invited = client.post(reverse("portal:team"), {"email": "paul@example.org"})
    assert invited["Location"] == reverse("portal:team")
    link = re.search(r"http://[^/]+(/fr/producteur/invitation/\S+/)", mail.outbox[-1].body).group(1)
    client.logout()

    assert client.get(link)["Location"].startswith("/fr/account/login/")
    paul = make_user(email="paul@example.org")
    client.force_login(paul)
    assert client.get(link).status_code == 200
    assert client.post(link)["Location"] == reverse("portal:dashboard")
    assert paul.producers.get() == producer
    team_page = client.get(reverse("portal:team"))
    assert team_page.context["is_owner"] is False
    assert 'name="email"' not in team_page.content.decode()


def test_the_product_page_shows_what_the_chamber_asked_to_change(client):
    producer, owner, product = make_listed_product(product_status=ReviewStatus.DRAFT)
    product_submit(user=owner, product=product)
    reviewer = make_reviewer(chamber_code=producer.chamber.code)
    product_decide(
        user=reviewer,
        product=product,
        decision=ReviewStatus.CHANGES_REQUESTED,
        reason="Précisez l'affinage du fromage.",
    )
    client.force_login(owner)

    with translation.override("en"):
        url = reverse("portal:product_edit", args=[product.pk])
    page = client.get(url).content.decode()

    assert "The chamber's message" in page
    assert "Précisez l&#x27;affinage du fromage." in page
