"""The Stripe fixtures of the payment tests (localstripe), for the API's payment tests."""

from tests.payments.conftest import stripe_on, stripe_server

__all__ = ["stripe_on", "stripe_server"]
