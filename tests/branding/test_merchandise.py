"""Merchandise: the brand team manages the programme's goods in the admin, stock per variant,
with no chamber review."""

from decimal import Decimal

import pytest

from catalogue.models import Product, ReviewStatus, SellerKind, VatRate
from tests.factories import make_category, make_product, make_product_type, make_seller, make_user

pytestmark = pytest.mark.django_db


def inline_management(prefix: str, total: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_the_brand_team_adds_a_tee_shirt_sold_by_the_programme_without_review(client):
    programme = make_seller(kind=SellerKind.PROGRAMME, slug="oh-my-lot", is_selling=True)
    category = make_category(slug="boutique")
    product_type = make_product_type(slug="tee-shirt")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    data = {
        "name": "Tee-shirt Oh my Lot !",
        "slug": "tee-shirt-oh-my-lot",
        "category": category.pk,
        "product_type": product_type.pk,
        "review_status": ReviewStatus.APPROVED,
        **inline_management("variants", 2),
        **inline_management("images"),
    }
    for index, (size, stock) in enumerate((("S", 12), ("M", 30))):
        data |= {
            f"variants-{index}-sku": f"OML-TS-{size}",
            f"variants-{index}-name": size,
            f"variants-{index}-price": "25.00",
            f"variants-{index}-weight_grams": "180",
            f"variants-{index}-stock_quantity": str(stock),
            f"variants-{index}-position": str(index),
        }
    response = client.post("/admin/branding/merchandise/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    tee_shirt = Product.objects.get(slug="tee-shirt-oh-my-lot")
    assert (tee_shirt.seller, tee_shirt.review_status, tee_shirt.vat_rate) == (
        programme,
        ReviewStatus.APPROVED,
        VatRate.STANDARD,
    )
    assert [(v.sku, v.stock_quantity, v.price) for v in tee_shirt.variants.all()] == [
        ("OML-TS-S", 12, Decimal("25.00")),
        ("OML-TS-M", 30, Decimal("25.00")),
    ]


def test_the_merchandise_list_holds_only_the_programmes_goods(client):
    programme = make_seller(kind=SellerKind.PROGRAMME, slug="oh-my-lot", is_selling=True)
    make_product(seller=programme, name="Mug Oh my Lot !")
    make_product(name="Rocamadour")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get("/admin/branding/merchandise/").content.decode()
    assert "Mug Oh my Lot !" in page and "Rocamadour" not in page


def test_someone_outside_the_brand_team_cannot_add_merchandise(client):
    make_seller(kind=SellerKind.PROGRAMME, slug="oh-my-lot", is_selling=True)
    client.force_login(make_user())
    response = client.post("/admin/branding/merchandise/add/", {"name": "Casquette"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Product.objects.count() == 0
