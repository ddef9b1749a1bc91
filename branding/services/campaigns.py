"""Writes of the campaigns: visits and attribution, marketing consent, the reminder."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branding.campaigns import VisitRef
from branding.emails import reminder_message, unsubscribe_token_read
from branding.models import (
    CampaignVisit,
    ConsentSource,
    MarketingConsent,
    OrderAttribution,
    ReminderDelivery,
)
from branding.reminders import reminder_campaigns, reminder_products, reminder_recipients
from branding.selectors import campaign_by_tag
from producers.models import Producer
from shop.accounts.models import User
from shop.orders.models import Order

logger = logging.getLogger(__name__)

REMINDER_BATCH_SIZE = 200


# Visits and attribution --------------------------------------------------------------------


@transaction.atomic
def campaign_visit_record(
    *, tag: str, visit: VisitRef | None, landing_path: str, seller_slug: str | None = None
) -> VisitRef | None:
    """Count a visit that arrived with the campaign tag `tag`, once per visit and campaign.

    `seller_slug` names the producer whose page the visit landed on (a scanned poster). Returns
    the visit to keep in the session, now counting for that campaign; None for an unknown tag.
    """
    campaign = campaign_by_tag(tag=tag)
    if campaign is None:
        return None
    visit = visit or VisitRef()
    producer = Producer.objects.filter(seller__slug=seller_slug).first() if seller_slug else None
    CampaignVisit.objects.get_or_create(
        campaign=campaign,
        visit_id=visit.visit_id,
        defaults={"landing_path": landing_path[:300], "producer": producer},
    )
    visit.campaign_id = campaign.pk
    return visit


@transaction.atomic
def order_placed_record(
    *, order: Order, visit: VisitRef | None, marketing_consent: bool
) -> OrderAttribution | None:
    """What the brand keeps of a placed order: the campaign of its visit, if any, and the buyer's
    consent to the brand's emails when they ticked the box. Returns the attribution."""
    attribution = None
    if visit is not None and visit.campaign_id is not None:
        attribution, _created = OrderAttribution.objects.get_or_create(
            order=order, defaults={"campaign_id": visit.campaign_id, "visit_id": visit.visit_id}
        )
    if marketing_consent:
        consent_give(
            email=order.email,
            language_code=order.language_code,
            source=ConsentSource.CHECKOUT,
            user=order.user,
            visit=visit,
        )
    return attribution


# Consent ---------------------------------------------------------------------------------


@transaction.atomic
def consent_give(
    *,
    email: str,
    language_code: str,
    source: str,
    user: User | None = None,
    visit: VisitRef | None = None,
) -> MarketingConsent:
    """Record that `email` agreed to the brand's emails (again, after an unsubscribe).

    The producers scanned during `visit` are tied to the consent: the reminder shows theirs.
    """
    email = email.strip().lower()
    now = timezone.now()
    consent, created = MarketingConsent.objects.select_for_update().get_or_create(
        email=email,
        defaults={
            "language_code": language_code[:8],
            "source": source,
            "user": user if user is not None and user.is_authenticated else None,
            "consented_at": now,
        },
    )
    if not created:
        consent.language_code = language_code[:8]
        consent.source = source
        consent.consented_at = now
        consent.unsubscribed_at = None
        consent.save(update_fields=["language_code", "source", "consented_at", "unsubscribed_at"])
    if visit is not None:
        CampaignVisit.objects.filter(visit_id=visit.visit_id, consent__isnull=True).update(
            consent=consent
        )
    return consent


@transaction.atomic
def consent_withdraw(*, token: str) -> MarketingConsent:
    """Withdraw the consent a signed unsubscribe token names; doing it twice changes nothing.

    Raises ValidationError (code "invalid_token") for a token the shop did not sign.
    """
    read = unsubscribe_token_read(token)
    consent = None
    if read is not None:
        consent_id, email = read
        consent = (
            MarketingConsent.objects.select_for_update().filter(pk=consent_id, email=email).first()
        )
    if consent is None:
        raise ValidationError(_("This unsubscribe link is not valid."), code="invalid_token")
    if consent.unsubscribed_at is None:
        consent.unsubscribed_at = timezone.now()
        consent.save(update_fields=["unsubscribed_at"])
    return consent


# Reminder ---------------------------------------------------------------------------------


def _reminder_claim(*, campaign_id: int, consent_id: int) -> ReminderDelivery | None:
    """Write down that this person gets the campaign's reminder, unless someone did already or
    they have just unsubscribed. The row is committed before the email leaves."""
    try:
        with transaction.atomic():
            still_consenting = MarketingConsent.objects.select_for_update().filter(
                pk=consent_id, unsubscribed_at__isnull=True
            )
            if not still_consenting.exists():
                return None
            return ReminderDelivery.objects.create(campaign_id=campaign_id, consent_id=consent_id)
    except IntegrityError:
        return None


def reminder_batch_send(*, on: date | None = None, limit: int = REMINDER_BATCH_SIZE) -> int:
    """Send the running campaigns' reminder to at most `limit` people who opted in and did not
    get it yet; returns how many were sent. The scheduled task calls it until none are left.

    Not one transaction: each person's delivery row is committed before their email is sent,
    so a crash or a second worker can make someone miss the reminder, never get it twice.
    """
    sent = 0
    for campaign in reminder_campaigns(on=on):
        for consent in reminder_recipients(campaign=campaign).order_by("pk")[: limit - sent]:
            delivery = _reminder_claim(campaign_id=campaign.pk, consent_id=consent.pk)
            if delivery is None:
                continue
            products = reminder_products(consent=consent, campaign=campaign)
            try:
                reminder_message(consent=consent, campaign=campaign, products=products).send()
            except OSError:
                logger.exception("Reminder to consent %s not sent", consent.pk)
                continue
            delivery.product_count = len(products)
            delivery.save(update_fields=["product_count"])
            sent += 1
        if sent >= limit:
            break
    return sent
