import pytest
from django.contrib.sessions.backends.base import CreateError, UpdateError
from django.contrib.sessions.models import Session

from shop.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_new_session_is_saved_in_one_statement_and_reads_back(django_assert_num_queries):
    store = SessionStore()
    store["checkout_token"] = "abc"
    with django_assert_num_queries(1):
        store.save()

    assert SessionStore(session_key=store.session_key)["checkout_token"] == "abc"


def test_a_key_in_use_is_never_overwritten_by_a_new_session():
    first = SessionStore()
    first["owner"] = "first"
    first.save()
    second = SessionStore(session_key=first.session_key)
    second._session_cache = {"owner": "second"}

    with pytest.raises(CreateError):
        second.save(must_create=True)

    assert SessionStore(session_key=first.session_key)["owner"] == "first"


def test_a_change_is_saved_in_one_statement(django_assert_num_queries):
    store = SessionStore()
    store["step"] = 1
    store.save()
    again = SessionStore(session_key=store.session_key)
    again["step"] = 2
    with django_assert_num_queries(1):  # read when it was changed: the update alone
        again.save()

    assert SessionStore(session_key=store.session_key)["step"] == 2


def test_saving_a_session_deleted_meanwhile_is_refused():
    store = SessionStore()
    store["step"] = 1
    store.save()
    again = SessionStore(session_key=store.session_key)
    again["step"] = 2
    Session.objects.filter(session_key=store.session_key).delete()

    with pytest.raises(UpdateError):
        again.save()
    assert not Session.objects.exists()
