"""The producer's team: the owner invites staff; an invited person accepts by a signed link."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers.models import MemberRole, ProducerMember
from producers.portal.forms import InviteForm
from producers.portal.views.access import (
    error_message,
    form_submit,
    member_view,
    portal_producer_choose,
    render_status,
)
from producers.services import members


@member_view
def team(request: HttpRequest, membership: ProducerMember) -> HttpResponse:
    producer = membership.producer
    is_owner = membership.role == MemberRole.OWNER
    form = InviteForm(request.POST or None)
    done, _none = form_submit(
        form,
        lambda data: members.staff_invite(
            user=request.user,
            producer=producer,
            email=data["email"],
            language=(get_language() or "fr")[:2],
        ),
    )
    if done:
        messages.success(
            request,
            _("An invitation is on its way to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("portal:team")
    context = {
        "form": form,
        "is_owner": is_owner,
        "producer": producer,
        "team": producer.producermember_set.select_related("user").order_by("role", "created_at"),
    }
    return render(
        request, "producers/portal/team.html", context, status=render_status(request, form)
    )


@require_POST
@member_view
def member_remove(request: HttpRequest, membership: ProducerMember, member_id: int):
    try:
        members.staff_remove(user=request.user, producer=membership.producer, member_id=member_id)
    except ValidationError as error:
        messages.error(request, error_message(error))
    else:
        messages.success(request, _("This person is no longer in your team."))
    return redirect("portal:team")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Show the invitation; a signed-in person with the invited address joins by POST."""
    try:
        producer, email = members.invitation_read(token=token)
    except ValidationError as error:
        context = {"error": error_message(error)}
        return render(request, "producers/portal/invitation.html", context, status=400)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    error = ""
    if request.method == "POST":
        try:
            membership = members.staff_invitation_accept(user=request.user, token=token)
        except ValidationError as refused:
            error = error_message(refused)
        else:
            portal_producer_choose(request, membership)
            messages.success(
                request,
                _("Welcome to the team of %(producer)s.") % {"producer": producer.seller.name},
            )
            return redirect("portal:dashboard")
    context = {"producer": producer, "email": email, "error": error}
    return render(
        request, "producers/portal/invitation.html", context, status=400 if error else 200
    )
