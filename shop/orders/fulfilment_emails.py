"""The emails a producer's progress sends to the buyer, in the language they shopped in."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from shop.orders.emails import order_status_url
from shop.orders.models import FulfilmentGroup


def _group_email_send(*, group_id: int, template: str, subject: Promise) -> bool:
    group = (
        FulfilmentGroup.objects.select_related("order", "seller")
        .prefetch_related("lines")
        .filter(pk=group_id)
        .first()
    )
    if group is None:
        return False
    order = group.order
    with translation.override(order.language_code):
        context = {"order": order, "group": group, "status_url": order_status_url(order)}
        send_mail(
            subject=str(subject) % {"number": order.number, "seller": group.seller.name},
            message=render_to_string(template, context),
            from_email=None,
            recipient_list=[order.email],
        )
    return True


def group_shipped_email_send(*, group_id: int) -> bool:
    """Tell the buyer a producer shipped its part, with the carrier and tracking number."""
    return _group_email_send(
        group_id=group_id,
        template="orders/email/group_shipped.txt",
        subject=_("Order %(number)s: %(seller)s has shipped your parcel"),
    )


def group_ready_email_send(*, group_id: int) -> bool:
    """Tell the buyer their order waits for them at the producer's."""
    return _group_email_send(
        group_id=group_id,
        template="orders/email/group_ready.txt",
        subject=_("Order %(number)s: ready for pickup at %(seller)s"),
    )
