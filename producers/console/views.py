"""The chamber console's pages: the queue, an item under review, proofs, the audit export.

Every read goes through a selector that checks who is asking: an item is looked up among those
the user reviews, so another chamber's is a 404 as an unknown id is (producers.review_items);
the queue and the export refuse who reviews for no chamber (PermissionDenied becomes a 403).
"""

import csv
from collections.abc import Callable, Iterator
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from producers.console.forms import AuditExportForm, DecisionForm, ReassignForm, VerdictForm
from producers.models import AuditEntry
from producers.permissions import is_brand_team
from producers.review_items import (
    claim_proof_for,
    producer_document_for,
    producer_review,
    product_review,
    revision_review,
)
from producers.selectors import STATE_LABELS, audit_entries_between, review_queue_for

# Spreadsheets run cells starting with these as formulas: such text is exported quoted.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _found(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An id naming no item the user reviews is a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ObjectDoesNotExist as error:
            raise Http404 from error

    return wrapper


def _context(request: HttpRequest, **extra) -> dict:
    brand_team = is_brand_team(request.user)
    return {
        "brand_team": brand_team,
        "reassign_form": ReassignForm() if brand_team else None,
        "state_labels": STATE_LABELS,
        **extra,
    }


@require_GET
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    items = review_queue_for(user=request.user)
    return render(
        request,
        "console/queue.html",
        _context(request, items=items, now=timezone.now(), export_form=AuditExportForm()),
    )


@require_GET
@login_required
@_found
def producer_page(request: HttpRequest, pk: int) -> HttpResponse:
    review = producer_review(user=request.user, producer_id=pk)
    return render(
        request,
        "console/producer.html",
        _context(request, review=review, form=DecisionForm(), verdict_form=VerdictForm()),
    )


@require_GET
@login_required
@_found
def product_page(request: HttpRequest, pk: int) -> HttpResponse:
    review = product_review(user=request.user, product_id=pk)
    return render(
        request,
        "console/product.html",
        _context(request, review=review, form=DecisionForm(), verdict_form=VerdictForm()),
    )


@require_GET
@login_required
@_found
def revision_page(request: HttpRequest, pk: int) -> HttpResponse:
    review = revision_review(user=request.user, revision_id=pk)
    return render(
        request, "console/revision.html", _context(request, review=review, form=VerdictForm())
    )


def _private_file(field, content_type: str | None = None) -> FileResponse:
    name = field.name.rsplit("/", 1)[-1]
    response = FileResponse(field.open("rb"), filename=name, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
@_found
def claim_proof(request: HttpRequest, pk: int) -> FileResponse:
    return _private_file(claim_proof_for(user=request.user, claim_id=pk).proof)


@require_GET
@login_required
@_found
def document(request: HttpRequest, pk: int) -> FileResponse:
    found = producer_document_for(user=request.user, document_id=pk)
    return _private_file(found.file, found.content_type)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _csv_lines(entries: Iterator[AuditEntry]) -> Iterator[str]:
    class Line:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Line())
    yield writer.writerow(
        ["when", "action", "who", "producer", "chamber", "item", "item_id", "from", "to", "why"]
    )
    for entry in entries:
        yield writer.writerow(
            _cell(value)
            for value in (
                timezone.localtime(entry.created_at).isoformat(timespec="seconds"),
                entry.action,
                entry.actor_label,
                entry.producer.seller.name,
                entry.chamber.code if entry.chamber else "",
                entry.target_type,
                entry.target_id,
                entry.from_state,
                entry.to_state,
                entry.reason,
            )
        )


@require_GET
@login_required
def audit_export(request: HttpRequest) -> HttpResponse:
    form = AuditExportForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "console/export.html",
            _context(request, export_form=form),
            status=400,
        )
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    entries = audit_entries_between(user=request.user, start=start, end=end)
    response = StreamingHttpResponse(
        _csv_lines(entries.iterator(chunk_size=500)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="journal-{start}-{end}.csv"'
    return response
