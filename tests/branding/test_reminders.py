"""The back-to-school reminder: explicit consent only, once per person, one-click unsubscribe."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from branding.emails import unsubscribe_token
from branding.models import CampaignVisit, ConsentSource, MarketingConsent, ReminderDelivery
from branding.services.campaigns import consent_give, reminder_batch_send
from shop.celery import app
from shop.checkout.complete import checkout_complete
from shop.orders.models import Order
from shop.payments.services import builtin_payment_settle
from tests.factories import (
    make_campaign,
    make_producer,
    make_product,
    make_ready_checkout,
    make_seller,
    make_variant,
)

pytestmark = pytest.mark.django_db


def back_to_school(**fields):
    return make_campaign(
        name="Rentrée",
        tag="rentree",
        headline="Le Lot vous manque ?",
        translations={"en": {"headline": "Missing the Lot?"}},
        sends_reminder=True,
        **fields,
    )


def paid_order(email: str = "emma@example.org") -> Order:
    """A paid order of a farm's cheese; the buyer never ticked the consent box."""
    seller = make_seller(name="Ferme du Causse", is_selling=True)
    make_producer(seller=seller)
    variant = make_variant(product=make_product(seller=seller, name="Rocamadour"))
    order = checkout_complete(checkout=make_ready_checkout((variant, 2), email=email))
    builtin_payment_settle(order=order, approve=True)
    return order


def consent(email: str, language: str = "fr") -> MarketingConsent:
    return consent_give(email=email, language_code=language, source=ConsentSource.NEWSLETTER)


def test_the_reminder_goes_once_to_each_person_who_agreed():
    back_to_school()
    consent("emma@example.org", "en")
    consent("jules@example.fr")
    assert reminder_batch_send() == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "emma@example.org",
        "jules@example.fr",
    ]
    assert reminder_batch_send() == 0
    assert len(mail.outbox) == 2
    assert ReminderDelivery.objects.count() == 2


def test_nobody_gets_it_without_consent_or_after_unsubscribing(client):
    back_to_school()
    paid_order()
    gone = consent("gone@example.org")
    response = client.post(f"/en/marque/unsubscribe/{unsubscribe_token(gone)}/")
    assert response.status_code == 200
    assert reminder_batch_send() == 0
    assert mail.outbox == []
    gone.refresh_from_db()
    assert gone.unsubscribed_at is not None


def test_a_campaign_without_the_reminder_or_not_running_sends_nothing():
    make_campaign(tag="ete", sends_reminder=False)
    back_to_school(starts_on=date.today() + timedelta(days=2))
    consent("emma@example.org")
    assert reminder_batch_send() == 0


def test_batches_stop_at_their_size_and_the_next_one_takes_the_rest():
    back_to_school()
    for index in range(5):
        consent(f"visitor{index}@example.org")
    assert reminder_batch_send(limit=3) == 3
    assert reminder_batch_send(limit=3) == 2
    assert reminder_batch_send(limit=3) == 0
    assert len(mail.outbox) == 5


def test_the_database_refuses_a_second_reminder_to_the_same_person():
    campaign = back_to_school()
    person = consent("emma@example.org")
    ReminderDelivery.objects.create(campaign=campaign, consent=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderDelivery.objects.create(campaign=campaign, consent=person)


def test_the_email_shows_products_of_the_producers_bought_from_and_scanned(settings):
    settings.PUBLIC_URL = "https://boutique.ohmylot.fr"
    campaign = back_to_school()
    order = paid_order()
    bought = order.groups.get().seller.products.get()
    bought.translations = {"en": {"name": "Rocamadour cheese"}}
    bought.save(update_fields=["translations"])
    scanned_seller = make_seller(name="Domaine du Causse", is_selling=True)
    scanned = make_producer(seller=scanned_seller)
    wine = make_product(seller=scanned_seller, name="Cahors rouge")
    make_variant(product=wine)
    make_product(name="Noix d'un autre")  # from a producer this person never met
    person = consent_give(email=order.email, language_code="en", source=ConsentSource.CHECKOUT)
    CampaignVisit.objects.create(
        campaign=campaign,
        visit_id="7d4c1f52-1111-4a3c-9d53-2d2c2d2c2d2c",
        landing_path="/fr/producers/x/",
        producer=scanned,
        consent=person,
    )
    assert reminder_batch_send() == 1
    message = mail.outbox[0]
    assert message.subject == "The Lot misses you: Missing the Lot?"
    assert "Rocamadour cheese" in message.body and "Cahors rouge" in message.body
    assert "Noix d'un autre" not in message.body
    assert f"https://boutique.ohmylot.fr/en/p/{wine.slug}/?c=rentree" in message.body
    assert ReminderDelivery.objects.get().product_count == 2


def test_every_reminder_has_the_unsubscribe_link_and_headers(settings, client):
    settings.PUBLIC_URL = "https://boutique.ohmylot.fr"
    back_to_school()
    person = consent("jules@example.fr", "fr")
    reminder_batch_send()
    message = mail.outbox[0]
    link = f"https://boutique.ohmylot.fr/fr/marque/unsubscribe/{unsubscribe_token(person)}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    assert link in message.alternatives[0][0]
    # The mail client's one-click POST carries no CSRF cookie.
    response = client.post(link.removeprefix("https://boutique.ohmylot.fr"))
    assert "jules@example.fr ne recevra plus d'e-mails" in response.content.decode()


def test_a_forged_or_tampered_unsubscribe_token_changes_nothing(client):
    person = consent("emma@example.org")
    other = consent("jules@example.fr")
    token = unsubscribe_token(person)
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.post(f"/en/marque/unsubscribe/{forged}/").status_code == 400
    assert client.get("/en/marque/unsubscribe/not-a-token/").status_code == 400
    assert list(MarketingConsent.objects.filter(unsubscribed_at__isnull=False)) == []
    assert other.unsubscribed_at is None


def test_unsubscribing_asks_for_one_click_and_is_idempotent(client):
    person = consent("emma@example.org")
    url = f"/en/marque/unsubscribe/{unsubscribe_token(person)}/"
    page = client.get(url).content.decode()
    assert '<button type="submit">Unsubscribe</button>' in page
    person.refresh_from_db()
    assert person.unsubscribed_at is None
    client.post(url)
    person.refresh_from_db()
    first = person.unsubscribed_at
    client.post(url)
    person.refresh_from_db()
    assert person.unsubscribed_at == first is not None


def test_consenting_again_after_unsubscribing_is_a_new_explicit_consent():
    person = consent("emma@example.org")
    person.unsubscribed_at = timezone.now()
    person.save(update_fields=["unsubscribed_at"])
    again = consent("EMMA@example.org", "en")
    assert (again.pk, again.unsubscribed_at, again.language_code) == (person.pk, None, "en")


def test_the_newsletter_form_needs_the_box_ticked(client):
    response = client.post("/en/marque/newsletter/", {"email": "emma@example.org"})
    assert response.status_code == 400
    assert "Tick the box to agree to the emails." in response.content.decode()
    assert MarketingConsent.objects.count() == 0
    response = client.post("/en/marque/newsletter/", {"email": "emma@example.org", "consent": "on"})
    assert response["Location"] == "/en/"
    stored = MarketingConsent.objects.get()
    assert (stored.email, stored.source, stored.language_code) == (
        "emma@example.org",
        "newsletter",
        "en",
    )


def test_the_newsletter_box_starts_unticked(client):
    page = client.get("/en/marque/newsletter/").content.decode()
    assert '<input type="checkbox" name="consent" required id="id_consent">' in page


def test_a_french_reader_gets_the_campaigns_french_words():
    back_to_school()
    consent("jules@example.fr", "fr")
    reminder_batch_send()
    assert "Le Lot vous manque ?" in mail.outbox[0].subject
    assert "Le Lot vous manque ?" in mail.outbox[0].body


def test_a_bad_email_on_the_newsletter_form_is_a_form_error(client):
    response = client.post("/en/marque/newsletter/", {"email": "not an email", "consent": "on"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert MarketingConsent.objects.count() == 0


def test_celery_beat_sends_the_reminder_in_batches(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["branding-reminders-send"]
    assert entry == {"task": "branding.reminders_send", "schedule": 600.0}
    app.loader.import_default_modules()  # what a worker does at start: finds every tasks module
    assert "branding.reminders_send" in app.tasks
