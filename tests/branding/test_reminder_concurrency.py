"""Four workers run the reminder batch at the same moment: each person still gets it once."""

import threading

import pytest
from django.core import mail
from django.db import connection

from branding.models import ConsentSource, ReminderDelivery
from branding.services.campaigns import consent_give, reminder_batch_send
from tests.factories import make_campaign

WORKERS = 4
PEOPLE = 12


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_batches_send_each_person_the_reminder_once():
    make_campaign(tag="rentree", sends_reminder=True)
    for index in range(PEOPLE):
        consent_give(
            email=f"visitor{index}@example.org",
            language_code="fr",
            source=ConsentSource.NEWSLETTER,
        )
    start = threading.Barrier(WORKERS)
    sent: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            start.wait(timeout=30)
            count = reminder_batch_send()
        finally:
            connection.close()
        with lock:
            sent.append(count)

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(sent) == PEOPLE
    assert len(sent) == WORKERS
    assert ReminderDelivery.objects.count() == PEOPLE
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(f"visitor{index}@example.org" for index in range(PEOPLE))
