"""What an account's requests may cost on the shop's pages: one reset, deletion or email change
email per window, 5 wrong current passwords before the next tries are refused for a while; and
"Delete my account" not offered to an account that works for the shop."""

import pytest

from producers.models import ChamberCode
from tests.factories import make_member, make_producer, make_reviewer, make_user
from tests.graphql.test_account_deletion import MEMBER, REVIEWER, STAFF
from tests.graphql.test_account_limits import BLOCKED, PASSWORD, SENT, window_passes

pytestmark = pytest.mark.django_db

NEW = "causse-sunrise-42"
DELETE_BUTTON = '<form method="post" action="/en/account/delete/">'


def _reset(client, email: str):
    return client.post("/en/account/password/reset/", {"email": email})


def test_the_reset_page_refuses_a_second_request_alike_for_an_account_or_none(client, outbox):
    make_user(email="emma@example.org")

    answers = [_reset(client, email) for email in ["emma@example.org", "nobody@example.org"] * 2]
    window_passes("reset:emma@example.org")
    again = _reset(client, "Emma@example.org")

    assert [answer.status_code for answer in answers] == [302, 302, 400, 400]
    assert all(f"Email: {SENT}" in answer.content.decode() for answer in answers[2:])
    assert again["Location"] == "/en/account/password/reset/sent/"
    assert [message.to for message in outbox] == [["emma@example.org"]] * 2


def test_the_deletion_button_sends_one_link_per_window(client, outbox):
    shopper = make_user()
    client.force_login(shopper)

    first = client.post("/en/account/delete/", follow=True)
    second = client.post("/en/account/delete/", follow=True)

    assert "We sent a link to" in first.content.decode()
    assert SENT in second.content.decode()
    assert len(outbox) == 1


def test_the_email_change_form_sends_one_link_per_window(client, outbox):
    client.force_login(make_user())
    posted = {"new_email": "emma@new.example.org", "password": PASSWORD}

    first = client.post("/en/account/email/", posted)
    second = client.post("/en/account/email/", posted)

    assert first["Location"] == "/en/account/profile/"
    assert second.status_code == 400
    assert f"New email: {SENT}" in second.content.decode()
    assert len(outbox) == 1


def test_five_wrong_passwords_lock_the_password_and_email_forms_for_a_while(client, outbox):
    shopper = make_user()
    client.force_login(shopper)

    def change(old: str):
        posted = {"old_password": old, "new_password1": NEW, "new_password2": NEW}
        return client.post("/en/account/password/", posted)

    wrong = [change(f"guess-{number}") for number in range(5)]
    blocked = change(PASSWORD)
    email = client.post(
        "/en/account/email/", {"new_email": "emma@new.example.org", "password": PASSWORD}
    )
    window_passes(f"password:{shopper.pk}")
    changed = change(PASSWORD)

    assert {answer.status_code for answer in wrong} == {400}
    assert (blocked.status_code, email.status_code) == (400, 400)
    assert f"Current password: {BLOCKED}" in blocked.content.decode()
    assert f"Password: {BLOCKED}" in email.content.decode()
    assert outbox == []
    assert changed["Location"] == "/en/account/profile/"
    shopper.refresh_from_db()
    assert shopper.check_password(NEW)


@pytest.mark.parametrize(
    ("account", "message"),
    [
        (lambda: make_member(producer=make_producer()), MEMBER),
        (lambda: make_reviewer(chamber_code=ChamberCode.CCI), REVIEWER),
        (lambda: make_user(is_staff=True), STAFF),
    ],
)
def test_an_account_working_for_the_shop_reads_why_instead_of_the_deletion_button(
    client, account, message
):
    client.force_login(account())

    html = client.get("/en/account/profile/").content.decode()

    assert f'<p class="deletion-refusal">{message}</p>' in html
    assert DELETE_BUTTON not in html
    assert "Email me the confirmation link" not in html


def test_a_shopper_is_offered_the_deletion_button_and_no_refusal(client):
    client.force_login(make_user())

    html = client.get("/en/account/profile/").content.decode()

    assert DELETE_BUTTON in html
    assert "deletion-refusal" not in html
