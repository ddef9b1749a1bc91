"""Signing in on the shop's pages cannot be brute-forced either: the login page (which the
producer portal and the chamber console send their visitors to) and the admin's count wrong
passwords with the API, per email address and per client address."""

import pytest
from django.contrib.auth import SESSION_KEY

from producers.models import ChamberCode
from tests.caches import cache_unreachable
from tests.factories import make_member, make_producer, make_reviewer, make_user
from tests.graphql.test_account_limits import PASSWORD, window_passes
from tests.graphql.test_sign_in_limits import DELAYED, sign_in
from tests.graphql.test_sign_in_limits import SIGN_IN_BLOCKED as BLOCKED

pytestmark = pytest.mark.django_db

WRONG = "This email and password do not match an account. Check them, or reset your password."
ADMIN_LOGIN = "/admin/login/?next=/admin/"


def log_in(client, email: str, password: str):
    return client.post("/en/account/login/", {"username": email, "password": password})


def admin_log_in(client, email: str, password: str):
    posted = {"username": email, "password": password, "next": "/admin/"}
    return client.post(ADMIN_LOGIN, posted, HTTP_ACCEPT_LANGUAGE="en")


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def test_five_wrong_passwords_refuse_the_right_one_on_the_login_page_until_the_window_passes(
    client,
):
    make_user(email="emma@example.org")

    wrong = [log_in(client, "Emma@example.org", f"guess-{n}") for n in range(5)]
    nobody = [log_in(client, "nobody@example.org", f"guess-{n}") for n in range(6)]
    blocked = log_in(client, "emma@example.org", PASSWORD)
    blocked_in = signed_in(client)
    window_passes("sign-in:emma@example.org")
    after = log_in(client, "emma@example.org", PASSWORD)

    assert {answer.status_code for answer in wrong + nobody + [blocked]} == {400}
    assert all(WRONG in answer.content.decode() for answer in wrong + nobody[:5])
    for refused in (blocked, nobody[5]):  # alike, whether an account has the address or not
        assert BLOCKED in refused.content.decode() and WRONG not in refused.content.decode()
    assert not blocked_in
    assert after["Location"] == "/en/" and signed_in(client)


def test_the_login_page_the_api_and_the_admin_count_the_same_tries(client):
    staff = make_user(email="brand@example.org", is_staff=True)

    page = [log_in(client, "brand@example.org", f"guess-{n}") for n in range(2)]
    api = [sign_in(client, "brand@example.org", f"guess-{n}") for n in range(2)]
    admin_wrong = admin_log_in(client, "brand@example.org", "guess-4")
    admin_blocked = admin_log_in(client, "brand@example.org", PASSWORD)
    api_blocked = sign_in(client, "brand@example.org", PASSWORD)
    blocked_in = signed_in(client)
    window_passes("sign-in:brand@example.org")
    admin_after = admin_log_in(client, "Brand@example.org", PASSWORD)

    assert [answer.status_code for answer in page] == [400, 400]
    assert [errors[0]["code"] for errors in api] == ["INVALID_CREDENTIALS"] * 2
    assert "Please enter the correct email address and password" in admin_wrong.content.decode()
    assert BLOCKED in admin_blocked.content.decode()
    assert api_blocked == [DELAYED]
    assert not blocked_in
    assert admin_after["Location"] == "/admin/"
    assert int(client.session[SESSION_KEY]) == staff.pk


def test_the_portal_and_the_console_sign_in_through_the_login_page(client):
    make_member(producer=make_producer())
    make_reviewer(chamber_code=ChamberCode.CCI)

    portal = client.get("/fr/producteur/")
    console = client.get("/fr/chambre/")

    assert portal["Location"] == "/fr/account/login/?next=/fr/producteur/"
    assert console["Location"] == "/fr/account/login/?next=/fr/chambre/"


def test_without_the_cache_the_login_page_signs_in_without_limit(client, caplog):
    make_user(email="emma@example.org")

    with cache_unreachable():
        wrong = [log_in(client, "emma@example.org", f"guess-{n}") for n in range(6)]
        right = log_in(client, "emma@example.org", PASSWORD)

    assert all(WRONG in answer.content.decode() for answer in wrong)
    assert right["Location"] == "/en/" and signed_in(client)
    assert "passwords are checked without the limit of tries" in caplog.text
