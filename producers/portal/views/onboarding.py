"""Sign-up, the producer's profile, photos and documents, and the application."""

from functools import partial

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.models import ReviewStatus
from producers.member_selectors import (
    chamber_messages,
    claim_proof_for_viewer,
    document_for_viewer,
    documents_of_producer,
    products_of_producer,
)
from producers.models import MemberRole, ProducerMember
from producers.portal.forms import DocumentForm, PhotoForm, ProfileForm, SignupForm
from producers.portal.views.access import (
    acting_for_refusal,
    error_message,
    form_submit,
    member_view,
    portal_membership,
    render_status,
)
from producers.services import onboarding
from producers.services.submission import producer_application_submit


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    form = SignupForm(request.POST or None)
    done, _user = form_submit(
        form,
        lambda data: onboarding.producer_account_register(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language_code=(get_language() or "fr")[:2],
        ),
    )
    if done:
        return redirect("portal:signup_sent")
    return render(
        request, "producers/portal/signup.html", {"form": form}, status=render_status(request, form)
    )


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "producers/portal/signup_sent.html")


def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = onboarding.producer_account_confirm(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "producers/portal/signup_invalid.html", status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request, _("Your email address is confirmed. Now tell us about your business.")
    )
    return redirect("portal:profile")


@member_view
def dashboard(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    producer = membership.producer
    context = {
        "membership": membership,
        "producer": producer,
        "messages_from_chamber": chamber_messages(producer=producer),
        "documents": documents_of_producer(producer=producer),
        "product_count": products_of_producer(producer=producer).count(),
        "poster_url": _poster_url(producer),
    }
    return render(request, "producers/portal/dashboard.html", context)


def _poster_url(producer) -> str:
    """The brand's stall posters page, for an approved producer, when the brand offers it."""
    if producer.status != ReviewStatus.APPROVED:
        return ""
    try:
        return reverse("branding:posters", kwargs={"seller_slug": producer.seller.slug})
    except NoReverseMatch:
        return ""


def _profile_initial(producer) -> dict:
    english = producer.translations.get("en", {})
    fields = ProfileForm.base_fields
    initial = {name: getattr(producer, name) for name in fields if hasattr(producer, name)}
    initial.update(
        trade_name=producer.seller.name,
        story_en=english.get("story", ""),
        pickup_days_en=english.get("pickup_days", ""),
    )
    return initial


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """Create the producer (first visit) or edit the one the user acts for (its owner)."""
    membership = portal_membership(request)
    producer = membership.producer if membership else None
    if producer is not None and (refusal := acting_for_refusal(request, membership)):
        return refusal  # before the owner check: it is about the page, not the member
    if producer is not None and membership.role != MemberRole.OWNER:
        raise PermissionDenied(_("Only the producer's owner can do this."))
    initial = _profile_initial(producer) if producer else {"email": request.user.email}
    form = ProfileForm(request.POST or None, initial=initial)
    if producer is None:
        save = partial(onboarding.producer_create, user=request.user)
    else:
        save = partial(onboarding.producer_update, user=request.user, producer=producer)
    done, _producer = form_submit(form, lambda _data: save(data=form.data_for_service()))
    if done:
        messages.success(request, _("Your profile is saved."))
        return redirect("portal:dashboard")
    context = {"form": form, "producer": producer}
    return render(
        request, "producers/portal/profile.html", context, status=render_status(request, form)
    )


@member_view
def documents(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    producer = membership.producer
    form = DocumentForm(request.POST or None, request.FILES or None)
    done, _document = form_submit(
        form,
        lambda data: onboarding.producer_document_add(
            user=request.user,
            producer=producer,
            kind=data["kind"],
            upload=data["file"],
            title=data["title"],
        ),
    )
    if done:
        messages.success(request, _("The document is saved. Only you and your chamber see it."))
        return redirect("portal:documents")
    context = {
        "form": form,
        "producer": producer,
        "documents": documents_of_producer(producer=producer),
    }
    return render(
        request, "producers/portal/documents.html", context, status=render_status(request, form)
    )


@login_required
def document_download(request: HttpRequest, document_id: int) -> FileResponse:
    """A private document, for the people document_viewer_require lets in (403 for others)."""
    document = document_for_viewer(user=request.user, document_id=document_id)
    return _private_file(document.file, document.content_type)


@login_required
def claim_proof_download(request: HttpRequest, claim_id: int) -> FileResponse:
    claim = claim_proof_for_viewer(user=request.user, claim_id=claim_id)
    content_type = "application/pdf" if claim.proof.name.endswith(".pdf") else None
    return _private_file(claim.proof, content_type)


def _private_file(field_file, content_type: str | None) -> FileResponse:
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=True,
        filename=field_file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@member_view
def document_delete(request: HttpRequest, membership: ProducerMember, document_id: int):
    try:
        onboarding.producer_document_delete(
            user=request.user, producer=membership.producer, document_id=document_id
        )
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("The document is removed."))
    return redirect("portal:documents")


@member_view
def photos(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    producer = membership.producer
    form = PhotoForm(request.POST or None, request.FILES or None)
    done, _photo = form_submit(
        form,
        lambda data: onboarding.producer_photo_add(
            user=request.user,
            producer=producer,
            upload=data["image"],
            alt=data["alt"],
            alt_en=data["alt_en"],
        ),
    )
    if done:
        messages.success(request, _("The photo is added to your page."))
        return redirect("portal:photos")
    context = {"form": form, "producer": producer, "photos": producer.photos.all()}
    return render(
        request, "producers/portal/photos.html", context, status=render_status(request, form)
    )


@require_POST
@member_view
def application_submit(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    try:
        producer_application_submit(user=request.user, producer=membership.producer)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(
            request,
            _("Your application is sent to the %(chamber)s. You will get its answer by email.")
            % {"chamber": membership.producer.chamber.short_name},
        )
    return redirect("portal:dashboard")
