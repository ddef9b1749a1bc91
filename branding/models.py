"""The brand's data: campaigns, their visits and orders, marketing consent, share images."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product, SellerKind
from catalogue.models.translations import TranslatableModel


class Campaign(TranslatableModel):
    """A moment of the programme (summer, back-to-school, spring) with its banner and tag.

    The tag travels in links and on stall posters (`?c=<tag>`): visits and orders arriving with
    it are counted for the campaign.
    """

    TRANSLATED_FIELDS = ("headline", "text", "banner_alt")

    name = models.CharField(_("name"), max_length=120)
    tag = models.SlugField(
        _("tag"), max_length=40, unique=True, help_text=_("Carried by links and posters: ?c=tag")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    headline = models.CharField(_("headline"), max_length=160)
    text = models.TextField(_("text"), blank=True)
    banner = models.FileField(_("banner picture"), upload_to="campaigns/", blank=True)
    banner_alt = models.CharField(_("banner alternative text"), max_length=250, blank=True)
    sends_reminder = models.BooleanField(
        _("sends the reminder"),
        default=False,
        help_text=_("While it runs, shoppers who opted in get one reminder email."),
    )
    featured_products = models.ManyToManyField(
        "catalogue.Product", blank=True, related_name="+", verbose_name=_("featured products")
    )
    featured_producers = models.ManyToManyField(
        "producers.Producer", blank=True, related_name="+", verbose_name=_("featured producers")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ("-starts_on", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="branding_campaign_dates_ordered"
            ),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="branding_campaign_dates")]

    def __str__(self) -> str:
        return self.name


class CampaignVisit(models.Model):
    """A visit that arrived through a campaign tag, counted once per visit and campaign.

    `producer` is set when the visit landed on a producer's page: a scanned stall poster.
    """

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="visits", verbose_name=_("campaign")
    )
    visit_id = models.UUIDField(_("visit"))
    landing_path = models.CharField(_("landing page"), max_length=300)
    producer = models.ForeignKey(
        "producers.Producer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("producer scanned"),
    )
    consent = models.ForeignKey(
        "branding.MarketingConsent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("consent given during the visit"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign visit")
        verbose_name_plural = _("campaign visits")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "visit_id"], name="branding_visit_once_per_campaign"
            ),
        ]
        indexes = [models.Index(fields=["visit_id"], name="branding_visit_id")]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.landing_path}"


class OrderAttribution(models.Model):
    """An order placed during a visit that came through a campaign tag."""

    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="brand_attribution",
        verbose_name=_("order"),
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="orders", verbose_name=_("campaign")
    )
    visit_id = models.UUIDField(_("visit"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("order attribution")
        verbose_name_plural = _("order attributions")

    def __str__(self) -> str:
        return f"{self.order} — {self.campaign}"


class ConsentSource(models.TextChoices):
    CHECKOUT = "checkout", _("Checkout")
    NEWSLETTER = "newsletter", _("Newsletter form")


class MarketingConsent(models.Model):
    """A person's explicit agreement to receive the brand's emails, until they unsubscribe."""

    email = models.EmailField(_("email"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    language_code = models.CharField(_("language"), max_length=8, default="fr")
    source = models.CharField(_("given at"), max_length=16, choices=ConsentSource.choices)
    consented_at = models.DateTimeField(_("consented at"))
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("marketing consent")
        verbose_name_plural = _("marketing consents")
        ordering = ("-consented_at",)
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=ConsentSource.values), name="branding_consent_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="branding_consent_email_lowercase",
            ),
        ]

    def __str__(self) -> str:
        return self.email


class ReminderDelivery(models.Model):
    """The reminder of a campaign sent to one person: never twice (the constraint says so)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("campaign")
    )
    consent = models.ForeignKey(
        MarketingConsent,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("recipient"),
    )
    product_count = models.PositiveSmallIntegerField(_("products shown"), default=0)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "consent"], name="branding_reminder_once_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.consent}"


class ShareImage(models.Model):
    """The 1200 x 630 picture shown when a product or seller page is shared (Open Graph).

    `fingerprint` sums up what the picture shows: when it no longer matches, the picture is
    made again.
    """

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="share_image",
        verbose_name=_("product"),
    )
    seller = models.OneToOneField(
        "catalogue.Seller",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="share_image",
        verbose_name=_("seller"),
    )
    file = models.FileField(_("file"), upload_to="share/")
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("share image")
        verbose_name_plural = _("share images")
        constraints = [
            models.CheckConstraint(
                condition=Q(product__isnull=False, seller__isnull=True)
                | Q(product__isnull=True, seller__isnull=False),
                name="branding_share_image_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.file.name


class MerchandiseManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(seller__kind=SellerKind.PROGRAMME)


class Merchandise(Product):
    """The brand's goods (tee-shirts, tote bags, mugs, caps, posters) as the brand team sees
    them in the admin: products sold by the programme, with no chamber review."""

    objects = MerchandiseManager()

    class Meta:
        proxy = True
        verbose_name = _("merchandise item")
        verbose_name_plural = _("merchandise")
