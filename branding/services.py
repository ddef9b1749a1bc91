"""Every write of the brand: campaign visits and attribution, consent, reminders, share images."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
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
    ShareImage,
)
from branding.reminders import reminder_campaigns, reminder_products, reminder_recipients
from branding.selectors import campaign_by_tag
from branding.share_images import ShareSubject, share_image_compose
from catalogue.models import Product
from catalogue.selectors import product_for_page
from producers.models import Producer
from shop.accounts.models import User
from shop.orders.models import Order

logger = logging.getLogger(__name__)

REMINDER_BATCH_SIZE = 200
SHARE_PHOTO_SIZE = 1024


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


# Share images -----------------------------------------------------------------------------


def _product_subject(product: Product) -> ShareSubject:
    """What the share picture of `product` shows, from the product read by `product_for_page`."""
    prices = [variant.price for variant in product.variants.all()]
    images = list(product.images.all())
    return ShareSubject(
        title=product.name,
        subtitle=", ".join(filter(None, [product.seller.name, product.seller.town])),
        price=min(prices) if prices else None,
        photo_name=images[0].image.name if images else "",
        signs=tuple((claim.sign.code, claim.sign.name) for claim in product.label_claims.all()),
        brand_approved=product.brand_approved_at is not None,
        is_alcohol=product.is_alcohol,
    )


def _photo_bytes(product: Product) -> bytes | None:
    images = list(product.images.all())
    if not images:
        return None
    large = [item for item in images[0].thumbnails.all() if item.size >= SHARE_PHOTO_SIZE]
    stored = min(large, key=lambda item: item.size).file if large else images[0].image
    with stored.open("rb") as handle:
        return handle.read()


def product_share_image(*, product: Product) -> str | None:
    """The address of `product`'s share picture (read with `product_for_page`), or None before
    the first one is made. A missing or out-of-date picture is (re)made by a task after commit."""
    stored = ShareImage.objects.filter(product=product).first()
    if stored is None or stored.fingerprint != _product_subject(product).fingerprint():
        # Imported here: the tasks module imports this one (tasks call services).
        from branding.tasks import share_image_refresh_task

        product_id = product.pk
        transaction.on_commit(lambda: share_image_refresh_task.delay(product_id=product_id))
    return stored.file.url if stored is not None else None


@transaction.atomic
def share_image_refresh(*, product_id: int) -> ShareImage | None:
    """Make the share picture of a product for sale unless the stored one is up to date.

    Returns the stored picture, or None when the product is not for sale.
    """
    slug = Product.objects.filter(pk=product_id).values_list("slug", flat=True).first()
    product = product_for_page(slug=slug) if slug else None
    if product is None:
        return None
    subject = _product_subject(product)
    stored = ShareImage.objects.select_for_update().filter(product=product).first()
    if stored is not None and stored.fingerprint == subject.fingerprint():
        return stored
    stored = stored or ShareImage(product=product)
    old_name = stored.file.name
    content = share_image_compose(subject, _photo_bytes(product))
    stored.file.save(f"{product.slug}.png", ContentFile(content), save=False)
    stored.fingerprint = subject.fingerprint()
    stored.save()
    if old_name:
        storage = stored.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return stored
