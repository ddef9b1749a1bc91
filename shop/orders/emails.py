"""The emails an order sends to its buyer, in the language they shopped in."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.orders.models import Order
from shop.orders.selectors import orders_paid_unconfirmed

# A paid order's confirmation is queued when its payment commits. One still unsent this long
# after is taken as lost (a worker killed as it took the task off the queue: Redis forgets a
# message between the two); one paid longer ago than the window is left to the team, and each
# sweep sends at most a batch.
CONFIRMATION_GRACE = timedelta(minutes=10)
CONFIRMATION_RESEND_WINDOW = timedelta(days=1)
CONFIRMATION_RESEND_BATCH = 100


def order_status_url(order: Order) -> str:
    """The secret link to the order's status page, for buyers without an account."""
    with translation.override(order.language_code):
        path = reverse("storefront:order_status", kwargs={"token": order.token})
    return f"{settings.PUBLIC_URL}{path}"


@transaction.atomic
def order_confirmation_send(*, order_id: int) -> bool:
    """Email the order confirmation unless it was sent already; True when this call sent it.

    The order row stays locked while sending, so two deliveries of the task send one email.
    """
    order = (
        Order.objects.select_for_update(of=("self",))
        .select_related("shipping_address")
        .filter(pk=order_id, confirmation_sent_at__isnull=True)
        .first()
    )
    if order is None:
        return False
    groups = order.groups.select_related("seller").prefetch_related("lines")
    with translation.override(order.language_code):
        context = {"order": order, "groups": groups, "status_url": order_status_url(order)}
        subject = _("Your order %(number)s at Oh my Lot !") % {"number": order.number}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("orders/email/confirmation.txt", context),
            to=[order.email],
        )
        message.attach_alternative(
            render_to_string("orders/email/confirmation.html", context), "text/html"
        )
    message.send()
    order.confirmation_sent_at = timezone.now()
    order.save(update_fields=["confirmation_sent_at"])
    return True


def order_confirmations_missing_send(*, now: datetime | None = None) -> int:
    """Send the confirmations that paid orders still lack `CONFIRMATION_GRACE` after their
    payment (within `CONFIRMATION_RESEND_WINDOW`, at most `CONFIRMATION_RESEND_BATCH`); each is
    sent once, as by its own task. How many this call sent."""
    now = now or timezone.now()
    missing = orders_paid_unconfirmed(
        paid_after=now - CONFIRMATION_RESEND_WINDOW, paid_before=now - CONFIRMATION_GRACE
    ).values_list("pk", flat=True)[:CONFIRMATION_RESEND_BATCH]
    return sum(order_confirmation_send(order_id=order_id) for order_id in list(missing))
