"""A CMA reviewer, in French, asks a cutler for changes, then approves the fixed product, which
appears in the shop. The cutler fixes the product in its portal; the first submission is made
through the review service, as the portal would."""

import pytest

from catalogue.models import Product, ReviewStatus
from producers.models import AuditEntry, Producer
from producers.services.submission import product_submit
from shop.demo.loader import demo_load
from tests.factories import make_variant

PASSWORD = "ohmylot-demo"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_cma_reviewer_requests_changes_then_approves_and_the_product_goes_on_sale(
    live_server, browser, output_dir
):
    demo_load()
    cutler = Producer.objects.select_related("seller").get(seller__slug="coutellerie-du-cele")
    owner = cutler.members.get(email="atelier@demo.ohmylot.fr")
    model = Product.objects.filter(seller=cutler.seller).first()
    product = Product.objects.create(
        seller=cutler.seller,
        product_type=model.product_type,
        category=model.category,
        name="Couteau de berger en buis",
        slug="couteau-de-berger-en-buis",
        description="Lame carbone.",
        vat_rate="20.00",
        review_status=ReviewStatus.DRAFT,
    )
    make_variant(product=product, price="64.00", weight_grams=120, stock_quantity=5)
    product_submit(user=owner, product=product)

    page = browser.new_page(locale="fr-FR", viewport={"width": 412, "height": 915})
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/fr/chambre/")
    page.locator("#id_username").fill("cma@demo.ohmylot.fr")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(f"{live_server.url}/fr/chambre/")
    page.screenshot(path=output_dir / "queue.png", full_page=True)

    page.get_by_role("link", name="Couteau de berger en buis").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Couteau de berger en buis"
    assert page.get_by_text(cutler.siret).is_visible()
    page.locator("input[name=decision][value=changes_requested]").check()
    page.locator("#id_reason").fill("Précisez l'essence du manche et l'acier de la lame.")
    page.screenshot(path=output_dir / "decision.png", full_page=True)
    page.locator(".decision-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/fr/chambre/")
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.CHANGES_REQUESTED
    assert page.get_by_role("link", name="Couteau de berger en buis").count() == 0

    # The cutler, in its portal, fixes the description and sends the product again.
    workshop = browser.new_context(locale="fr-FR").new_page()
    workshop.set_default_timeout(15_000)
    portal_page = f"{live_server.url}/fr/producteur/produits/{product.pk}/"
    workshop.goto(portal_page)
    workshop.locator("#id_username").fill("atelier@demo.ohmylot.fr")
    workshop.locator("#id_password").fill(PASSWORD)
    workshop.locator("#id_password").press("Enter")
    workshop.wait_for_url(portal_page)
    workshop.locator("#id_description").fill(
        "Manche en buis du Quercy, lame en acier carbone XC75."
    )
    workshop.locator("section[aria-labelledby=details-title] button[type=submit]").click()
    workshop.wait_for_load_state()
    workshop.locator("form[action$='/envoyer/'] button").click()
    workshop.wait_for_load_state()
    workshop.screenshot(path=output_dir / "producer-sent.png", full_page=True)
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED

    page.reload()
    page.get_by_role("link", name="Couteau de berger en buis").click()
    assert page.get_by_text("lame en acier carbone XC75").is_visible()
    page.locator("input[name=decision][value=approved]").check()
    page.locator(".decision-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/fr/chambre/")

    page.goto(f"{live_server.url}/fr/p/couteau-de-berger-en-buis/")
    assert page.get_by_role("heading", level=1).inner_text() == "Couteau de berger en buis"
    page.screenshot(path=output_dir / "on-sale.png", full_page=True)
    product.refresh_from_db()
    assert product.brand_approved_at is not None
    assert list(
        AuditEntry.objects.filter(target_id=product.pk, target_type="catalogue.product")
        .order_by("id")
        .values_list("action", "actor_label")
    ) == [
        ("producers.product.submitted", "atelier@demo.ohmylot.fr"),
        ("producers.product.changes_requested", "cma@demo.ohmylot.fr"),
        ("producers.product.submitted", "atelier@demo.ohmylot.fr"),
        ("producers.product.approved", "cma@demo.ohmylot.fr"),
    ]
