"""The emails an order sends to its buyer, in the language they shopped in."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.orders.models import Order


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
