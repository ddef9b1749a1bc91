"""The Stripe payment page in Chromium. Stripe.js cannot be fetched offline: a stand-in served
at its address records what the page asks of it and answers like Stripe.js (a decline, then a
redirect to the return address once localstripe has taken the card)."""

import json

import pytest

from shop.orders.models import PaymentStatus
from shop.payments.models import Payment
from tests.e2e.conftest import browser, output_dir  # noqa: F401 (fixtures)
from tests.factories import make_order, make_variant
from tests.payments.stripe_helpers import browser_pays

STRIPE_JS = "https://js.stripe.com/v3/"
JS = "text/javascript"
# The part of Stripe.js the page uses, recording each call in window.stripeCalls.
STAND_IN = """
window.stripeCalls = [];
window.stripeOutcome = "declined";
window.Stripe = function (key, options) {
  stripeCalls.push(["Stripe", key, options]);
  return {
    elements: function (options) {
      stripeCalls.push(["elements", options]);
      return {
        create: function (type) {
          stripeCalls.push(["create", type]);
          return { mount: function (selector) { stripeCalls.push(["mount", selector]); } };
        },
      };
    },
    confirmPayment: function (options) {
      stripeCalls.push(["confirmPayment", options.confirmParams]);
      if (stripeOutcome === "succeeded") {
        window.location.href = options.confirmParams.return_url;
        return new Promise(function () {});
      }
      return Promise.resolve({ error: { message: "Your card was declined." } });
    },
  };
};
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_payment_element_is_wired_to_the_intent_and_reports_a_decline(
    live_server,
    browser,  # noqa: F811
    output_dir,  # noqa: F811
    stripe_on,
):
    order = make_order((make_variant(), 2))
    page = browser.new_page(locale="en-GB")
    page.set_default_timeout(15_000)
    outside: list[str] = []
    page.route(STRIPE_JS, lambda route: route.fulfill(body=STAND_IN, content_type=JS))
    page.route(
        lambda url: not url.startswith(live_server.url) and url != STRIPE_JS,
        lambda route: (outside.append(route.request.url), route.abort()),
    )

    page.goto(f"{live_server.url}/en/checkout/pay/{order.token}/")
    payment = Payment.objects.get(order=order)
    calls = page.evaluate("JSON.stringify(window.stripeCalls)")
    page.get_by_role("button", name="Pay").click()
    message = page.locator("#payment-message")
    message.wait_for(state="visible")
    page.screenshot(path=output_dir / "declined.png", full_page=True)

    client_secret = json.loads(calls)[1][1]["clientSecret"]
    assert json.loads(calls) == [
        ["Stripe", "pk_test_ohmylot", {"locale": "en"}],
        ["elements", {"clientSecret": client_secret}],
        ["create", "payment"],
        ["mount", "#payment-element"],
    ]
    assert client_secret.startswith(f"{payment.reference}_secret_")
    assert message.inner_text() == "Your card was declined."
    assert page.get_by_role("button", name="Pay").is_enabled()
    assert outside == []

    browser_pays(stripe_on.url, intent_id=payment.reference, payment_method="pm_card_visa")
    page.evaluate("window.stripeOutcome = 'succeeded'")
    page.get_by_role("button", name="Pay").click()
    page.wait_for_url(f"{live_server.url}/en/orders/{order.token}/")
    page.screenshot(path=output_dir / "paid.png", full_page=True)

    assert page.get_by_role("heading", level=1).inner_text() == (
        f"Thank you! Your order {order.number} is confirmed."
    )
    order.refresh_from_db()
    assert order.payment_status == PaymentStatus.PAID
