import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.models import (
    ClaimStatus,
    Collection,
    CollectionProduct,
    Product,
    QualitySign,
    ReviewStatus,
    SellerKind,
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

CARD_NAME = re.compile(r'<h[23]><a href="/(?:en|fr)/p/[^"]+/">([^<]+)</a></h[23]>')


def names(page: str) -> list[str]:
    """The names on the product cards of `page`, in order."""
    return CARD_NAME.findall(page)


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def product_with(*, name: str, english: str, category, seller, prices, stock, days_old: int):
    product = make_product(
        name=name,
        translations={"en": {"name": english}},
        category=category,
        seller=seller,
    )
    Product.objects.filter(pk=product.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    for price, quantity in zip(prices, stock, strict=True):
        make_variant(product=product, price=Decimal(price), stock_quantity=quantity)
    return product


@pytest.fixture
def wines():
    """Wines (a top category) and Cahors below it; three wines for sale and a cheese apart."""
    wine = make_category(name="Vins", slug="vins", translations={"en": {"name": "Wines"}})
    cahors = make_category(name="Cahors", slug="vins-cahors", parent=wine)
    cheese = make_category(name="Fromages", slug="fromages", position=1)
    domaine = make_seller(name="Domaine de la Combe", slug="domaine", is_selling=True)
    noyeraie = make_seller(name="La Noyeraie", slug="noyeraie", is_selling=True)
    malbec = product_with(
        name="Cahors Malbec",
        english="Malbec of Cahors",
        category=cahors,
        seller=domaine,
        prices=["14.50"],
        stock=[10],
        days_old=3,
    )
    make_claim(product=malbec, status=ClaimStatus.APPROVED)
    product_with(
        name="Cahors Prestige",
        english="Cahors Prestige",
        category=cahors,
        seller=domaine,
        prices=["32.00"],
        stock=[0],
        days_old=1,
    )
    walnut = product_with(
        name="Vin de noix",
        english="Walnut wine",
        category=wine,
        seller=noyeraie,
        prices=["12.00", "22.00"],
        stock=[5, 0],
        days_old=2,
    )
    make_claim(
        product=walnut,
        sign=QualitySign.objects.get(code="ab"),
        certifier_code="FR-BIO-01",
        status=ClaimStatus.APPROVED,
    )
    product_with(
        name="Rocamadour",
        english="Rocamadour",
        category=cheese,
        seller=make_seller(is_selling=True),
        prices=["2.20"],
        stock=[50],
        days_old=0,
    )
    return wine


def test_a_category_lists_its_products_and_those_of_its_sub_categories(client, wines):
    make_product(name="Brouillon", category=wines, review_status=ReviewStatus.DRAFT)
    page = get(client, "/en/c/vins/")
    assert "<h1>Wines</h1>" in page
    assert names(page) == ["Cahors Prestige", "Walnut wine", "Malbec of Cahors"]
    assert '<p class="result-count" role="status">3 products</p>' in page
    assert '<li><a href="/en/c/vins-cahors/">Cahors</a></li>' in page
    cahors = get(client, "/en/c/vins-cahors/")
    assert names(cahors) == ["Cahors Prestige", "Malbec of Cahors"]
    assert '<li><a href="/en/c/vins/">Wines</a></li>' in cahors


def test_the_filters_offer_the_signs_and_producers_of_the_listing(client, wines):
    page = get(client, "/en/c/vins/")
    assert '<input type="checkbox" name="sign" value="aop" id="id_sign_0">' in page
    assert '<label for="id_sign_0">PDO</label>' in page
    assert '<label for="id_sign_1">Organic</label>' in page
    assert 'value="igp"' not in page
    assert (
        '<option value="" selected>All producers</option>'
        '<option value="domaine">Domaine de la Combe</option>'
        '<option value="noyeraie">La Noyeraie</option>'
    ) in page


def test_filter_by_quality_sign(client, wines):
    assert names(get(client, "/en/c/vins/?sign=aop")) == ["Malbec of Cahors"]
    assert names(get(client, "/en/c/vins/?sign=aop&sign=ab")) == ["Walnut wine", "Malbec of Cahors"]
    checked = get(client, "/en/c/vins/?sign=ab")
    assert '<input type="checkbox" name="sign" value="ab" id="id_sign_1" checked>' in checked


def test_a_title_of_the_seller_counts_as_a_sign_of_its_products(client):
    crafts = make_category(name="Artisanat", slug="artisanat")
    forge = make_seller(name="Forge", slug="forge", is_selling=True)
    make_claim(seller=forge, sign=QualitySign.objects.get(code="maitre-artisan"), status="approved")
    make_variant(product=make_product(name="Couteau", category=crafts, seller=forge))
    make_variant(product=make_product(name="Bol", category=crafts))
    page = get(client, "/en/c/artisanat/?sign=maitre-artisan")
    assert names(page) == ["Couteau"]
    assert '<label for="id_sign_0">Master artisan</label>' in page


def test_the_producers_offered_by_the_filter_are_escaped(client):
    cheeses = make_category(name="Fromages", slug="fromages")
    seller = make_seller(name='Ferme <b>"Bio"</b> & Fils', slug="ferme-bio", is_selling=True)
    make_variant(product=make_product(name="Cabécou", category=cheeses, seller=seller))
    page = get(client, "/en/c/fromages/?producer=ferme-bio")
    assert (
        '<option value="ferme-bio" selected>Ferme &lt;b&gt;&quot;Bio&quot;&lt;/b&gt; &amp; Fils'
        "</option>"
    ) in page
    assert "<b>" not in page


def test_filter_by_producer(client, wines):
    page = get(client, "/en/c/vins/?producer=domaine")
    assert names(page) == ["Cahors Prestige", "Malbec of Cahors"]
    assert '<option value="domaine" selected>Domaine de la Combe</option>' in page


def test_filter_by_price_matches_any_variant_in_the_range(client, wines):
    assert names(get(client, "/en/c/vins/?price_min=20")) == ["Cahors Prestige", "Walnut wine"]
    assert names(get(client, "/en/c/vins/?price_max=13")) == ["Walnut wine"]
    assert names(get(client, "/en/c/vins/?price_min=13&price_max=15")) == ["Malbec of Cahors"]
    assert names(get(client, "/en/c/vins/?price_min=14.50&price_max=14.50")) == ["Malbec of Cahors"]


def test_filter_in_stock_only(client, wines):
    page = get(client, "/en/c/vins/?in_stock=on")
    assert names(page) == ["Walnut wine", "Malbec of Cahors"]
    assert '<input type="checkbox" name="in_stock" id="id_in_stock" checked>' in page


def test_price_and_stock_must_hold_for_the_same_variant(client, wines):
    page = get(client, "/en/c/vins/?price_min=20&in_stock=on")
    assert names(page) == []
    assert (
        '<p class="empty">No product matches these filters. '
        '<a href="/en/c/vins/">Clear the filters</a></p>'
    ) in page


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Cahors Prestige", "Walnut wine", "Malbec of Cahors"]),
        ("newest", ["Cahors Prestige", "Walnut wine", "Malbec of Cahors"]),
        ("price_asc", ["Walnut wine", "Malbec of Cahors", "Cahors Prestige"]),
        ("price_desc", ["Cahors Prestige", "Malbec of Cahors", "Walnut wine"]),
        ("name", ["Cahors Prestige", "Malbec of Cahors", "Walnut wine"]),
    ],
)
def test_sorting(client, wines, sort, expected):
    assert names(get(client, f"/en/c/vins/?sort={sort}")) == expected


def test_sorting_by_name_follows_the_shoppers_language(client, wines):
    page = get(client, "/fr/c/vins/?sort=name")
    assert names(page) == ["Cahors Malbec", "Cahors Prestige", "Vin de noix"]
    assert '<option value="name" selected>Nom, de A à Z</option>' in page


def test_pagination_keeps_the_filters(client):
    cheese = make_category(name="Fromages", slug="fromages")
    for index in range(26):
        make_variant(
            product=make_product(name=f"Chèvre {index:02d}", category=cheese), stock_quantity=1
        )
    make_variant(product=make_product(name="Épuisé", category=cheese), stock_quantity=0)
    first = get(client, "/en/c/fromages/?in_stock=on&sort=name")
    assert len(names(first)) == 24
    assert '<a href="?in_stock=on&amp;sort=name&amp;page=2" rel="next">Next</a>' in first
    second = get(client, "/en/c/fromages/?in_stock=on&sort=name&page=2")
    assert names(second) == ["Chèvre 24", "Chèvre 25"]
    assert '<a href="?in_stock=on&amp;sort=name&amp;page=1" rel="prev">Previous</a>' in second
    assert "Page 2 of 2" in second


def test_letters_in_a_price_are_a_form_error_and_the_other_filters_still_apply(client, wines):
    response = client.get("/en/c/vins/?price_min=abc&price_max=13")
    assert response.status_code == 200
    page = response.content.decode()
    assert names(page) == ["Walnut wine"]
    assert '<span class="field-error" id="id_price_min_error">Enter a number.</span>' in page
    assert "Some filters could not be read and were not applied." in page
    assert '<details class="filters" open>' in page


def test_unknown_signs_producers_and_sorts_are_ignored(client, wines):
    response = client.get("/en/c/vins/?sign=nope&sign=aop&producer=ghost&sort=cheapest&page=x")
    assert response.status_code == 200
    page = response.content.decode()
    assert names(page) == ["Malbec of Cahors"]
    assert "could not be read" not in page


def test_a_minimum_above_the_maximum_is_a_form_error(client, wines):
    page = get(client, "/en/c/vins/?price_min=20&price_max=10")
    assert "The maximum price is below the minimum price." in page
    assert names(page) == ["Cahors Prestige", "Walnut wine"]


def test_an_empty_category_says_so(client):
    make_category(name="Truffes", slug="truffes")
    page = get(client, "/en/c/truffes/")
    assert '<p class="empty">No product is on sale here at the moment.</p>' in page
    assert "Clear the filters" not in page


def test_an_unknown_category_is_not_found(client):
    assert client.get("/en/c/no-such-category/").status_code == 404


def collection_of(*products, published: bool = True) -> Collection:
    collection = Collection.objects.create(
        name="Souvenirs d'été",
        slug="souvenirs",
        is_published=published,
        description="Ce que vous avez goûté.",
        translations={"en": {"name": "Summer memories", "description": "What you tasted."}},
    )
    for position, product in enumerate(products):
        CollectionProduct.objects.create(collection=collection, product=product, position=position)
    return collection


def test_a_collection_lists_its_products_for_sale_in_its_order(client):
    melon = make_product(name="Melon")
    make_variant(product=melon, price=Decimal("6.00"))
    tee = make_product(name="Tee-shirt")
    make_variant(product=tee, price=Decimal("25.00"))
    draft = make_product(name="Brouillon", review_status=ReviewStatus.DRAFT)
    make_variant(product=draft)
    cheese = make_product(name="Rocamadour")
    make_variant(product=cheese, price=Decimal("2.20"))
    make_claim(product=cheese, status=ClaimStatus.APPROVED)
    collection_of(tee, draft, cheese, melon)
    page = get(client, "/en/collections/souvenirs/")
    assert "<h1>Summer memories</h1>" in page and '<p class="intro">What you tasted.</p>' in page
    assert names(page) == ["Tee-shirt", "Rocamadour", "Melon"]
    assert names(get(client, "/en/collections/souvenirs/?sort=price_asc")) == [
        "Rocamadour",
        "Melon",
        "Tee-shirt",
    ]
    assert names(get(client, "/en/collections/souvenirs/?sign=aop")) == ["Rocamadour"]


def test_an_unpublished_or_unknown_collection_is_not_found(client):
    product = make_product()
    make_variant(product=product)
    collection_of(product, published=False)
    assert client.get("/en/collections/souvenirs/").status_code == 404
    assert client.get("/en/collections/nothing/").status_code == 404


def test_the_header_links_the_top_level_categories(client, wines):
    page = get(client, "/fr/")
    assert (
        '<nav class="category-nav" aria-label="Catégories">\n      <ul>'
        '<li><a href="/fr/c/vins/">Vins</a></li><li><a href="/fr/c/fromages/">Fromages</a></li>'
        "</ul>"
    ) in page


def test_the_home_page_shows_categories_producers_and_merchandise(client, wines):
    producer = make_producer(
        seller=make_seller(name="Chèvrerie", slug="chevrerie", is_selling=True)
    )
    make_variant(product=make_product(seller=producer.seller, name="Cabécou"))
    idle = make_producer(seller=make_seller(name="Ferme sans produit", is_selling=True))
    programme = make_seller(
        kind=SellerKind.PROGRAMME, name="Oh my Lot !", slug="oh-my-lot", is_selling=True
    )
    make_variant(product=make_product(seller=programme, name="Mug Oh my Lot !"))
    page = get(client, "/en/")
    assert '<h2 id="categories-title">Shop by category</h2>' in page
    chips = page[page.index('<ul class="chips">') : page.index('<h2 id="producers-title">')]
    assert '<li><a href="/en/c/vins/">Wines</a></li>' in chips
    assert "/en/c/vins-cahors/" not in chips
    assert '<h2 id="producers-title">Meet the producers</h2>' in page
    assert '<li><a href="/en/producers/chevrerie/">Chèvrerie</a> <span class="town">' in page
    assert idle.seller.name not in page
    assert '<h2 id="merchandise-title">The Oh my Lot ! shop</h2>' in page
    assert '<h3><a href="/en/p/' in page and ">Mug Oh my Lot !</a></h3>" in page
    assert '<a href="/en/producers/oh-my-lot/">All the merchandise</a>' in page


def test_the_category_page_takes_a_fixed_number_of_queries(
    client, wines, django_assert_num_queries
):
    cahors = wines.children.get()
    domaine = make_seller(name="Domaine 2", is_selling=True)
    for index in range(8):
        product = make_product(name=f"Cahors {index}", category=cahors, seller=domaine)
        make_variant(product=product, price=Decimal("15.00"))
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"cahors-{index}")
    url = "/en/c/vins/?sign=aop&price_min=10&in_stock=on&sort=price_asc"
    # the catalogue's version, categories, signs offered, producers offered, count, products,
    # variants, images, thumbnails, claims
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200
    # Kept for every visitor until the catalogue changes: its version only.
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_the_collection_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    products = []
    for index in range(8):
        product = make_product(name=f"Noix {index}")
        make_variant(product=product, price=Decimal("9.00"))
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"noix-{index}")
        products.append(product)
    collection_of(*products)
    # the catalogue's version, collection, categories, signs offered, producers offered, count,
    # products, variants, images, thumbnails, claims
    with django_assert_num_queries(11):
        assert client.get("/en/collections/souvenirs/?sort=name").status_code == 200
    with django_assert_num_queries(1):  # kept: the catalogue's version only
        assert client.get("/en/collections/souvenirs/?sort=name").status_code == 200


def test_the_home_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    programme = make_seller(kind=SellerKind.PROGRAMME, slug="oh-my-lot", is_selling=True)
    for index in range(6):
        producer = make_producer(seller=make_seller(is_selling=True))
        product = make_product(seller=producer.seller)
        make_variant(product=product)
        make_claim(product=product, status=ClaimStatus.APPROVED)
        add_image(product, name=f"home-{index}")
        merchandise = make_product(seller=programme)
        make_variant(product=merchandise)
        add_image(merchandise, name=f"merch-{index}")
    # the catalogue's version, categories, products, merchandise, variants, images,
    # thumbnails, claims, producers, running campaign
    with django_assert_num_queries(10):
        assert client.get("/en/").status_code == 200
    with django_assert_num_queries(1):  # kept: the catalogue's version only
        assert client.get("/en/").status_code == 200
