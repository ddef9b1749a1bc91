"""The payment gateways the shop can use: every page and the API pay through this list."""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext_lazy as _

TEST_GATEWAY_ID = "ohmylot.payments.test"
STRIPE_GATEWAY_ID = "ohmylot.payments.stripe"
# An order a promo code paid in full: nothing goes through a gateway.
NO_CHARGE_GATEWAY_ID = "ohmylot.payments.none"
CURRENCY = "eur"


@dataclass(frozen=True)
class Gateway:
    id: str
    name: str
    is_test: bool


TEST_GATEWAY = Gateway(id=TEST_GATEWAY_ID, name=_("Test payment (no money moves)"), is_test=True)
STRIPE_GATEWAY = Gateway(id=STRIPE_GATEWAY_ID, name=_("Card payment"), is_test=False)


class PaymentInitStatus(StrEnum):
    SUCCEEDED = "succeeded"
    DECLINED = "declined"
    # The shopper still has to act on the gateway's side (Stripe.js with the client secret).
    ACTION_REQUIRED = "action_required"


@dataclass(frozen=True)
class PaymentInitResult:
    """What a front needs after starting or checking a payment (Saleor's transactionInitialize)."""

    gateway_id: str
    status: PaymentInitStatus
    reference: str
    amount: Decimal
    # Stripe: client_secret and publishable_key for Stripe.js; empty for the test gateway.
    data: dict = field(default_factory=dict)


class GatewayError(Exception):
    """The gateway could not be reached or refused the request; nothing was changed here."""


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def active_gateway() -> Gateway:
    """The gateway shoppers pay with: the built-in test gateway until Stripe is configured."""
    return STRIPE_GATEWAY if stripe_configured() else TEST_GATEWAY


NO_CHARGE_GATEWAY_NAME = _("Promo code (nothing to pay)")


def gateway_name(*, gateway_id: str) -> str:
    """What shoppers call the gateway that handled a payment, available now or not (its id for
    one the shop does not know)."""
    names = {
        TEST_GATEWAY_ID: TEST_GATEWAY.name,
        STRIPE_GATEWAY_ID: STRIPE_GATEWAY.name,
        NO_CHARGE_GATEWAY_ID: NO_CHARGE_GATEWAY_NAME,
    }
    return str(names.get(gateway_id, gateway_id))


def gateway_available(*, gateway_id: str) -> Gateway | None:
    """The gateway with this id when shoppers may pay with it now, else None."""
    gateway = active_gateway()
    return gateway if gateway.id == gateway_id else None


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
