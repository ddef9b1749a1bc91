"""The producer's products: create, edit, variants, photos, label claims, send for review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers.member_selectors import product_of_producer, products_of_producer
from producers.models import ProducerMember
from producers.portal.forms import PhotoForm
from producers.portal.forms_listings import ClaimForm, ClaimRenewForm, ProductForm, VariantForm
from producers.portal.views.access import error_message, form_submit, member_view
from producers.selectors import review_message_latest
from producers.services import listing_parts, listings
from producers.services.submission import (
    claim_proof_renew,
    product_revision_withdraw,
    product_submit,
)


def _product(membership: ProducerMember, product_id: int):
    product = product_of_producer(producer=membership.producer, product_id=product_id)
    if product is None:
        raise Http404(_("This product is not one of yours."))
    return product


def _revision_notice(request: HttpRequest, revision) -> None:
    if revision is not None:
        messages.info(
            request,
            _(
                "Your changes to reviewed fields are sent to the chamber; the approved version "
                "stays on sale until it decides."
            ),
        )


@member_view
def product_list(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    context = {
        "producer": membership.producer,
        "products": products_of_producer(producer=membership.producer),
    }
    return render(request, "producers/portal/product_list.html", context)


@member_view
def product_create(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    form = ProductForm(request.POST or None, initial={"vat_rate": "5.50"})
    done, product = form_submit(
        form,
        lambda _data: listings.product_create(
            user=request.user, producer=membership.producer, data=form.data_for_service()
        ),
    )
    if done:
        messages.success(request, _("The product is created. Add its variants and photos."))
        return redirect("portal:product_edit", product_id=product.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "producer": membership.producer}
    return render(request, "producers/portal/product_form.html", context, status=status)


def _edit_page(request, membership, product, *, status: int = 200, **forms) -> HttpResponse:
    revision = listings.pending_revision(product=product)
    context = {
        "producer": membership.producer,
        "product": product,
        "revision": revision,
        "chamber_message": review_message_latest(target=product),
        "form": forms.get("form")
        or ProductForm(initial=ProductForm.initial_from(product, revision and revision.changes)),
        "variant_form": forms.get("variant_form") or VariantForm(prefix="variant"),
        "photo_form": forms.get("photo_form") or PhotoForm(prefix="photo"),
        "claim_form": forms.get("claim_form") or ClaimForm(prefix="claim"),
        "renew_forms": [
            (claim, ClaimRenewForm(prefix=f"renew{claim.pk}"))
            for claim in product.label_claims.all()
        ],
    }
    return render(request, "producers/portal/product_edit.html", context, status=status)


@member_view
def product_edit(request: HttpRequest, membership: ProducerMember, product_id: int):
    product = _product(membership, product_id)
    if request.method != "POST":
        return _edit_page(request, membership, product)
    form = ProductForm(request.POST)
    done, saved = form_submit(
        form,
        lambda _data: listings.product_update(
            user=request.user, product=product, data=form.data_for_service()
        ),
    )
    if done:
        messages.success(request, _("The product is saved."))
        _revision_notice(request, saved.revision)
        return redirect("portal:product_edit", product_id=product.pk)
    return _edit_page(request, membership, product, status=400, form=form)


@require_POST
@member_view
def variant_save(request, membership: ProducerMember, product_id: int, variant_id=None):
    product = _product(membership, product_id)
    form = VariantForm(request.POST, prefix="variant")
    done, _variant = form_submit(
        form,
        lambda _data: listing_parts.variant_save(
            user=request.user, product=product, data=form.data_for_service(), variant_id=variant_id
        ),
    )
    if done:
        messages.success(request, _("The variant is saved; price and stock are live."))
        return redirect("portal:product_edit", product_id=product.pk)
    if variant_id is not None:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:product_edit", product_id=product.pk)
    return _edit_page(request, membership, product, status=400, variant_form=form)


@require_POST
@member_view
def photo_add(request: HttpRequest, membership: ProducerMember, product_id: int):
    product = _product(membership, product_id)
    form = PhotoForm(request.POST, request.FILES, prefix="photo")
    done, added = form_submit(
        form,
        lambda data: listing_parts.product_photo_add(
            user=request.user,
            product=product,
            upload=data["image"],
            alt=data["alt"],
            alt_en=data["alt_en"],
        ),
    )
    if done:
        messages.success(request, _("The photo is added."))
        _revision_notice(request, added[1])
        return redirect("portal:product_edit", product_id=product.pk)
    return _edit_page(request, membership, product, status=400, photo_form=form)


@require_POST
@member_view
def claim_add(request: HttpRequest, membership: ProducerMember, product_id: int):
    product = _product(membership, product_id)
    form = ClaimForm(request.POST, request.FILES, prefix="claim")
    done, added = form_submit(
        form,
        lambda data: listing_parts.claim_add(
            user=request.user, product=product, data=form.data_for_service(), proof=data["proof"]
        ),
    )
    if done:
        messages.success(request, _("The label claim is added; the chamber will verify it."))
        _revision_notice(request, added[1])
        return redirect("portal:product_edit", product_id=product.pk)
    return _edit_page(request, membership, product, status=400, claim_form=form)


@require_POST
@member_view
def product_send(request: HttpRequest, membership: ProducerMember, product_id: int):
    product = _product(membership, product_id)
    try:
        product_submit(user=request.user, product=product)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("The product is sent to the chamber for review."))
    return redirect("portal:product_edit", product_id=product.pk)


@require_POST
@member_view
def revision_withdraw(request: HttpRequest, membership: ProducerMember, product_id: int):
    """Take back the changes waiting for the chamber; the approved version stays on sale."""
    product = _product(membership, product_id)
    try:
        product_revision_withdraw(user=request.user, product=product)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("Your changes are withdrawn; the approved version is kept."))
    return redirect("portal:product_edit", product_id=product.pk)


@require_POST
@member_view
def claim_renew(request: HttpRequest, membership: ProducerMember, product_id: int, claim_id: int):
    """A new proof for one of the product's claims; the chamber verifies it again."""
    product = _product(membership, product_id)
    claim = product.label_claims.filter(pk=claim_id).first()
    if claim is None:
        raise Http404(_("This claim is not one of yours."))
    form = ClaimRenewForm(request.POST, request.FILES, prefix=f"renew{claim.pk}")
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:product_edit", product_id=product.pk)
    try:
        claim_proof_renew(user=request.user, claim=claim, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("The new certificate is sent to the chamber."))
    return redirect("portal:product_edit", product_id=product.pk)


@require_POST
@member_view
def photos_order(request: HttpRequest, membership: ProducerMember, product_id: int):
    """Reorder the photos by the positions typed, leaving out those ticked for removal."""
    product = _product(membership, product_id)
    kept = []
    for image in product.images.all():
        if request.POST.get(f"remove-{image.pk}"):
            continue
        try:
            position = int(request.POST.get(f"position-{image.pk}", image.position))
        except ValueError:
            position = image.position
        kept.append((position, image.position, image.pk))
    try:
        revision = listing_parts.product_photos_order(
            user=request.user, product=product, image_ids=[pk for *_order, pk in sorted(kept)]
        )
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("The photos are saved."))
        _revision_notice(request, revision)
    return redirect("portal:product_edit", product_id=product.pk)
