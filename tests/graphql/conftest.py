"""The Stripe fixtures of the payment tests (localstripe), for the API's payment tests."""

from tests.payments.conftest import active_gateway_id, stripe_on, stripe_server

__all__ = ["active_gateway_id", "stripe_on", "stripe_server"]
