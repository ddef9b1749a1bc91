"""Two reviewers decide on the same product at the same moment: one decision wins."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from catalogue.models import Product, ReviewStatus
from producers.models import AuditEntry, ChamberCode
from producers.services.review import product_decide
from tests.factories import make_listed_product, make_reviewer


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_at_once_one_decision_wins_and_the_other_is_told():
    _producer, _owner, product = make_listed_product(product_status=ReviewStatus.SUBMITTED)
    first = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    second = make_reviewer(chamber_code=ChamberCode.AGRICULTURE)
    # Each reviewer opened the page while the product was waiting.
    seen = [Product.objects.get(pk=product.pk), Product.objects.get(pk=product.pk)]
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def decide(name, user, stale, decision, reason):
        start.wait()
        try:
            product_decide(user=user, product=stale, decision=decision, reason=reason)
            outcomes[name] = decision
        except ValidationError as error:
            outcomes[name] = error.code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=("first", first, seen[0], ReviewStatus.APPROVED, "")),
        threading.Thread(
            target=decide,
            args=("second", second, seen[1], ReviewStatus.CHANGES_REQUESTED, "Photo floue"),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    product.refresh_from_db()
    assert sorted(map(str, outcomes.values())) in (
        ["NOT_WAITING", "approved"],
        ["NOT_WAITING", "changes_requested"],
    )
    winner = next(value for value in outcomes.values() if value != "NOT_WAITING")
    assert product.review_status == winner
    assert list(AuditEntry.objects.values_list("to_state", flat=True)) == [winner]
