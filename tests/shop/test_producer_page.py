import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalogue.models import ClaimStatus, QualitySign, ReviewStatus, SellerKind
from producers.services.onboarding import producer_photo_add
from tests.catalogue.pictures import encode
from tests.factories import (
    make_claim,
    make_member,
    make_producer,
    make_product,
    make_seller,
    make_variant,
)
from tests.shop.pictures import add_image

pytestmark = pytest.mark.django_db


def selling_producer(**overrides):
    seller = make_seller(
        name=overrides.pop("name", "Chèvrerie du Causse"),
        slug=overrides.pop("slug", "chevrerie-du-causse"),
        town="Rocamadour",
        is_selling=overrides.pop("is_selling", True),
    )
    return make_producer(seller=seller, town="Rocamadour", **overrides)


def on_sale(seller, name: str, **fields):
    product = make_product(seller=seller, name=name, **fields)
    make_variant(product=product, price=Decimal("4.50"))
    return product


def test_the_page_tells_the_story_in_the_shoppers_language(client):
    selling_producer(
        story="Jeanne et Paul élèvent cent vingt chèvres.",
        translations={"en": {"story": "Jeanne and Paul keep a hundred and twenty goats."}},
    )
    english = client.get("/en/producers/chevrerie-du-causse/").content.decode()
    assert "<h1>Chèvrerie du Causse</h1>" in english
    assert '<p class="town">Rocamadour, Lot</p>' in english
    assert '<div class="story"><p>Jeanne and Paul keep a hundred and twenty goats.</p></div>' in (
        english
    )
    french = client.get("/fr/producers/chevrerie-du-causse/").content.decode()
    assert "<p>Jeanne et Paul élèvent cent vingt chèvres.</p>" in french


def test_the_page_lists_the_products_for_sale_of_this_seller_only(client):
    producer = selling_producer()
    on_sale(producer.seller, "Rocamadour", translations={"en": {"name": "Rocamadour cheese"}})
    on_sale(producer.seller, "Brouillon", review_status=ReviewStatus.DRAFT)
    on_sale(make_seller(is_selling=True), "Noix d'ailleurs")
    page = client.get("/en/producers/chevrerie-du-causse/").content.decode()
    assert '<h2 id="products-title">Their products</h2>' in page
    assert page.count('class="product-card"') == 1
    assert '<h3><a href="/en/p/' in page and ">Rocamadour cheese</a></h3>" in page
    assert "Brouillon" not in page and "ailleurs" not in page


def test_the_page_shows_the_sellers_titles_with_proof_and_the_signs_of_its_products(client):
    producer = selling_producer()
    make_claim(
        seller=producer.seller,
        sign=QualitySign.objects.get(code="maitre-artisan"),
        registry_reference="Répertoire des métiers",
        certifier="Chambre de Métiers et de l'Artisanat du Lot",
        certificate_number="MA-46-0007",
        valid_until=date(2028, 1, 15),
        status=ClaimStatus.APPROVED,
    )
    make_claim(seller=producer.seller, sign=QualitySign.objects.get(code="epv"), status="pending")
    cheese = on_sale(producer.seller, "Rocamadour")
    make_claim(product=cheese, status=ClaimStatus.APPROVED)
    organic = on_sale(producer.seller, "Tomme")
    make_claim(
        product=organic,
        sign=QualitySign.objects.get(code="ab"),
        certifier_code="FR-BIO-10",
        status=ClaimStatus.APPROVED,
    )
    page = client.get("/en/producers/chevrerie-du-causse/").content.decode()
    assert '<h2 id="signs-title">Signs and titles</h2>' in page
    assert "<h3>Master artisan</h3>" in page
    assert "<dt>Registry reference</dt><dd>Répertoire des métiers</dd>" in page
    assert "<dd>Chambre de Métiers et de l&#x27;Artisanat du Lot</dd>" in page
    assert "<dt>Certificate number</dt><dd>MA-46-0007</dd>" in page
    assert '<time datetime="2028-01-15">Jan. 15, 2028</time>' in page
    assert "Living Heritage Company" not in page
    assert "<h3>On their products</h3>" in page
    assert '<ul class="signs">\n        <li>PDO</li><li>Organic</li>\n      </ul>' in page


def test_the_programme_page_lists_the_merchandise_and_says_the_brand_is_no_sign(client):
    programme = make_seller(
        kind=SellerKind.PROGRAMME, name="Oh my Lot !", slug="oh-my-lot", is_selling=True
    )
    on_sale(programme, "Tee-shirt Oh my Lot !", translations={"en": {"name": "Oh my Lot ! tee"}})
    page = client.get("/en/producers/oh-my-lot/").content.decode()
    assert "<h1>Oh my Lot !</h1>" in page
    assert '<h2 id="products-title">The merchandise</h2>' in page
    assert ">Oh my Lot ! tee</a></h3>" in page
    assert (
        "The Oh my Lot ! mark is a collective brand of the Lot, not an official quality sign."
        in (page)
    )


def test_the_products_are_paginated(client):
    producer = selling_producer()
    for index in range(26):
        on_sale(producer.seller, f"Fromage {index:02d}")
    first = client.get("/en/producers/chevrerie-du-causse/").content.decode()
    second = client.get("/en/producers/chevrerie-du-causse/?page=2").content.decode()
    assert first.count('class="product-card"') == 24
    assert second.count('class="product-card"') == 2
    assert '<a href="?page=2" rel="next">Next</a>' in first
    assert '<a href="?page=1" rel="prev">Previous</a>' in second
    assert "Page 2 of 2" in second


def test_a_seller_without_products_says_so(client):
    selling_producer()
    page = client.get("/en/producers/chevrerie-du-causse/").content.decode()
    assert "No product is on sale here at the moment." in page


def test_the_producers_photos_show_in_their_order_with_their_alt_text(client, isolated_media):
    producer = selling_producer()
    owner = make_member(producer=producer)
    for alt, alt_en, colour in (("La bergerie", "The sheepfold", "red"), ("Le causse", "", "blue")):
        upload = SimpleUploadedFile(
            f"{colour}.jpg", encode(Image.new("RGB", (60, 40), colour), "JPEG")
        )
        producer_photo_add(user=owner, producer=producer, upload=upload, alt=alt, alt_en=alt_en)

    page = client.get("/en/producers/chevrerie-du-causse/").content.decode()

    photos = re.findall(
        r'<img src="/media/producers/[^"]+" alt="([^"]*)" width="60" height="40"', page
    )
    assert photos == ["The sheepfold", "Le causse"]


def test_an_unknown_or_not_selling_seller_is_not_found(client):
    selling_producer(is_selling=False)
    assert client.get("/en/producers/chevrerie-du-causse/").status_code == 404
    assert client.get("/en/producers/nobody/").status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    producer = selling_producer(story="Une histoire.")
    make_claim(
        seller=producer.seller, sign=QualitySign.objects.get(code="artisan"), status="approved"
    )
    for index in range(10):
        product = on_sale(producer.seller, f"Fromage {index}")
        make_variant(product=product, price=Decimal("9.00"))
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"fromage-{index}")
    # the catalogue's version, categories, seller and producer, seller claims, product signs,
    # producer photos, count, products, variants, images, thumbnails, claims, share image (to
    # make it anew when out of date), the share image stored
    with django_assert_num_queries(14):
        assert client.get("/en/producers/chevrerie-du-causse/").status_code == 200
    with django_assert_num_queries(2):  # kept: the catalogue's version, the share image now
        assert client.get("/en/producers/chevrerie-du-causse/").status_code == 200
