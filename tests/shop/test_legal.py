import re

import pytest

from tests.factories import make_product, make_user, make_variant

pytestmark = pytest.mark.django_db

LEGAL_PAGES = {
    "notice": "/legal/notice/",
    "terms": "/legal/terms/",
    "privacy": "/legal/privacy/",
    "mediator": "/legal/mediator/",
}
HEALTH_MESSAGE = "L'abus d'alcool est dangereux pour la santé, à consommer avec modération."


def page(response) -> str:
    return response.content.decode()


def text(response) -> str:
    """The page's text, tags removed and spaces collapsed, apostrophes as typed."""
    html = re.sub(r"<[^>]+>", " ", page(response)).replace("&#x27;", "'").replace("&quot;", '"')
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("language", ["fr", "en", "nl", "de"])
@pytest.mark.parametrize("name", sorted(LEGAL_PAGES))
def test_every_legal_page_answers_in_every_language(client, language, name):
    response = client.get(f"/{language}{LEGAL_PAGES[name]}")
    assert response.status_code == 200
    assert response.templates[0].name == (
        f"storefront/legal/{name}.{'fr' if language == 'fr' else 'en'}.html"
    )


def test_dutch_and_german_readers_get_the_english_text_marked_as_english(client):
    html = page(client.get("/de/legal/terms/"))
    assert '<html lang="de">' in html
    assert '<article class="legal" lang="en">' in html
    assert "<h1>Terms of sale</h1>" in html


def test_the_legal_notice_names_the_publisher_the_director_and_says_the_host_is_not_chosen(client):
    fr = text(client.get("/fr/legal/notice/"))
    assert (
        "Département du Lot — Hôtel du Département Avenue de l'Europe, Regourd 46000 Cahors" in fr
    )
    assert "Directeur de la publication Serge Rigal, président du Département du Lot." in fr
    assert "L'hébergeur du site n'est pas encore choisi. À compléter par l'exploitant" in fr
    en = text(client.get("/en/legal/notice/"))
    assert "Director of publication Serge Rigal, President of the Département du Lot." in en
    assert (
        "The hosting company of the site is not chosen yet. To be completed by the operator" in en
    )


def test_the_terms_give_the_withdrawal_right_and_its_exceptions_in_french(client):
    fr = text(client.get("/fr/legal/terms/"))
    assert "Vous disposez d'un délai de 14 jours pour vous rétracter" in fr
    assert "aux denrées périssables , qui se détériorent ou se périment rapidement" in fr
    assert "aux produits d'hygiène descellés après la livraison" in fr
    assert "aux produits personnalisés ou confectionnés selon vos spécifications" in fr
    assert "Formulaire de rétractation" in fr
    assert "garantie légale de conformité" in fr
    assert "pendant 2 ans à compter de la livraison" in fr
    assert "garantie des vices cachés" in fr
    assert "Les prix sont indiqués en euros, toutes taxes comprises" in fr
    assert "commerçants du Lot) : chacun vend ses propres produits." in fr
    assert "Le programme « Oh my Lot ! » du Département du Lot vend les articles de la marque" in fr
    assert "Express réfrigéré : en France seulement" in fr
    assert "Retrait chez le producteur : gratuit" in fr
    assert HEALTH_MESSAGE in fr
    assert "médiateur de la consommation" in fr
    assert "Ces conditions sont soumises au droit français." in fr


def test_the_terms_give_the_withdrawal_right_and_its_exceptions_in_english(client):
    en = text(client.get("/en/legal/terms/"))
    assert "You have 14 days to withdraw from the contract" in en
    assert "perishable goods , which spoil or expire quickly" in en
    assert "hygiene goods unsealed after delivery" in en
    assert "personalised goods or goods made to your specifications" in en
    assert "Legal guarantee of conformity" in en
    assert "Hidden defects" in en
    assert "Prices are in euros, all taxes included" in en
    assert "Chilled express : within France only" in en
    assert "Pickup at the producer : free" in en
    assert "The products are held for you for 30 minutes while you pay" in en
    # The health message is French law's wording, shown as such, with its translation.
    assert f'<p class="health-message" lang="fr">{HEALTH_MESSAGE}</p>' in page(
        client.get("/en/legal/terms/")
    ).replace("&#x27;", "'")
    assert "consumer mediator" in en
    assert "These terms are governed by French law." in en


def test_the_mediator_page_says_the_operator_must_name_its_mediator(client):
    fr = text(client.get("/fr/legal/mediator/"))
    assert "Médiateur de la consommation de la boutique Pas encore désigné." in fr
    assert "L'exploitant doit indiquer ici le médiateur auquel la boutique adhère" in fr
    assert "gratuitement" in fr
    en = text(client.get("/en/legal/mediator/"))
    assert "The shop's consumer mediator Not appointed yet." in en
    assert "The operator must name here the mediator the shop joins" in en


def test_the_privacy_page_says_there_is_no_tracker_and_lists_the_real_cookies(client, settings):
    fr = text(client.get("/fr/legal/privacy/"))
    assert "La boutique ne pose aucun traceur" in fr
    assert "pas de bandeau de consentement" in fr
    en = text(client.get("/en/legal/privacy/"))
    assert "The shop sets no tracker" in en
    assert "that is why there is no consent banner" in en
    assert "Orders and invoices: 10 years" in en
    html = page(client.get("/en/legal/privacy/"))
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"):
        assert f'<th scope="row"><code>{name}</code></th>' in html
    assert "<td>14 days</td>" in html
    assert "<td>364 days</td>" in html


def test_no_page_links_to_the_closed_eu_dispute_platform(client):
    product = make_variant().product
    urls = [f"/{language}{path}" for language in ("fr", "en") for path in LEGAL_PAGES.values()]
    urls += ["/fr/", "/en/", f"/en/p/{product.slug}/", "/en/account/login/"]
    for url in urls:
        html = page(client.get(url))
        assert "ec.europa.eu/consumers/odr" not in html, url
        assert "webgate.ec.europa.eu/odr" not in html, url


def test_the_footer_links_to_the_four_legal_pages_on_every_page(client):
    product = make_product()
    make_variant(product=product)
    client.force_login(make_user())
    for url in (
        "/en/",
        "/en/cart/",
        f"/en/p/{product.slug}/",
        "/en/legal/terms/",
        "/en/account/orders/",
    ):
        html = page(client.get(url))
        footer = html[html.index('<footer class="site-footer">') :]
        for path in LEGAL_PAGES.values():
            assert f'href="/en{path}"' in footer, (url, path)
    html = page(client.get("/fr/"))
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/fr/legal/notice/">Mentions légales</a>' in footer
    assert '<a href="/fr/legal/terms/">Conditions générales de vente</a>' in footer


def test_a_plain_visit_sets_no_cookie_at_all(client):
    """No tracker, and not even a session or CSRF cookie until the visitor needs one."""
    for url in ("/fr/", "/en/", "/en/legal/privacy/", "/en/search/?q=rocamadour", "/en/cart/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert dict(response.cookies) == {}, url
    assert dict(client.cookies) == {}


def test_only_the_necessary_cookies_appear_when_the_visitor_needs_them(client, settings):
    # A page with a form that sends data (add to cart, sign in) needs the CSRF cookie, only it.
    product = make_product()
    make_variant(product=product)
    response = client.get(f"/en/p/{product.slug}/")
    assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    response = client.get("/en/account/login/")
    assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    # Signing in opens the session and renews the CSRF token.
    user = make_user(password="walnut-harvest-1987")
    response = client.post(
        "/en/account/login/", {"username": user.email, "password": "walnut-harvest-1987"}
    )
    assert set(response.cookies) == {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    assert set(client.cookies) == {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
    assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"] is True


def test_the_privacy_page_shows_where_shoppers_erase_their_account_themselves(client):
    for language, button in (("fr", "Supprimer mon compte"), ("en", "Delete my account")):
        html = page(client.get(f"/{language}/legal/privacy/"))
        assert f'href="/{language}/account/profile/"' in html
        assert f'href="/{language}/account/addresses/"' in html
        assert button in html
