"""The emails of the review workflow: a notice to the producer for each decision on its items,
and the chambers' daily digest of their queue."""

from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from producers.models import AuditEntry, Chamber, ChamberReviewer
from producers.selectors import audit_target_label, review_queue_of_chamber

# What the producer is told, by audit action; actions not listed send no email.
NOTICE_SUBJECTS = {
    "producers.producer.approved": gettext_lazy("Your application is approved"),
    "producers.producer.changes_requested": gettext_lazy("Your application needs changes"),
    "producers.producer.rejected": gettext_lazy("Your application was not accepted"),
    "producers.product.approved": gettext_lazy("%(item)s is approved"),
    "producers.product.changes_requested": gettext_lazy("%(item)s needs changes"),
    "producers.product.rejected": gettext_lazy("%(item)s was not accepted"),
    "producers.product.suspended": gettext_lazy("%(item)s is withdrawn from sale"),
    "producers.product.reinstated": gettext_lazy("%(item)s is back on sale"),
    "producers.claim.verified": gettext_lazy("Proof verified: %(item)s"),
    "producers.claim.refused": gettext_lazy("Proof refused: %(item)s"),
    "producers.claim.expiry_warned": gettext_lazy("Certificate expiring soon: %(item)s"),
    "producers.claim.suspended": gettext_lazy("Certificate expired: %(item)s"),
    "producers.revision.approved": gettext_lazy("Your changes are approved: %(item)s"),
    "producers.revision.refused": gettext_lazy("Your changes were not accepted: %(item)s"),
}


def review_notice_send(*, entry_id: int) -> bool:
    """Email the producer about the audit entry `entry_id`; False when the action says nothing
    to the producer. In French, the producers' language."""
    entry = AuditEntry.objects.select_related("producer__seller").get(pk=entry_id)
    subject = NOTICE_SUBJECTS.get(entry.action)
    if subject is None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        item = audit_target_label(entry=entry)
        context = {"entry": entry, "item": item, "producer": entry.producer}
        send_mail(
            subject=f"{subject % {'item': item}} — Oh my Lot !",
            message=render_to_string("producers/email/review_notice.txt", context),
            from_email=None,
            recipient_list=[entry.producer.email],
        )
    return True


def chamber_digest_send(*, chamber_id: int, since: datetime) -> int:
    """Email a chamber and its reviewers the items that joined its queue since `since`, with
    the whole queue's size; nothing when none joined. Returns the number of new items."""
    chamber = Chamber.objects.get(pk=chamber_id)
    queue = review_queue_of_chamber(chamber=chamber)
    new_items = [item for item in queue if item.waiting_since >= since]
    if not new_items:
        return 0
    reviewers = ChamberReviewer.objects.filter(chamber=chamber, user__is_active=True)
    recipients = sorted({chamber.email, *reviewers.values_list("user__email", flat=True)})
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("console:queue")
        context = {
            "chamber": chamber,
            "new_items": new_items,
            "waiting": len(queue),
            "url": f"{settings.PUBLIC_URL}{path}",
        }
        send_mail(
            subject=_("%(count)s new items to review — %(chamber)s")
            % {"count": len(new_items), "chamber": chamber.short_name},
            message=render_to_string("producers/email/chamber_digest.txt", context),
            from_email=None,
            recipient_list=recipients,
        )
    return len(new_items)
