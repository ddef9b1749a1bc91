"""Reads of the brand that the fronts share: the current campaign, posters, the campaign report."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone

from branding.models import Campaign, ShareImage
from catalogue.models import Product, ReviewStatus
from catalogue.selectors import products_for_sale
from producers.models import Producer
from producers.permissions import is_brand_team
from shop.accounts.models import User
from shop.orders.models import OrderLine

FEATURED_SHOWN = 4
POSTER_SIZES = ("a5", "a4")
POSTER_FORMATS = ("pdf", "png")


def campaigns_running(*, on: date | None = None) -> QuerySet[Campaign]:
    """Campaigns whose dates include `on` (default: today), the latest started first."""
    day = on or timezone.localdate()
    return Campaign.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by(
        "-starts_on", "-id"
    )


@dataclass(frozen=True)
class HomeCampaign:
    """The campaign the home page shows, with its featured products for sale."""

    campaign: Campaign
    products: list[Product]


def campaign_for_home(*, on: date | None = None) -> HomeCampaign | None:
    """The campaign running on `on` (default: today) with up to four featured products for sale
    (seller and category selected; `product_cards_load` loads their cards with the page's other
    lists); None when no campaign runs. The admin's preview passes any date."""
    campaign = campaigns_running(on=on).first()
    if campaign is None:
        return None
    products = list(
        products_for_sale()
        .filter(pk__in=campaign.featured_products.values("pk"))
        .select_related("seller", "category")
        .order_by("name", "id")[:FEATURED_SHOWN]
    )
    return HomeCampaign(campaign=campaign, products=products)


def share_image_stored_url(*, product_id: int | None = None, seller_id: int | None = None) -> str:
    """The address of the share picture stored now for a product or a seller ("" before the
    first one is made), without checking that it shows them as they are: pages kept for every
    visitor ask at each view, as the picture is made after the page that asked for it
    (`branding.services.share_images` checks and asks)."""
    owner = {"product_id": product_id} if product_id is not None else {"seller_id": seller_id}
    stored = ShareImage.objects.filter(**owner).only("file").first()
    return stored.file.url if stored is not None else ""


def campaign_by_tag(*, tag: str, on: date | None = None) -> Campaign | None:
    """The campaign that `tag` names, once it has started (its posters keep counting after it)."""
    day = on or timezone.localdate()
    return Campaign.objects.filter(tag=tag, starts_on__lte=day).first()


def producer_for_poster(*, seller_slug: str) -> Producer | None:
    """The approved, selling producer at `seller_slug`: only they get stall posters."""
    return (
        Producer.objects.filter(
            seller__slug=seller_slug, seller__is_selling=True, status=ReviewStatus.APPROVED
        )
        .select_related("seller")
        .first()
    )


def poster_viewer_allowed(*, user: User, producer: Producer) -> bool:
    """Whether `user` may download `producer`'s posters: one of its members, or the brand team."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_brand_team(user) or producer.members.filter(pk=user.pk).exists()


def poster_campaigns(*, on: date | None = None) -> QuerySet[Campaign]:
    """Campaigns a producer may print posters for: running or to come, soonest first."""
    day = on or timezone.localdate()
    return Campaign.objects.filter(ends_on__gte=day).order_by("starts_on", "id")


@dataclass(frozen=True)
class PosterLink:
    campaign: Campaign
    size: str
    format: str
    url: str


def poster_links(*, producer: Producer, on: date | None = None) -> list[PosterLink]:
    """Every poster download of `producer`: each running or coming campaign, A5 and A4, PDF and
    PNG. The producer portal lists them (or links to `branding:posters`, which does)."""
    return [
        PosterLink(
            campaign=campaign,
            size=size,
            format=file_format,
            url=reverse(
                "branding:poster",
                kwargs={
                    "seller_slug": producer.seller.slug,
                    "tag": campaign.tag,
                    "size": size,
                    "file_format": file_format,
                },
            ),
        )
        for campaign in poster_campaigns(on=on)
        for size in POSTER_SIZES
        for file_format in POSTER_FORMATS
    ]


@dataclass(frozen=True)
class CampaignFigures:
    campaign: Campaign
    visits: int
    orders: int
    revenue: Decimal


@dataclass(frozen=True)
class ProducerFigures:
    campaign_name: str
    seller_name: str
    orders: int
    revenue: Decimal


def campaign_report() -> tuple[list[CampaignFigures], list[ProducerFigures]]:
    """Visits, paid orders and revenue (incl. VAT, products only) per campaign, then per campaign
    and seller, for the brand team. Three queries whatever the number of orders."""
    money = DecimalField(max_digits=14, decimal_places=2)
    line_total = Sum(F("unit_price") * F("quantity"), output_field=money)
    campaigns = Campaign.objects.annotate(
        visit_count=Count("visits", distinct=True),
        order_count=Count("orders", filter=Q(orders__order__paid_at__isnull=False), distinct=True),
    ).order_by("-starts_on", "id")
    attributed_lines = OrderLine.objects.filter(
        order__paid_at__isnull=False, order__brand_attribution__isnull=False
    )
    revenue_by_campaign = dict(
        attributed_lines.values("order__brand_attribution__campaign")
        .annotate(total=line_total)
        .values_list("order__brand_attribution__campaign", "total")
    )
    per_campaign = [
        CampaignFigures(
            campaign=campaign,
            visits=campaign.visit_count,
            orders=campaign.order_count,
            revenue=revenue_by_campaign.get(campaign.pk, Decimal("0.00")),
        )
        for campaign in campaigns
    ]
    per_seller = [
        ProducerFigures(
            campaign_name=row["order__brand_attribution__campaign__name"],
            seller_name=row["group__seller__name"],
            orders=row["orders"],
            revenue=row["revenue"],
        )
        for row in attributed_lines.values(
            "order__brand_attribution__campaign__name", "group__seller__name"
        )
        .annotate(orders=Count("order", distinct=True), revenue=line_total)
        .order_by("order__brand_attribution__campaign__name", "-revenue", "group__seller__name")
    ]
    return per_campaign, per_seller
