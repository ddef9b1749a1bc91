"""The console's decisions: each parses a form, calls one review service and goes back.

A refused decision (the item was decided meanwhile, a reason is missing...) comes back as a
message on the page; another chamber's item is a 403 from the service.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.models import LabelClaim, Product
from producers.console.forms import DecisionForm, ReassignForm, VerdictForm
from producers.models import Producer, ProductRevision
from producers.services import review


def _decide(
    request: HttpRequest,
    form: Form,
    call: Callable[[dict], object],
    *,
    back: str,
    done: str,
    success: str = "",
) -> HttpResponse:
    """Run `call` with the form's data; on success go to `done`, else back with the reason."""
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    messages.success(
        request, success or _("Your decision is recorded; the producer is told by email.")
    )
    return redirect(done)


@require_POST
@login_required
def producer_decision(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_object_or_404(Producer, pk=pk)
    return _decide(
        request,
        DecisionForm(request.POST),
        lambda data: review.producer_decide(
            user=request.user, producer=producer, decision=data["decision"], reason=data["reason"]
        ),
        back=reverse("console:producer", args=[pk]),
        done=reverse("console:queue"),
    )


@require_POST
@login_required
def product_decision(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.defer("search_vector"), pk=pk)
    return _decide(
        request,
        DecisionForm(request.POST),
        lambda data: review.product_decide(
            user=request.user, product=product, decision=data["decision"], reason=data["reason"]
        ),
        back=reverse("console:product", args=[pk]),
        done=reverse("console:queue"),
    )


@require_POST
@login_required
def claim_decision(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(LabelClaim, pk=pk)
    if claim.product_id:
        page = reverse("console:product", args=[claim.product_id])
    else:
        producer = get_object_or_404(Producer, seller_id=claim.seller_id)
        page = reverse("console:producer", args=[producer.pk])
    back = f"{page}#claim-{pk}"
    return _decide(
        request,
        VerdictForm(request.POST),
        lambda data: review.claim_decide(
            user=request.user, claim=claim, verified=data["verdict"], reason=data["reason"]
        ),
        back=back,
        done=back,
    )


@require_POST
@login_required
def revision_decision(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_object_or_404(ProductRevision, pk=pk)
    return _decide(
        request,
        VerdictForm(request.POST),
        lambda data: review.revision_decide(
            user=request.user, revision=revision, approved=data["verdict"], reason=data["reason"]
        ),
        back=reverse("console:revision", args=[pk]),
        done=reverse("console:queue"),
    )


@require_POST
@login_required
def producer_reassignment(request: HttpRequest, pk: int) -> HttpResponse:
    producer = get_object_or_404(Producer, pk=pk)
    return _decide(
        request,
        ReassignForm(request.POST),
        lambda data: review.producer_reassign(
            user=request.user, producer=producer, chamber=data["chamber"]
        ),
        back=reverse("console:producer", args=[pk]),
        done=reverse("console:queue"),
        success=_("The producer is now reviewed by the chamber you chose."),
    )


@require_POST
@login_required
def product_reassignment(request: HttpRequest, pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.defer("search_vector"), pk=pk)
    return _decide(
        request,
        ReassignForm(request.POST),
        lambda data: review.product_reassign(
            user=request.user, product=product, chamber=data["chamber"]
        ),
        back=reverse("console:product", args=[pk]),
        done=reverse("console:queue"),
        success=_("The product is now reviewed by the chamber you chose."),
    )
