import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalogue.models import Attribute, AttributeValue, ProductImage, VariantAttributeValue
from shop.accounts.models import Address
from shop.checkout.complete import checkout_complete
from shop.orders.models import Order
from shop.payments.services import builtin_payment_settle
from tests.catalogue.pictures import encode, two_colour_image
from tests.factories import (
    make_claim,
    make_producer,
    make_product,
    make_ready_checkout,
    make_user,
    make_variant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def brand_admin(client):
    user = make_user(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def admin_url(model, page: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def test_every_admin_list_and_add_page_renders(brand_admin):
    product = make_variant().product
    make_claim(product=product)
    make_producer()
    for model in admin.site._registry:
        assert brand_admin.get(admin_url(model, "changelist")).status_code == 200, model
        assert brand_admin.get(admin_url(model, "add")).status_code in (200, 403), model


def test_every_admin_change_page_renders(brand_admin, django_capture_on_commit_callbacks):
    variant = make_variant()
    make_claim(product=variant.product)
    make_producer()
    order = checkout_complete(checkout=make_ready_checkout((variant, 1)))
    with django_capture_on_commit_callbacks(execute=True):
        builtin_payment_settle(order=order, approve=True)
    for model in admin.site._registry:
        for obj in model._default_manager.all()[:3]:
            response = brand_admin.get(admin_url(model, "change", obj.pk))
            assert response.status_code == 200, (model, obj.pk)


def test_translations_are_edited_beside_the_french_fields(brand_admin):
    product = make_product(name="Rocamadour AOP", translations={"en": {"name": "Rocamadour"}})
    page = brand_admin.get(admin_url(type(product), "change", product.pk)).content.decode()
    assert 'name="name_en"' in page
    assert 'value="Rocamadour"' in page


def test_a_claim_proof_is_served_to_the_brand_team_only(client, brand_admin):
    claim = make_claim()
    claim.proof.save("certificate.pdf", ContentFile(b"%PDF-1.4 proof"), save=True)
    url = reverse("admin:catalogue_labelclaim_proof", args=[claim.pk])

    response = brand_admin.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 proof"

    client.logout()
    client.force_login(make_user())
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_claim_without_proof_has_nothing_to_download(brand_admin):
    claim = make_claim()
    url = reverse("admin:catalogue_labelclaim_proof", args=[claim.pk])
    assert brand_admin.get(url).status_code == 404


def png_upload(name: str = "photo.png") -> SimpleUploadedFile:
    content = encode(two_colour_image(320, 240), "PNG")
    return SimpleUploadedFile(name, content, content_type="image/png")


def test_the_brand_team_adds_a_photo_through_the_image_service(
    brand_admin, django_capture_on_commit_callbacks
):
    product = make_product()
    with django_capture_on_commit_callbacks(execute=True):
        response = brand_admin.post(
            admin_url(ProductImage, "add"),
            {
                "product": product.pk,
                "upload": png_upload(),
                "alt": "Un fromage",
                "alt_en": "A cheese",
            },
        )
    assert response.status_code == 302
    image = ProductImage.objects.get(product=product)
    assert (image.width, image.height, image.alt) == (320, 240, "Un fromage")
    assert image.translations == {"en": {"alt": "A cheese"}}
    assert image.image.name.endswith(".png")
    assert image.thumbnails.count() == 4


def test_a_file_that_is_not_an_image_gets_a_form_error_and_saves_nothing(brand_admin):
    product = make_product()
    fake = SimpleUploadedFile("photo.jpg", b"not a picture at all", content_type="image/jpeg")
    response = brand_admin.post(
        admin_url(ProductImage, "add"), {"product": product.pk, "upload": fake, "alt": "x"}
    )
    assert response.status_code == 200
    assert "upload" in response.context["adminform"].form.errors
    assert ProductImage.objects.count() == 0


def test_a_variant_value_must_belong_to_its_attribute():
    size = Attribute.objects.create(name="Taille", slug="taille")
    colour = Attribute.objects.create(name="Couleur", slug="couleur")
    blue = AttributeValue.objects.create(attribute=colour, name="Bleu", slug="bleu")
    assignment = VariantAttributeValue(variant=make_variant(), attribute=size, value=blue)
    with pytest.raises(ValidationError) as error:
        assignment.full_clean()
    assert "value" in error.value.message_dict


def test_an_orders_address_opens_read_only_with_its_district_region_and_metadata(brand_admin):
    order = checkout_complete(checkout=make_ready_checkout((make_variant(), 1)))
    address = order.shipping_address
    Address.objects.filter(pk=address.pk).update(
        city_area="Howth", country_area="Co. Dublin", metadata={"door": "blue"}
    )

    order_page = brand_admin.get(admin_url(Order, "change", order.pk)).content.decode()
    address_page = brand_admin.get(admin_url(Address, "change", address.pk)).content.decode()

    assert f'href="{admin_url(Address, "change", address.pk)}"' in order_page
    assert "Howth" in address_page and "Co. Dublin" in address_page
    assert "door" in address_page
    assert 'name="_save"' not in address_page
