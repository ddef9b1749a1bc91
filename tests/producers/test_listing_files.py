"""A photo or a label claim refused at its last step (the proposal to the chamber) leaves no
file behind: what the call stored is deleted with the rows it rolled back."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Category, LabelClaim, ProductImage, ReviewStatus
from producers.services.listing_parts import claim_add, product_photo_add
from producers.services.listings import pending_revision
from producers.services.submission import product_revision_propose
from tests.factories import make_category, make_listed_product
from tests.producers.test_listings import claim_data
from tests.producers.uploads import jpeg_upload, pdf_upload

pytestmark = pytest.mark.django_db


def stored_files(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def approved_product_whose_waiting_revision_went_stale():
    """An approved product with a photo, and a revision proposing a category that the brand
    team has deleted since: every further proposal carries it and is refused."""
    _producer, owner, product = make_listed_product(product_status=ReviewStatus.APPROVED)
    product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Avant")
    gone = make_category()
    product_revision_propose(user=owner, product=product, changes={"category": gone.pk})
    Category.objects.filter(pk=gone.pk).delete()
    return owner, product


def test_a_photo_refused_at_its_proposal_leaves_no_file(isolated_media):
    owner, product = approved_product_whose_waiting_revision_went_stale()
    before = stored_files(isolated_media)

    with pytest.raises(ValidationError) as refused:
        product_photo_add(user=owner, product=product, upload=jpeg_upload(), alt="Après")

    assert refused.value.messages == ["Choisissez une catégorie existante."]
    assert stored_files(isolated_media) == before
    assert len(before) == 1
    assert ProductImage.objects.filter(product=product).count() == 1
    assert pending_revision(product=product).changes.keys() == {"category"}


def test_a_claim_refused_at_its_proposal_leaves_no_proof(isolated_media):
    owner, product = approved_product_whose_waiting_revision_went_stale()
    before = stored_files(isolated_media)

    with pytest.raises(ValidationError) as refused:
        claim_add(user=owner, product=product, data=claim_data(), proof=pdf_upload())

    assert refused.value.messages == ["Choisissez une catégorie existante."]
    assert stored_files(isolated_media) == before
    assert not LabelClaim.objects.exists()
