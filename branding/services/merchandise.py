"""Writes of the brand's merchandise: the programme's own products."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product, ReviewStatus, Seller, SellerKind, VatRate


@transaction.atomic
def merchandise_save(*, product: Product) -> Product:
    """Save `product` as merchandise: sold by the programme at the standard VAT rate, on sale
    without review (no chamber reviews the brand's own goods; the brand team answers for them).

    Raises ValidationError when the programme's seller does not exist yet.
    """
    programme = Seller.objects.filter(kind=SellerKind.PROGRAMME).first()
    if programme is None:
        raise ValidationError(_("The programme's seller does not exist yet."), code="no_programme")
    product.seller = programme
    product.vat_rate = VatRate.STANDARD
    product.is_alcohol = False
    product.alcohol_by_volume = None
    product.is_perishable = False
    product.is_chilled = False
    if product.pk is None:
        product.review_status = ReviewStatus.APPROVED
    product.full_clean()
    product.save()
    return product
