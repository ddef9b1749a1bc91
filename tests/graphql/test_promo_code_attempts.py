"""Trying promo codes through the API: after 10 refused from one client address or on one
checkout, further tries answer a typed error until the window passes (expired here through
the count's cache key, as the cache does when its time is up)."""

import pytest
from django.core.cache import cache

from shop.checkout.models import Checkout
from shop.discounts.attempts import attempts_cache_key
from shop.graphql.core.ids import to_global_id
from tests.caches import cache_unreachable
from tests.factories import make_ready_checkout, make_variant, make_voucher
from tests.graphql.client import api_post
from tests.graphql.contract import operation_source
from tests.graphql.test_promo_codes import STOREFRONT
from tests.shop.test_promo_code_attempts import attempt_warnings

pytestmark = pytest.mark.django_db


BLOCKED = "Too many wrong promo codes were tried. Please try again in 15 minutes."


def add_code(client, checkout: Checkout, code: str, **meta: str) -> list[dict]:
    variables = {
        "checkoutId": to_global_id("Checkout", checkout.token),
        "promoCode": code,
        "languageCode": "EN",
    }
    answer = api_post(
        client, operation_source(STOREFRONT, "checkoutAddPromoCode"), variables, **meta
    )
    return answer["data"]["checkoutAddPromoCode"]["errors"]


def test_ten_wrong_codes_from_one_address_refuse_its_further_tries_with_a_typed_error(client):
    make_voucher(code="ETE")
    variant = make_variant()
    tried, fresh, elsewhere = (make_ready_checkout((variant, 1)) for _ in range(3))
    wrong = [add_code(client, tried, f"faux{number}") for number in range(10)]

    blocked = add_code(client, tried, "ete")
    same_address = add_code(client, fresh, "ete")
    same_checkout = add_code(client, tried, "ete", REMOTE_ADDR="203.0.113.9")
    other = add_code(client, elsewhere, "ete", REMOTE_ADDR="203.0.113.9")

    assert {error["code"] for errors in wrong for error in errors} == {"INVALID"}
    refused = [{"message": BLOCKED, "field": "promoCode", "code": "VOUCHER_NOT_APPLICABLE"}]
    assert blocked == same_address == same_checkout == refused
    assert other == []
    assert list(Checkout.objects.exclude(voucher=None).values_list("pk", flat=True)) == [
        elsewhere.pk
    ]


def test_the_limit_lifts_when_the_window_passes(client):
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))
    for number in range(10):
        add_code(client, checkout, f"faux{number}")

    blocked = add_code(client, checkout, "ete")
    for key in (f"checkout:{checkout.token}", "ip:127.0.0.1"):
        cache.touch(attempts_cache_key(key), 0)
    applied = add_code(client, checkout, "ete")

    assert [error["code"] for error in blocked] == ["VOUCHER_NOT_APPLICABLE"]
    assert applied == []
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "ETE"


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client, settings):
    settings.TRUSTED_PROXIES = 1
    make_voucher(code="ETE")
    variant = make_variant()
    tried, fresh, elsewhere = (make_ready_checkout((variant, 1)) for _ in range(3))
    proxied = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(10):
        add_code(client, tried, f"faux{number}", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxied)

    # A client writing its own X-Forwarded-For is still known by what the proxy adds after it.
    spoofed = add_code(
        client, fresh, "ete", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7", **proxied
    )
    other = add_code(client, elsewhere, "ete", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxied)

    assert [error["code"] for error in spoofed] == ["VOUCHER_NOT_APPLICABLE"]
    assert other == []


def test_without_the_cache_codes_are_checked_without_the_limit_and_logged_once(client, caplog):
    make_voucher(code="ETE")
    checkout = make_ready_checkout((make_variant(), 1))
    answers, logged = [], []
    with cache_unreachable():
        for code in [*(f"faux{number}" for number in range(11)), "ete"]:
            caplog.clear()
            answers.append(add_code(client, checkout, code))
            logged.append(len(attempt_warnings(caplog)))

    assert [[error["code"] for error in errors] for errors in answers] == [["INVALID"]] * 11 + [[]]
    assert logged == [1] * 12
    assert Checkout.objects.get(pk=checkout.pk).voucher.code == "ETE"
