from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from catalogue.models import (
    Allergen,
    ClaimStatus,
    QualitySign,
    ReviewStatus,
    VatRate,
)
from tests.factories import (
    make_category,
    make_claim,
    make_producer,
    make_product,
    make_seller,
    make_variant,
)
from tests.shop.pictures import add_image

pytestmark = pytest.mark.django_db

HEALTH_MESSAGE = (
    "L&#x27;abus d&#x27;alcool est dangereux pour la santé, à consommer avec modération."
)


def rocamadour(**overrides):
    fields = {
        "name": "Rocamadour AOP",
        "slug": "rocamadour-aop",
        "translations": {
            "en": {
                "name": "Rocamadour PDO cheese",
                "ingredients": "Whole raw goat's milk, salt, rennet.",
                "storage": "Keep refrigerated, between 0 and +4 °C.",
                "origin": "Rocamadour, Lot (France)",
            }
        },
        "ingredients": "Lait cru entier de chèvre, sel, présure.",
        "net_quantity": "35 g",
        "storage": "À conserver entre 0 et +4 °C.",
        "origin": "Rocamadour, Lot (France)",
        "nutrition": {"energy_kcal": 331, "fat_g": 27.0, "salt_g": 1.5},
        "allergens": [Allergen.MILK],
        "is_perishable": True,
        "is_chilled": True,
        "is_withdrawal_excluded": True,
    }
    fields.update(overrides)
    return make_product(**fields)


def page_of(client, product, language: str = "en") -> str:
    response = client.get(f"/{language}/p/{product.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_food_information_in_english(client):
    product = rocamadour()
    make_variant(product=product, price=Decimal("2.20"))
    page = page_of(client, product)
    assert "<h1>Rocamadour PDO cheese</h1>" in page
    assert '<p class="price">€2.20 <span class="tax">incl. VAT</span></p>' in page
    assert '<p class="vat">VAT rate: 5.5 %</p>' in page
    assert "<dt>Net quantity</dt><dd>35 g</dd>" in page
    assert "<dt>Ingredients</dt><dd>Whole raw goat&#x27;s milk, salt, rennet.</dd>" in page
    assert '<ul class="allergens"><li>Milk (including lactose)</li></ul>' in page
    assert "<dt>Storage</dt><dd>Keep refrigerated, between 0 and +4 °C.</dd>" in page
    assert "<dt>Origin</dt><dd>Rocamadour, Lot (France)</dd>" in page
    assert '<tr><th scope="row">Energy</th><td>331 kcal</td></tr>' in page
    assert '<tr><th scope="row">Fat</th><td>27 g</td></tr>' in page
    assert '<tr><th scope="row">Salt</th><td>1.5 g</td></tr>' in page
    assert "Ships chilled, in a cool box." in page


def test_the_page_shows_the_french_content_and_labels_in_french(client):
    product = rocamadour(vat_rate=VatRate.REDUCED)
    make_variant(product=product, price=Decimal("2.20"))
    page = page_of(client, product, "fr")
    assert "<h1>Rocamadour AOP</h1>" in page
    assert "2,20\u00a0€" in page
    assert '<p class="vat">Taux de TVA : 5,5 %</p>' in page
    assert "<dd>Lait cru entier de chèvre, sel, présure.</dd>" in page
    assert '<ul class="allergens"><li>Lait (y compris le lactose)</li></ul>' in page
    assert '<tr><th scope="row">Sel</th><td>1,5 g</td></tr>' in page
    assert "Ajouter au panier" in page


def test_several_allergens_come_in_the_order_of_the_regulation(client):
    product = make_product(allergens=[Allergen.NUTS, Allergen.GLUTEN, Allergen.EGGS])
    make_variant(product=product)
    page = page_of(client, product)
    assert (
        '<ul class="allergens"><li>Cereals containing gluten</li><li>Eggs</li>'
        "<li>Nuts (almonds, hazelnuts, walnuts...)</li></ul>"
    ) in page


def test_the_operator_is_the_producer_with_its_address(client):
    producer = make_producer(
        legal_name="EARL Chèvrerie du Causse", address_line="La Combe", town="Rocamadour"
    )
    producer.seller.is_selling = True
    producer.seller.save(update_fields=["is_selling"])
    product = rocamadour(seller=producer.seller)
    make_variant(product=product)
    page = page_of(client, product)
    assert "<dd>EARL Chèvrerie du Causse, La Combe, 46500 Rocamadour</dd>" in page


def test_photos_use_thumbnails_and_alt_texts_in_the_shoppers_language(client):
    product = rocamadour()
    make_variant(product=product)
    add_image(
        product,
        name="disc",
        alt="Un palet de Rocamadour",
        translations={"en": {"alt": "A Rocamadour cheese disc"}},
    )
    add_image(product, name="plateau")
    page = page_of(client, product)
    assert (
        '<img class="main-photo" src="/media/thumbnails/2026/01/disc-512.webp" '
        'alt="A Rocamadour cheese disc" width="1200" height="900">'
    ) in page
    assert (
        '<a href="/media/products/2026/01/plateau.jpg"><img '
        'src="/media/thumbnails/2026/01/plateau-256.webp" alt="Rocamadour PDO cheese"'
    ) in page


def test_signs_show_their_proof_and_organic_shows_the_certifier_code(client):
    product = make_product(name="Coteaux du Quercy rouge")
    make_variant(product=product)
    make_claim(
        product=product,
        sign=QualitySign.objects.get(code="aoc"),
        registry_reference="INAO AOC Coteaux du Quercy",
        certifier="Certipaq",
        certificate_number="CQ-2026-17",
        valid_until=date(2027, 3, 31),
        status=ClaimStatus.APPROVED,
    )
    make_claim(
        product=product,
        sign=QualitySign.objects.get(code="ab"),
        registry_reference="Règlement (UE) 2018/848",
        certifier="Ecocert France",
        certifier_code="FR-BIO-01",
        certificate_number="EC-99",
        valid_until=date(2027, 6, 30),
        status=ClaimStatus.APPROVED,
    )
    page = page_of(client, product)
    assert "<li>AOC</li>" in page and "<li>Organic · FR-BIO-01</li>" in page
    assert "<h3>AOC</h3>" in page and "<p>Controlled designation of origin</p>" in page
    assert "<dt>Registry reference</dt><dd>INAO AOC Coteaux du Quercy</dd>" in page
    assert "<dt>Certifier</dt><dd>Certipaq</dd>" in page
    assert "<dt>Certificate number</dt><dd>CQ-2026-17</dd>" in page
    assert '<time datetime="2027-03-31">March 31, 2027</time>' in page
    assert "<h3>Organic</h3>" in page
    assert '<dt>Certifier code</dt><dd class="certifier-code">FR-BIO-01</dd>' in page
    assert page.count("<dt>Certifier code</dt>") == 1
    french = page_of(client, product, "fr")
    assert "<dt>Organisme certificateur</dt><dd>Certipaq</dd>" in french
    assert '<time datetime="2027-03-31">31 mars 2027</time>' in french


def test_only_claims_in_force_are_shown(client):
    product = make_product()
    make_variant(product=product)
    make_claim(
        product=product,
        sign=QualitySign.objects.get(code="igp"),
        status=ClaimStatus.PENDING,
        is_essential=False,
    )
    make_claim(
        product=product,
        sign=QualitySign.objects.get(code="label-rouge"),
        status=ClaimStatus.APPROVED,
        valid_until=date.today() - timedelta(days=1),
        is_essential=False,
    )
    page = page_of(client, product)
    assert "PGI" not in page and "Label Rouge" not in page
    assert "Quality signs and their proof" not in page


def test_the_health_message_and_strength_are_shown_on_alcohol_pages_only(client):
    wine = make_product(
        name="Cahors Malbec",
        is_alcohol=True,
        alcohol_by_volume=Decimal("13.5"),
        vat_rate=VatRate.STANDARD,
    )
    make_variant(product=wine, price=Decimal("14.50"))
    cheese = rocamadour()
    make_variant(product=cheese)
    english = page_of(client, wine)
    assert f'<p class="health-message" lang="fr">{HEALTH_MESSAGE}</p>' in english
    assert "Alcohol abuse is dangerous for your health; drink in moderation." in english
    assert '<p class="abv">Alcohol: 13.5 % vol.</p>' in english
    assert "<dt>Alcohol content</dt><dd>13.5 % vol.</dd>" in english
    assert '<p class="vat">VAT rate: 20 %</p>' in english
    assert "Alcohol is not sold to persons under 18." in english
    french = page_of(client, wine, "fr")
    assert f'<p class="health-message" lang="fr">{HEALTH_MESSAGE}</p>' in french
    assert '<p class="abv">Alcool : 13,5 % vol.</p>' in french
    assert french.count("dangereux pour la santé") == 1
    assert "dangereux" not in page_of(client, cheese)
    assert "% vol." not in page_of(client, cheese)


def test_the_withdrawal_notice_is_shown_on_excluded_products_only(client):
    cheese = rocamadour()
    make_variant(product=cheese)
    engraved = make_product(name="Couteau gravé", is_withdrawal_excluded=True)
    make_variant(product=engraved)
    mug = make_product(name="Mug")
    make_variant(product=mug)
    assert (
        "This product spoils quickly: it is excluded from the 14-day right of withdrawal."
        in page_of(client, cheese)
    )
    assert "This product is excluded from the 14-day right of withdrawal." in page_of(
        client, engraved
    )
    assert "right of withdrawal" not in page_of(client, mug)


def test_each_variant_shows_its_stock_and_only_those_in_stock_can_be_chosen(client):
    tee = make_product(name="Tee-shirt", vat_rate=VatRate.STANDARD)
    small = make_variant(
        product=tee,
        name="Bleu Lot, S",
        translations={"en": {"name": "Lot blue, S"}},
        price=Decimal("25.00"),
        stock_quantity=30,
        position=1,
    )
    medium = make_variant(
        product=tee, name="Bleu Lot, M", price=Decimal("25.00"), stock_quantity=3, position=2
    )
    large = make_variant(
        product=tee, name="Bleu Lot, L", price=Decimal("27.00"), stock_quantity=0, position=3
    )
    single = make_variant(
        product=tee, name="Bleu Lot, XL", price=Decimal("27.00"), stock_quantity=1, position=4
    )
    page = page_of(client, tee)
    assert '<p class="price">from €25.00 <span class="tax">incl. VAT</span></p>' in page
    assert (
        f'<input type="radio" name="variant" value="{small.pk}" id="variant-{small.pk}" '
        "required checked>"
    ) in page
    assert (
        f'<label for="variant-{small.pk}"><span class="variant-name">Lot blue, S</span> '
        '<span class="variant-price">€25.00</span>'
    ) in page
    assert '<span class="stock">In stock</span>' in page
    assert f'value="{medium.pk}" id="variant-{medium.pk}" required>' in page
    assert '<span class="stock low">Only 3 left</span>' in page
    assert '<span class="stock low">Only 1 left</span>' in page
    assert f'value="{single.pk}"' in page
    assert f'value="{large.pk}"' not in page
    assert (
        '<span class="variant-name">Bleu Lot, L</span> <span class="variant-price">€27.00</span> '
        '<span class="stock out">Out of stock</span>'
    ) in page
    french = page_of(client, tee, "fr")
    assert '<span class="stock low">Plus que 3 en stock</span>' in french
    assert '<span class="stock low">Plus qu\'un seul en stock</span>' in french
    assert '<span class="stock">En stock</span>' in french
    assert '<span class="stock out">Épuisé</span>' in french


def test_the_add_to_cart_form_posts_a_variant_and_a_quantity(client):
    product = make_product(net_quantity="250 g")
    variant = make_variant(product=product)
    page = page_of(client, product)
    action = reverse("storefront:cart_add")
    assert f'<form class="add-to-cart" method="post" action="{action}">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "<legend>Availability</legend>" in page
    assert f'<label for="variant-{variant.pk}"><span class="variant-name">250 g</span>' in page
    assert '<label for="quantity">Quantity</label>' in page
    assert (
        '<input type="number" id="quantity" name="quantity" value="1" min="1" step="1" '
        'inputmode="numeric" required>'
    ) in page
    assert '<button type="submit">Add to cart</button>' in page


def test_a_product_out_of_stock_cannot_be_added_to_the_cart(client):
    product = make_product()
    make_variant(product=product, stock_quantity=0)
    page = page_of(client, product)
    assert "Add to cart" not in page
    assert 'name="quantity"' not in page
    assert "This product is out of stock for now." in page


def test_the_producer_card_links_to_the_producer_page_with_its_titles(client):
    seller = make_seller(name="Coutellerie du Quercy", slug="coutellerie", town="Figeac")
    seller.is_selling = True
    seller.save(update_fields=["is_selling"])
    make_claim(
        seller=seller, sign=QualitySign.objects.get(code="maitre-artisan"), status="approved"
    )
    knife = make_product(name="Couteau", seller=seller)
    make_variant(product=knife)
    page = page_of(client, knife)
    link = '<a href="/en/producers/coutellerie/">Coutellerie du Quercy</a>'
    assert f'<p class="product-seller">By {link}, Figeac</p>' in page
    assert f"<p>{link} — Figeac</p>" in page
    assert '<ul class="signs" aria-label="Titles of the seller">' in page
    assert "<li>Master artisan</li>" in page
    assert "See all the products of Coutellerie du Quercy" in page


def test_the_breadcrumb_leads_to_the_category_and_its_parents(client):
    wines = make_category(name="Vins", slug="vins", translations={"en": {"name": "Wines"}})
    cahors = make_category(name="Cahors", slug="vins-cahors", parent=wines)
    product = make_product(category=cahors)
    make_variant(product=product)
    page = page_of(client, product)
    assert (
        '<li><a href="/en/c/vins/">Wines</a></li><li><a href="/en/c/vins-cahors/">Cahors</a></li>'
    ) in page


@pytest.mark.parametrize(
    "overrides",
    [
        {"review_status": ReviewStatus.DRAFT},
        {"review_status": ReviewStatus.SUSPENDED},
        {"seller_selling": False},
        {"expired_essential_claim": True},
    ],
)
def test_a_product_not_for_sale_has_no_page(client, overrides):
    seller = make_seller(is_selling=overrides.get("seller_selling", True))
    product = make_product(
        seller=seller, review_status=overrides.get("review_status", ReviewStatus.APPROVED)
    )
    make_variant(product=product)
    if overrides.get("expired_essential_claim"):
        make_claim(product=product, status="approved", valid_until=date.today() - timedelta(days=1))
    assert client.get(f"/en/p/{product.slug}/").status_code == 404


def test_an_unknown_product_is_not_found(client):
    assert client.get("/en/p/no-such-product/").status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    make_category()
    producer = make_producer()
    producer.seller.is_selling = True
    producer.seller.save(update_fields=["is_selling"])
    make_claim(
        seller=producer.seller, sign=QualitySign.objects.get(code="artisan"), status="approved"
    )
    product = rocamadour(seller=producer.seller)
    for index in range(6):
        make_variant(product=product, stock_quantity=index)
    for index in range(3):
        add_image(product, name=f"photo-{index}")
    make_claim(product=product, status=ClaimStatus.APPROVED)
    make_claim(product=product, sign=QualitySign.objects.get(code="igp"), status="approved")
    # the catalogue's version, categories, product, variants, images, thumbnails, claims,
    # seller claims, producer, share image (to make it anew when out of date), the variants'
    # stock for the form, the share image stored
    with django_assert_num_queries(12):
        assert client.get(f"/en/p/{product.slug}/").status_code == 200
    # Kept for every visitor until the catalogue changes: its version, the stock and the share
    # image now.
    with django_assert_num_queries(3):
        assert client.get(f"/en/p/{product.slug}/").status_code == 200


def test_the_form_of_the_page_puts_the_chosen_variant_in_the_cart(client):
    product = make_product(name="Cabécou")
    make_variant(product=product, name="Petit", stock_quantity=0)
    variant = make_variant(product=product, name="Grand", stock_quantity=4)
    page = page_of(client, product)
    assert f'value="{variant.pk}" id="variant-{variant.pk}" required checked>' in page
    response = client.post(reverse("storefront:cart_add"), {"variant": variant.pk, "quantity": 2})
    assert response.status_code == 302
    assert "Cabécou" in client.get(reverse("storefront:cart")).content.decode()
