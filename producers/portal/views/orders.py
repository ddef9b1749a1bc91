"""The producer's parts of orders: the list, one part with its lines, and its progress."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers.models import ProducerMember
from producers.portal.forms_listings import ShipForm
from producers.portal.views.access import error_message, member_view
from shop.orders import fulfilment
from shop.orders.fulfilment_selectors import (
    group_events,
    group_of_seller,
    groups_of_seller,
    sales_by_month,
)

GROUPS_SHOWN = 200
STEPS = ("packed", "shipped", "ready", "collected")


@member_view
def order_list(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    groups = groups_of_seller(seller_id=membership.producer.seller_id)[:GROUPS_SHOWN]
    context = {"producer": membership.producer, "groups": groups}
    return render(request, "producers/portal/order_list.html", context)


def _group_page(request, membership, group_id: int, *, ship_form=None, status: int = 200):
    group = group_of_seller(seller_id=membership.producer.seller_id, group_id=group_id)
    if group is None:
        raise Http404(_("This order is not one of yours."))
    context = {
        "producer": membership.producer,
        "group": group,
        "order": group.order,
        "events": group_events(group=group),
        "ship_form": ship_form or ShipForm(),
    }
    return render(request, "producers/portal/order_detail.html", context, status=status)


@member_view
def order_detail(request: HttpRequest, membership: ProducerMember, group_id: int):
    return _group_page(request, membership, group_id)


@require_POST
@member_view
def order_progress(request: HttpRequest, membership: ProducerMember, group_id: int, step: str):
    """Mark the group packed, shipped (with carrier and tracking), ready for pickup or
    collected."""
    if step not in STEPS:
        raise Http404(_("Unknown step."))
    if group_of_seller(seller_id=membership.producer.seller_id, group_id=group_id) is None:
        raise Http404(_("This order is not one of yours."))
    form = ShipForm(request.POST) if step == "shipped" else None
    try:
        if step == "packed":
            fulfilment.group_mark_packed(user=request.user, group_id=group_id)
        elif step == "ready":
            fulfilment.group_mark_ready_for_pickup(user=request.user, group_id=group_id)
        elif step == "collected":
            fulfilment.group_mark_collected(user=request.user, group_id=group_id)
        elif form.is_valid():
            fulfilment.group_mark_shipped(user=request.user, group_id=group_id, **form.cleaned_data)
        else:
            return _group_page(request, membership, group_id, ship_form=form, status=400)
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict"):
            form.add_service_errors(error)
            return _group_page(request, membership, group_id, ship_form=form, status=400)
        messages.error(request, error_message(error))
    else:
        emailed = step in ("shipped", "ready")
        messages.success(
            request,
            _("The order is updated; the shopper is told by email.")
            if emailed
            else _("The order is updated."),
        )
    return redirect("portal:order_detail", group_id=group_id)


@member_view
def sales(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    months = sales_by_month(seller_id=membership.producer.seller_id)
    return render(
        request, "producers/portal/sales.html", {"producer": membership.producer, "months": months}
    )
