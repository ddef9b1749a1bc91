"""The console's decisions: each parses a form, calls one review service and goes back.

A refused decision (the item was decided meanwhile, a reason is missing...) comes back as a
message on the page. An item is looked up among those the reviewer decides on (the selectors'
*_for_reviewer), so another chamber's answers 404 as an unknown id does; what the reviewer may
see but not do (reassigning is the brand team's) is a 403 from the service.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from producers.console.forms import DecisionForm, ReassignForm, VerdictForm
from producers.models import Producer
from producers.selectors import (
    claims_for_reviewer,
    producers_for_reviewer,
    products_for_reviewer,
    revisions_for_reviewer,
)
from producers.services import review
from shop.accounts.models import User


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


def _decision_view(
    *,
    items: Callable[[User], QuerySet],
    form_class: type[Form],
    call: Callable[[User, Any, dict], object],
    page: str,
    success: str = "",
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A view deciding on the item `pk` of `items(user)` with `call(user, item, form data)`; a
    refusal goes back to the item's `page`, a decision to the queue."""

    @require_POST
    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        item = get_object_or_404(items(request.user), pk=pk)
        return _decide(
            request,
            form_class(request.POST),
            lambda data: call(request.user, item, data),
            back=reverse(page, args=[pk]),
            done=reverse("console:queue"),
            success=str(success),
        )

    return view


def _producers(user: User) -> QuerySet:
    return producers_for_reviewer(user=user)


def _products(user: User) -> QuerySet:
    return products_for_reviewer(user=user).defer("search_vector")


def _revisions(user: User) -> QuerySet:
    return revisions_for_reviewer(user=user)


producer_decision = _decision_view(
    items=_producers,
    form_class=DecisionForm,
    call=lambda user, producer, data: review.producer_decide(
        user=user, producer=producer, decision=data["decision"], reason=data["reason"]
    ),
    page="console:producer",
)
product_decision = _decision_view(
    items=_products,
    form_class=DecisionForm,
    call=lambda user, product, data: review.product_decide(
        user=user, product=product, decision=data["decision"], reason=data["reason"]
    ),
    page="console:product",
)
revision_decision = _decision_view(
    items=_revisions,
    form_class=VerdictForm,
    call=lambda user, revision, data: review.revision_decide(
        user=user, revision=revision, approved=data["verdict"], reason=data["reason"]
    ),
    page="console:revision",
)
producer_reassignment = _decision_view(
    items=_producers,
    form_class=ReassignForm,
    call=lambda user, producer, data: review.producer_reassign(
        user=user, producer=producer, chamber=data["chamber"]
    ),
    page="console:producer",
    success=gettext_lazy("The producer is now reviewed by the chamber you chose."),
)
product_reassignment = _decision_view(
    items=_products,
    form_class=ReassignForm,
    call=lambda user, product, data: review.product_reassign(
        user=user, product=product, chamber=data["chamber"]
    ),
    page="console:product",
    success=gettext_lazy("The product is now reviewed by the chamber you chose."),
)


@require_POST
@login_required
def claim_decision(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(claims_for_reviewer(user=request.user), pk=pk)
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
