"""A member of several producers who switched producer in another tab does not act, from a page
still open on the first one, for the second: every portal form posts the producer its page was
shown for, and a form shown for another one than the member now works for changes nothing."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from catalogue.models import Product, Seller
from producers.models import DocumentKind, MemberRole, ProducerDocument, ProducerMember
from tests.factories import (
    make_category,
    make_member,
    make_producer,
    make_product,
    make_product_type,
    make_seller,
)
from tests.producers.uploads import pdf_upload

pytestmark = pytest.mark.django_db

DOCUMENTS = "/en/producteur/documents/"
NEW_PRODUCT = "/en/producteur/produits/nouveau/"
PROFILE = "/en/producteur/profil/"
CHOOSE = "/en/producteur/producteur-choisi/"
PORTAL_TEMPLATES = Path(__file__).parents[2] / "producers/templates/producers/portal"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _two_producers():
    """A user who owns a cheese farm and a cutler's workshop; the farm is the one they act for
    until they choose."""
    farm = make_producer(seller=make_seller(name="Chèvrerie des Causses"))
    workshop = make_producer(seller=make_seller(name="Coutellerie du Lot"))
    user = make_member(producer=farm)
    ProducerMember.objects.create(producer=workshop, user=user, role=MemberRole.OWNER)
    return user, farm, workshop


def _acting_for_shown(client, url: str) -> str:
    """The producer the page's forms post they were shown for, the same in every form."""
    page = client.get(url).content.decode()
    values = set(re.findall(r'<input type="hidden" name="acting_for" value="(\d+)">', page))
    assert len(values) == 1
    return values.pop()


def _document(acting_for: str | None) -> dict:
    sent = {"kind": DocumentKind.REGISTRATION, "title": "Kbis", "file": pdf_upload()}
    if acting_for is not None:
        sent["acting_for"] = acting_for
    return sent


def test_a_document_sent_from_a_page_shown_for_the_producer_switched_from_is_refused(client):
    user, farm, workshop = _two_producers()
    client.force_login(user)
    shown_for_farm = _acting_for_shown(client, DOCUMENTS)

    client.post(CHOOSE, {"producer": workshop.seller_id})  # in another tab
    refused = client.post(DOCUMENTS, _document(shown_for_farm), HTTP_REFERER=DOCUMENTS)
    page = client.get(refused["Location"]).content.decode()
    nothing_saved = ProducerDocument.objects.count()
    shown_for_workshop = _acting_for_shown(client, DOCUMENTS)
    saved = client.post(DOCUMENTS, _document(shown_for_workshop))

    assert shown_for_farm == str(farm.seller_id)
    assert refused.status_code == 302 and refused["Location"] == DOCUMENTS
    assert (
        "Nothing was changed: this page was shown for Chèvrerie des Causses, but you now work "
        "for Coutellerie du Lot (chosen in another tab). Switch back to Chèvrerie des Causses "
        "to do it."
    ) in page
    assert nothing_saved == 0
    assert shown_for_workshop == str(workshop.seller_id)
    assert saved.status_code == 302
    assert list(ProducerDocument.objects.values_list("producer", flat=True)) == [workshop.pk]


def test_a_product_created_from_a_page_shown_for_the_producer_switched_from_is_refused(client):
    user, farm, workshop = _two_producers()
    client.force_login(user)
    shown_for_farm = _acting_for_shown(client, NEW_PRODUCT)
    sent = {
        "name": "Rocamadour AOP",
        "category_id": make_category().pk,
        "product_type_id": make_product_type().pk,
        "vat_rate": "5.50",
        "acting_for": shown_for_farm,
    }

    client.post(CHOOSE, {"producer": workshop.seller_id})
    refused = client.post(NEW_PRODUCT, sent, HTTP_REFERER=f"http://testserver{NEW_PRODUCT}")
    client.post(CHOOSE, {"producer": farm.seller_id})
    created = client.post(NEW_PRODUCT, sent)

    assert refused.status_code == 302 and refused["Location"] == NEW_PRODUCT
    assert created.status_code == 302
    assert list(Product.objects.values_list("name", "seller")) == [
        ("Rocamadour AOP", farm.seller_id)
    ]


def test_a_form_of_a_page_naming_the_other_producers_product_sends_back_to_the_dashboard(client):
    user, farm, workshop = _two_producers()
    product = make_product(seller=farm.seller, name="Rocamadour AOP")
    edit = f"/en/producteur/produits/{product.pk}/"
    client.force_login(user)
    shown_for_farm = _acting_for_shown(client, edit)

    client.post(CHOOSE, {"producer": workshop.seller_id})
    refused = client.post(edit, {"name": "Volé", "acting_for": shown_for_farm}, HTTP_REFERER=edit)

    assert refused.status_code == 302 and refused["Location"] == "/en/producteur/"
    assert Product.objects.get().name == "Rocamadour AOP"


def test_a_profile_sent_from_a_page_shown_for_a_producer_owned_to_one_worked_for_is_refused(
    client,
):
    """Refused as a form of another producer's page (with its message), not as a page only
    owners may use: the member owns the producer the page was shown for."""
    user, farm, workshop = _two_producers()
    ProducerMember.objects.filter(user=user, producer=workshop).update(role=MemberRole.STAFF)
    client.force_login(user)
    shown_for_farm = _acting_for_shown(client, PROFILE)

    client.post(CHOOSE, {"producer": workshop.seller_id})
    sent = {"trade_name": "Volé", "acting_for": shown_for_farm}
    refused = client.post(PROFILE, sent, HTTP_REFERER=PROFILE)
    page = client.get(refused["Location"]).content.decode()

    assert shown_for_farm == str(farm.seller_id)
    assert refused.status_code == 302 and refused["Location"] == "/en/producteur/"
    assert (
        "Nothing was changed: this page was shown for Chèvrerie des Causses, but you now work "
        "for Coutellerie du Lot (chosen in another tab). Switch back to Chèvrerie des Causses "
        "to do it."
    ) in page
    assert sorted(Seller.objects.values_list("name", flat=True)) == [
        "Chèvrerie des Causses",
        "Coutellerie du Lot",
    ]


def test_a_form_naming_no_producer_is_refused_to_a_member_of_several_only(client):
    user, _farm, _workshop = _two_producers()
    single = make_member(producer=make_producer(seller=make_seller(name="Safran du Quercy")))
    client.force_login(user)

    refused = client.post(DOCUMENTS, _document(None), HTTP_REFERER="https://elsewhere.example/")
    message = client.get(refused["Location"]).content.decode()
    client.force_login(single)
    accepted = client.post(DOCUMENTS, _document(None))

    assert refused.status_code == 302 and refused["Location"] == "/en/producteur/"
    assert (
        "Nothing was changed: this page was shown for another producer than the one you now "
        "work for, Chèvrerie des Causses. Check the page and send it again."
    ) in message
    assert accepted.status_code == 302
    assert [document.producer.seller.name for document in ProducerDocument.objects.all()] == [
        "Safran du Quercy"
    ]


def test_every_portal_form_posts_the_producer_its_page_was_shown_for():
    """Every form a page for a producer shows: the producer switcher, signing up and joining
    a team by invitation act for none."""
    acting_for_none = {"signup.html", "invitation.html"}
    forgotten = []
    for template in sorted(PORTAL_TEMPLATES.glob("*.html")):
        text = template.read_text()
        for form in re.findall(r'<form[^>]*method="post".*?</form>', text, re.DOTALL):
            if template.name in acting_for_none or "portal:producer_choose" in form:
                continue
            if "{% acting_for %}" not in form:
                forgotten.append(f"{template.name}: {form[:80]}")

    assert forgotten == []
