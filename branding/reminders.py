"""Reads of the campaign reminder: who gets it, and which products it shows each person."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from branding.models import Campaign, CampaignVisit, MarketingConsent, ReminderDelivery
from branding.selectors import campaigns_running
from catalogue.models import Product
from catalogue.selectors import products_for_sale
from shop.orders.models import FulfilmentGroup

PRODUCTS_PER_REMINDER = 4


def reminder_campaigns(*, on: date | None = None) -> QuerySet[Campaign]:
    """Running campaigns that send the reminder."""
    return campaigns_running(on=on).filter(sends_reminder=True)


def reminder_recipients(*, campaign: Campaign) -> QuerySet[MarketingConsent]:
    """People who agreed to the brand's emails, have not withdrawn, and have not had this
    campaign's reminder yet, in the order they agreed."""
    already = ReminderDelivery.objects.filter(campaign=campaign, consent=OuterRef("pk"))
    return MarketingConsent.objects.filter(unsubscribed_at__isnull=True).exclude(Exists(already))


def reminder_products(*, consent: MarketingConsent, campaign: Campaign) -> list[Product]:
    """Up to four products for sale from the sellers this person bought from (paid orders under
    their email) or whose stall poster they scanned; the campaign's featured products when
    there are none."""
    bought = FulfilmentGroup.objects.filter(
        order__email__iexact=consent.email, order__paid_at__isnull=False
    ).values("seller")
    scanned = CampaignVisit.objects.filter(consent=consent, producer__isnull=False).values(
        "producer__seller"
    )
    for_sale = products_for_sale().select_related("seller").order_by("-created_at", "id")
    products = list(
        for_sale.filter(Q(seller__in=bought) | Q(seller__in=scanned))[:PRODUCTS_PER_REMINDER]
    )
    if products:
        return products
    featured = campaign.featured_products.values("pk")
    return list(for_sale.filter(pk__in=featured)[:PRODUCTS_PER_REMINDER])
