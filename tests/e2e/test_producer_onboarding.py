"""A cheese farm of the Lot joins the shop in French: account, profile, certificate, application,
then a product with its photo and its AOP claim, sent to the Chambre d'Agriculture."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from catalogue.models import ClaimStatus, Product, QualitySign, ReviewStatus
from producers.models import ChamberCode, DocumentKind, Producer
from tests.catalogue.pictures import encode, two_colour_image
from tests.factories import make_category, make_product_type, make_siret
from tests.producers.uploads import PDF


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_farm_signs_up_applies_and_sends_its_aop_cheese(live_server, browser, output_dir):
    category = make_category(name="Fromages de chèvre")
    make_product_type(name="Fromage")
    page = browser.new_page(locale="fr-FR", viewport={"width": 412, "height": 915})
    page.set_default_timeout(15_000)

    page.goto(f"{live_server.url}/fr/producteur/inscription/")
    page.locator("#id_email").fill("jeanne@chevrerie.example")
    page.locator("#id_password1").fill("un-mot-de-passe-long")
    page.locator("#id_password2").fill("un-mot-de-passe-long")
    page.locator("#id_first_name").fill("Jeanne")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/inscription/envoyee/$"))
    link = re.search(r"https?://\S+?(/fr/producteur/inscription/\S+/)", mail.outbox[-1].body)

    page.goto(f"{live_server.url}{link.group(1)}")
    page.wait_for_url(re.compile(r"/fr/producteur/profil/$"))
    fields = {
        "trade_name": "Chèvrerie du Causse",
        "legal_name": "EARL du Causse",
        "siret": "732 829 320 00075",
        "address_line": "Le Bourg",
        "postcode": "46500",
        "town": "Rocamadour",
        "story": "Nos chèvres pâturent sur le causse.",
        "story_en": "Our goats graze on the causse.",
    }
    for name, value in fields.items():
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_activity_kind_0").check()
    page.locator("#id_shipping_methods_1").check()
    page.locator("main form button[type=submit]").click()
    siret_error = "Saisissez un numéro SIRET valide : 14 chiffres"
    assert page.get_by_role("alert").get_by_text(siret_error).is_visible()
    assert page.locator("#id_siret").get_attribute("aria-invalid") == "true"
    page.screenshot(path=output_dir / "wrong-siret.png", full_page=True)

    page.locator("#id_siret").fill(make_siret())
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/$"))
    producer = Producer.objects.get()
    assert producer.chamber.code == ChamberCode.AGRICULTURE

    page.goto(f"{live_server.url}/fr/producteur/documents/")
    page.locator("#id_kind").select_option(DocumentKind.LABEL_CERTIFICATE.value)
    page.locator("#id_title").fill("Certificat AOP Rocamadour")
    page.locator("#id_file").set_input_files(
        files=[{"name": "certificat.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.locator("main form[enctype] button[type=submit]").click()
    assert page.get_by_role("link", name="Certificat AOP Rocamadour").is_visible()

    page.goto(f"{live_server.url}/fr/producteur/")
    page.locator("form[action$='/candidature/envoyer/'] button").click()
    page.wait_for_url(re.compile(r"/fr/producteur/$"))
    producer.refresh_from_db()
    assert producer.status == ReviewStatus.SUBMITTED

    page.goto(f"{live_server.url}/fr/producteur/produits/nouveau/")
    page.locator("#id_name").fill("Rocamadour fermier")
    page.locator("#id_name_en").fill("Farm Rocamadour")
    page.locator("#id_category_id").select_option(str(category.pk))
    page.locator("#id_description").fill("Petit fromage de chèvre au lait cru, affiné 12 jours.")
    page.locator("#id_is_perishable").check()
    page.locator("#id_is_chilled").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/produits/\d+/$"))
    product = Product.objects.get()

    page.locator("#id_variant-sku").fill("ROC-1")
    page.locator("#id_variant-price").fill("3.90")
    page.locator("#id_variant-weight_grams").fill("40")
    page.locator("#id_variant-stock_quantity").fill("24")
    page.locator("form[action$='/variantes/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/produits/\d+/$"))

    photo = encode(two_colour_image(64, 48), "JPEG")
    page.locator("#id_photo-image").set_input_files(
        files=[{"name": "rocamadour.jpg", "mimeType": "image/jpeg", "buffer": photo}]
    )
    page.locator("#id_photo-alt").fill("Trois rocamadours sur une planche")
    page.locator("form[action$='/photos/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/produits/\d+/$"))

    aop = QualitySign.objects.get(code="aop")
    page.locator("#id_claim-sign_id").select_option(str(aop.pk))
    page.locator("#id_claim-registry_reference").fill("PDO-FR-0164")
    page.locator("#id_claim-certifier").fill("Certipaq")
    page.locator("#id_claim-certificate_number").fill("CERT-46-2026")
    valid_until = timezone.localdate() + timedelta(days=365)
    page.locator("#id_claim-valid_until").fill(valid_until.isoformat())
    page.locator("#id_claim-proof").set_input_files(
        files=[{"name": "aop.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.locator("form[action$='/labels/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/producteur/produits/\d+/$"))
    page.screenshot(path=output_dir / "product.png", full_page=True)

    page.locator("form[action$='/envoyer/'] button").click()
    page.wait_for_url(re.compile(r"/fr/producteur/produits/\d+/$"))
    page.screenshot(path=output_dir / "sent.png", full_page=True)

    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED
    assert product.translations == {"en": {"name": "Farm Rocamadour"}}
    assert [(v.sku, v.stock_quantity) for v in product.variants.all()] == [("ROC-1", 24)]
    assert [image.alt for image in product.images.all()] == ["Trois rocamadours sur une planche"]
    assert [(c.sign.code, c.status) for c in product.label_claims.all()] == [
        ("aop", ClaimStatus.PENDING)
    ]
