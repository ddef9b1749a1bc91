from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.models.translations import TranslatableModel

FR_BIO_CODE_PATTERN = r"^FR-BIO-[0-9]{2}$"


def private_storage():
    """Proof documents live outside the public media and are served only after a check."""
    return storages["private"]


class SignKind(models.TextChoices):
    SIQO = "siqo", _("Official quality sign (SIQO)")
    CRAFT = "craft", _("Craft title")
    STATE = "state", _("State label")
    INDUSTRIAL_GI = "industrial_gi", _("Geographical indication for craft and industrial goods")


class QualitySign(TranslatableModel):
    """An official sign or title a claim can refer to: AOP, IGP, Label Rouge, AB, Maître artisan...

    The "Oh my Lot !" brand mark is not one of them: it is a collective brand, shown apart.
    """

    TRANSLATED_FIELDS = ("name", "description")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=SignKind.choices)
    description = models.TextField(_("description"), blank=True)
    requires_certifier_code = models.BooleanField(
        _("certifier code shown to shoppers"),
        default=False,
        help_text=_("Organic farming: the FR-BIO-xx code of the certifier must be displayed."),
    )
    validity_years = models.PositiveSmallIntegerField(_("validity (years)"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("quality sign")
        verbose_name_plural = _("quality signs")
        ordering = ("position", "name")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SignKind.values), name="catalogue_sign_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class LabelClaim(models.Model):
    """A seller's claim to a sign, for one product or (product empty) for the seller itself.

    Every claim carries its proof and an expiry date: an expired proof suspends the claim.
    """

    seller = models.ForeignKey(
        "catalogue.Seller",
        on_delete=models.CASCADE,
        related_name="label_claims",
        verbose_name=_("seller"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="label_claims",
        verbose_name=_("product"),
    )
    sign = models.ForeignKey(
        QualitySign,
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("quality sign"),
    )
    registry_reference = models.CharField(
        _("registry reference"),
        max_length=120,
        help_text=_("INAO sheet or EU register number, e.g. PDO-FR-0164."),
    )
    certifier = models.CharField(_("certifier"), max_length=200)
    certifier_code = models.CharField(
        _("certifier code"), max_length=12, blank=True, help_text=_("FR-BIO-xx for organic.")
    )
    certificate_number = models.CharField(_("certificate number"), max_length=120)
    valid_until = models.DateField(_("valid until"))
    proof = models.FileField(
        _("proof document"), storage=private_storage, upload_to="proofs/%Y/%m/", blank=True
    )
    is_essential = models.BooleanField(
        _("essential to the listing"),
        default=True,
        help_text=_("When the claim is suspended, the product is withdrawn from sale."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("label claim")
        verbose_name_plural = _("label claims")
        ordering = ("valid_until",)
        constraints = [
            models.CheckConstraint(
                condition=Q(certifier_code="") | Q(certifier_code__regex=FR_BIO_CODE_PATTERN),
                name="catalogue_claim_certifier_code_format",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ClaimStatus.values), name="catalogue_claim_status_valid"
            ),
            models.UniqueConstraint(
                fields=["product", "sign"],
                condition=Q(product__isnull=False),
                name="catalogue_claim_one_per_product_sign",
            ),
            models.UniqueConstraint(
                fields=["seller", "sign"],
                condition=Q(product__isnull=True),
                name="catalogue_claim_one_per_seller_sign",
            ),
        ]
        indexes = [
            models.Index(fields=["valid_until"], name="catalogue_claim_valid_until"),
            # Finds the products withdrawn by a suspended or rejected essential claim (with the
            # expiry index for expired ones) without reading every claim: `products_for_sale`.
            models.Index(
                fields=["product"],
                condition=Q(
                    is_essential=True,
                    status__in=[ClaimStatus.SUSPENDED, ClaimStatus.REJECTED],
                ),
                name="catalogue_claim_withdrawing",
            ),
        ]

    def __str__(self) -> str:
        target = self.product.name if self.product_id else self.seller.name
        return f"{self.sign.name} — {target}"

    def clean(self) -> None:
        super().clean()
        if self.product_id and self.product.seller_id != self.seller_id:
            raise ValidationError({"product": _("The product belongs to another seller.")})
        if self.sign_id and self.sign.requires_certifier_code and not self.certifier_code:
            raise ValidationError(
                {"certifier_code": _("Organic claims need the certifier code (FR-BIO-xx).")}
            )
