"""The producer a member of several acts for in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from producers.member_selectors import membership_of
from producers.portal.forms import ProducerChoiceForm
from producers.portal.views.access import portal_producer_choose


@login_required
@require_POST
def producer_choose(request: HttpRequest) -> HttpResponse:
    """Act for the producer the form names, one the user is a member of: any other, existing or
    not, is not found alike."""
    form = ProducerChoiceForm(request.POST)
    membership = None
    if form.is_valid():
        membership = membership_of(user=request.user, seller_id=form.cleaned_data["producer"])
    if membership is None:
        raise Http404
    portal_producer_choose(request, membership)
    messages.success(
        request, _("You now work for %(producer)s.") % {"producer": membership.producer}
    )
    return redirect("portal:dashboard")
