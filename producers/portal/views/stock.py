"""Bulk stock and price update from a CSV file: upload, preview, apply all or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from producers.models import ProducerMember
from producers.portal.forms_listings import StockCsvForm
from producers.portal.views.access import member_view
from producers.services import stock_csv


@member_view
def stock_upload(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    """POST with a file: the preview. POST with `csv_text` and `apply`: every line, or none."""
    producer = membership.producer
    form = StockCsvForm(request.POST or None, request.FILES or None)
    preview, csv_text, status = None, "", 200
    if request.method == "POST" and "apply" in request.POST:
        csv_text = request.POST.get("csv_text", "")
        try:
            count = stock_csv.stock_csv_apply(
                user=request.user, producer=producer, content=csv_text.encode()
            )
        except ValidationError:
            preview = stock_csv.stock_csv_preview(
                user=request.user, producer=producer, content=csv_text.encode()
            )
            status = 400
        else:
            messages.success(request, _("%(count)s variants are updated.") % {"count": count})
            return redirect("portal:stock")
        form = StockCsvForm()
    elif request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read(stock_csv.CSV_MAX_BYTES + 1)
        preview = stock_csv.stock_csv_preview(user=request.user, producer=producer, content=content)
        if not preview.errors:
            csv_text = stock_csv.csv_text_read(content)
        status = 200 if preview.is_valid else 400
    elif request.method == "POST":
        status = 400
    context = {"form": form, "preview": preview, "csv_text": csv_text, "producer": producer}
    return render(request, "producers/portal/stock.html", context, status=status)
