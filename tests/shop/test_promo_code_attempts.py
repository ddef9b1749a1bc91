"""Trying promo codes one after another: after 10 refused within the window, every try is
refused until it passes, a right code too. The window passes here by expiring the count's
cache key, as the cache does when its time is up."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.utils import translation

from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add
from shop.discounts.attempts import attempt_accepted, attempt_begin, attempts_cache_key
from shop.storefront.session import CHECKOUT_SESSION_KEY
from tests.caches import cache_unreachable
from tests.factories import make_ready_checkout, make_variant, make_voucher
from tests.shop.test_checkout_pages import page
from tests.shop.test_voucher_pages import cheese_in_cart, field_errors
from tests.workers import REDIS_URL, redis_require

pytestmark = pytest.mark.django_db

BLOCKED = "Too many wrong promo codes were tried. Please try again in 15 minutes."


def window_passes(*keys: str) -> None:
    for key in keys:
        assert cache.touch(attempts_cache_key(key), 0)


def refusal(checkout: Checkout, code: str, visitor: tuple[str, ...] = ()) -> str:
    with pytest.raises(ValidationError) as error:
        checkout_voucher_add(checkout=checkout, code=code, visitor=visitor)
    [refused] = error.value.error_dict["promo_code"]
    return refused.code


def wrong_codes(checkout: Checkout, count: int, visitor: tuple[str, ...] = ()) -> list[str]:
    return [refusal(checkout, f"FAUX{number}", visitor) for number in range(count)]


def test_ten_refused_codes_refuse_even_a_right_one_until_the_window_passes():
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))

    codes = wrong_codes(checkout, 10)
    with translation.override("en"):
        with pytest.raises(ValidationError) as blocked:
            checkout_voucher_add(checkout=checkout, code="ete")
        messages = blocked.value.messages
    window_passes(f"checkout:{checkout.token}")
    checkout_voucher_add(checkout=checkout, code="ete")

    assert codes == ["VOUCHER_NOT_FOUND"] * 10
    assert [e.code for e in blocked.value.error_dict["promo_code"]] == ["VOUCHER_TOO_MANY_ATTEMPTS"]
    assert messages == [BLOCKED]
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "ETE"


def test_nine_refused_codes_still_let_a_right_one_through_and_codes_that_do_not_apply_count():
    make_voucher(code="ETE")
    make_voucher(code="TRENTE", minimum_subtotal=3000)
    checkout = make_ready_checkout((make_variant(), 1))

    codes = [*wrong_codes(checkout, 8), refusal(checkout, "trente")]
    checkout_voucher_add(checkout=checkout, code="ete")
    last = refusal(checkout, "trente")

    assert codes[-1] == "VOUCHER_MINIMUM_NOT_REACHED"
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "ETE"
    assert (last, refusal(checkout, "ete")) == (
        "VOUCHER_MINIMUM_NOT_REACHED",
        "VOUCHER_TOO_MANY_ATTEMPTS",
    )


def test_every_key_of_the_visitor_counts_apart():
    make_voucher(code="ETE")
    variant = make_variant()
    first, second, third = (make_ready_checkout((variant, 1)) for _ in range(3))

    wrong_codes(first, 10, visitor=("session:a",))

    assert refusal(second, "ete", visitor=("session:a",)) == "VOUCHER_TOO_MANY_ATTEMPTS"
    assert refusal(first, "ete", visitor=("session:b",)) == "VOUCHER_TOO_MANY_ATTEMPTS"
    checkout_voucher_add(checkout=third, code="ete", visitor=("session:b",))
    assert Checkout.objects.get(pk=third.pk).voucher.code == "ETE"


def test_the_limit_and_the_window_are_settings(settings):
    settings.PROMO_CODE_ATTEMPTS, settings.PROMO_CODE_ATTEMPTS_WINDOW = 2, 60
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))
    wrong_codes(checkout, 2)

    with translation.override("en"):
        with pytest.raises(ValidationError) as blocked:
            checkout_voucher_add(checkout=checkout, code="ete")
        messages = blocked.value.messages

    assert messages == ["Too many wrong promo codes were tried. Please try again in 1 minute."]


def test_the_cart_page_refuses_tries_past_the_limit_at_the_field(client):
    cheese_in_cart(client)
    make_voucher(code="ETE")
    answers = [client.post("/en/cart/promo/", {"code": f"faux{n}"}) for n in range(10)]

    blocked = client.post("/en/cart/promo/", {"code": "ete"})
    token = client.session[CHECKOUT_SESSION_KEY]
    window_passes(f"checkout:{token}", f"session:{client.session.session_key}", "ip:127.0.0.1")
    applied = client.post("/en/cart/promo/", {"code": "ete"}, follow=True)

    assert {answer.status_code for answer in answers} == {400}
    assert blocked.status_code == 400
    assert field_errors(page(blocked)) == [BLOCKED]
    assert "The promo code ETE is applied." in page(applied)


def test_a_new_cart_in_the_same_session_stays_refused(client):
    cheese_in_cart(client)
    make_voucher(code="ETE")
    for number in range(10):
        client.post("/en/cart/promo/", {"code": f"faux{number}"})
    Checkout.objects.get().delete()
    cheese_in_cart(client)

    blocked = client.post("/en/cart/promo/", {"code": "ete"})

    assert field_errors(page(blocked)) == [BLOCKED]
    assert Checkout.objects.get().voucher is None


def test_dropping_the_cookie_does_not_start_the_count_again(client):
    make_voucher(code="ETE")
    cheese_in_cart(client)
    for number in range(10):
        client.post("/en/cart/promo/", {"code": f"faux{number}"})
    client.cookies.clear()
    cheese_in_cart(client)

    blocked = client.post("/en/cart/promo/", {"code": "ete"})
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    cheese_in_cart(elsewhere)
    other = elsewhere.post("/en/cart/promo/", {"code": "ete"}, follow=True)

    assert field_errors(page(blocked)) == [BLOCKED]
    assert "The promo code ETE is applied." in page(other)
    assert [checkout.voucher_id is None for checkout in Checkout.objects.order_by("pk")] == [
        True,
        True,
        False,
    ]


def test_behind_a_proxy_the_pages_count_the_address_the_proxy_saw(client, settings):
    settings.TRUSTED_PROXIES = 1
    make_voucher(code="ETE")
    proxied = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    first = Client(**proxied)
    cheese_in_cart(first)
    for number in range(10):
        first.post("/en/cart/promo/", {"code": f"faux{number}"})

    # A client writing its own X-Forwarded-For is still known by what the proxy adds after it.
    spoofed = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    cheese_in_cart(spoofed)
    neighbour = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8")
    cheese_in_cart(neighbour)

    assert field_errors(page(spoofed.post("/en/cart/promo/", {"code": "ete"}))) == [BLOCKED]
    assert neighbour.post("/en/cart/promo/", {"code": "ete"}).status_code == 302


def attempt_warnings(caplog) -> list[str]:
    """The warnings the count of tries logged since caplog was last cleared."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "shop.discounts.attempts" and record.levelname == "WARNING"
    ]


def test_without_the_cache_codes_are_checked_without_the_limit(caplog):
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))

    with cache_unreachable():
        codes = wrong_codes(checkout, 11)
        checkout_voucher_add(checkout=checkout, code="ete")

    assert codes == ["VOUCHER_NOT_FOUND"] * 11
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "ETE"
    assert (
        attempt_warnings(caplog)
        == ["The cache cannot be reached: promo codes are checked without the limit of tries"] * 12
    )


def test_without_the_cache_the_cart_page_applies_codes_and_logs_once_per_request(client, caplog):
    cheese_in_cart(client)
    make_voucher(code="ETE")
    answers, logged = [], []
    with cache_unreachable():
        for code in [*(f"faux{number}" for number in range(11)), "ete"]:
            caplog.clear()
            answers.append(client.post("/en/cart/promo/", {"code": code}, follow=True))
            logged.append(len(attempt_warnings(caplog)))

    assert [answer.status_code for answer in answers] == [400] * 11 + [200]
    assert field_errors(page(answers[10])) == ["The promo code FAUX10 does not exist."]
    assert "The promo code ETE is applied." in page(answers[-1])
    assert logged == [1] * 12
    assert Checkout.objects.get().voucher.code == "ETE"


def test_tries_refused_for_the_limit_and_right_codes_count_on_none_of_the_visitors_keys():
    make_voucher(code="ETE")
    variant = make_variant()
    first, second = (make_ready_checkout((variant, 1)) for _ in range(2))
    wrong_codes(first, 10, visitor=("session:a",))

    blocked = [refusal(second, "faux", visitor=("session:a", "ip:x")) for _ in range(3)]
    checkout_voucher_add(checkout=second, code="ete", visitor=("ip:x",))

    assert blocked == ["VOUCHER_TOO_MANY_ATTEMPTS"] * 3
    keys = ("session:a", f"checkout:{second.token}", "ip:x")
    assert [cache.get(attempts_cache_key(key)) for key in keys] == [10, None, None]


def test_on_redis_a_count_made_anew_without_expiry_gets_the_window_or_goes():
    """Redis's increment makes a key that expired after the backend checked it exists, and
    without expiry: a count that would never reset. The first try gives it the window, and a
    given-back try leaving nothing deletes it."""
    redis_require()
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache"}
    caches = {"default": redis_cache | {"LOCATION": REDIS_URL, "KEY_PREFIX": "attempts-test"}}
    with override_settings(CACHES=caches):
        client = cache._cache.get_client(write=True)
        opened, given_back = attempts_cache_key("ip:opened"), attempts_cache_key("ip:back")
        client.delete(cache.make_key(opened))
        for key in (opened, given_back):
            cache.set(key, 0, timeout=None)  # what the race leaves: a count without expiry

        attempt_begin(visitor=("ip:opened",))
        attempt_accepted(visitor=("ip:back",))

        window = client.ttl(cache.make_key(opened))
        assert 0 < window <= 900
        assert cache.get(given_back) is None
        cache.delete(opened)
