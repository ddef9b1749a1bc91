"""Share pictures of products and sellers: made by a task after commit, kept while they are
up to date (their fingerprint matches what they show)."""

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import OuterRef, Subquery

from branding.models import ShareImage
from branding.share_images import ShareSubject, share_image_compose
from catalogue.models import Product, Seller
from catalogue.selectors import product_for_page
from producers.models import ProducerPhoto
from producers.selectors import SellerProfile, seller_profile

SHARE_PHOTO_SIZE = 1024


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


def _product_photo(product: Product) -> File | None:
    images = list(product.images.all())
    if not images:
        return None
    large = [item for item in images[0].thumbnails.all() if item.size >= SHARE_PHOTO_SIZE]
    return min(large, key=lambda item: item.size).file if large else images[0].image


def _seller_photo(seller: Seller) -> ProducerPhoto | None:
    return ProducerPhoto.objects.filter(producer__seller=seller).order_by("position", "id").first()


def _seller_subject(profile: SellerProfile, photo_name: str) -> ShareSubject:
    """What the share picture of a seller shows: its name and town, the signs it holds."""
    signs = [(claim.sign.code, claim.sign.name) for claim in profile.claims]
    signs += [(sign.code, sign.name) for sign in profile.product_signs]
    return ShareSubject(
        title=profile.seller.name,
        subtitle=profile.seller.town,
        price=None,
        photo_name=photo_name,
        signs=tuple(signs),
        brand_approved=False,
    )


def _stored_url(stored: ShareImage | None, subject: ShareSubject | None, queue) -> str | None:
    """The stored picture's address; an out-of-date or missing one is queued after commit."""
    if stored is None or subject is None or stored.fingerprint != subject.fingerprint():
        transaction.on_commit(queue)
    return stored.file.url if stored is not None else None


def product_share_image(*, product: Product) -> str | None:
    """The address of `product`'s share picture (read with `product_for_page`), or None before
    the first one is made. A missing or out-of-date picture is (re)made by a task after commit."""
    # Imported here: the tasks module imports this one (tasks call services).
    from branding.tasks import share_image_refresh_task

    product_id = product.pk
    return _stored_url(
        ShareImage.objects.filter(product=product).first(),
        _product_subject(product),
        lambda: share_image_refresh_task.delay(product_id=product_id),
    )


def seller_share_image(*, profile: SellerProfile) -> str | None:
    """The address of a seller's share picture, like `product_share_image`."""
    from branding.tasks import seller_share_image_refresh_task

    seller_id = profile.seller.pk
    # One query reads the stored picture and the name of the photo it should show.
    first_photo = ProducerPhoto.objects.filter(producer__seller=OuterRef("seller")).order_by(
        "position", "id"
    )
    stored = (
        ShareImage.objects.filter(seller=profile.seller)
        .annotate(photo_name=Subquery(first_photo.values("image")[:1]))
        .first()
    )
    subject = _seller_subject(profile, stored.photo_name or "") if stored is not None else None
    return _stored_url(
        stored, subject, lambda: seller_share_image_refresh_task.delay(seller_id=seller_id)
    )


def _store(stored: ShareImage, subject: ShareSubject, photo: File | None, name: str) -> ShareImage:
    """Draw `subject` into `stored` unless it is up to date; the old file goes after commit."""
    if stored.pk is not None and stored.fingerprint == subject.fingerprint():
        return stored
    content = None
    if photo is not None:
        with photo.open("rb") as handle:
            content = handle.read()
    old_name = stored.file.name
    stored.file.save(f"{name}.png", ContentFile(share_image_compose(subject, content)), save=False)
    stored.fingerprint = subject.fingerprint()
    stored.save()
    if old_name:
        storage = stored.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return stored


@transaction.atomic
def share_image_refresh(*, product_id: int) -> ShareImage | None:
    """Make the share picture of a product for sale unless the stored one is up to date.

    Returns the stored picture, or None when the product is not for sale.
    """
    slug = Product.objects.filter(pk=product_id).values_list("slug", flat=True).first()
    product = product_for_page(slug=slug) if slug else None
    if product is None:
        return None
    stored = ShareImage.objects.select_for_update().filter(product=product).first()
    return _store(
        stored or ShareImage(product=product),
        _product_subject(product),
        _product_photo(product),
        product.slug,
    )


@transaction.atomic
def seller_share_image_refresh(*, seller_id: int) -> ShareImage | None:
    """Make the share picture of a selling seller unless the stored one is up to date.

    Returns the stored picture, or None when the seller does not sell.
    """
    slug = Seller.objects.filter(pk=seller_id).values_list("slug", flat=True).first()
    profile = seller_profile(slug=slug) if slug else None
    if profile is None:
        return None
    photo = _seller_photo(profile.seller)
    stored = ShareImage.objects.select_for_update().filter(seller=profile.seller).first()
    return _store(
        stored or ShareImage(seller=profile.seller),
        _seller_subject(profile, photo.image.name if photo is not None else ""),
        photo.image if photo is not None else None,
        f"seller-{profile.seller.slug}",
    )
