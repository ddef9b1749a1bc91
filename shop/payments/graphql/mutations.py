"""Saleor's payment step over our payment services.

Our mapping (Saleor's flow: paymentGatewayInitialize -> transactionInitialize ->
transactionProcess -> checkoutComplete):
- `transactionInitialize` on a checkout places its order first (awaiting payment, stock
  reserved: `checkout_complete`, as "Place order" does on the shop's pages), then starts the
  payment with `payment_initialize`. On an order (placed by `checkoutComplete`), it only pays.
  The test gateway ("ohmylot.payments.test") charges the full amount at once, or declines with
  data {"decline": true}: the order is then cancelled, its stock given back, the cart kept.
- `transactionProcess` asks the gateway again (Stripe, after the shopper confirmed the card).
- `checkoutComplete` afterwards answers the order the payment placed.
An order a promo code covered in full is paid at once, without a gateway, by whichever of
`checkoutComplete` and `transactionInitialize` places it (payment_no_charge_settle); a later
`transactionInitialize` on it (by the order's or the checkout's ID) answers that transaction.
One transaction per order: its ID holds the order's token.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from shop.checkout.graphql.mutations import (
    Refused,
    checkout_for,
    checkout_order_place,
    checkout_token_of,
    order_of_checkout,
)
from shop.graphql.core.ids import from_global_id
from shop.graphql.core.mutations import ErrorValue, error
from shop.orders.models import Order, OrderStatus
from shop.orders.selectors import order_by_token
from shop.payments.error_codes import PaymentErrorCode
from shop.payments.gateway import NO_CHARGE_GATEWAY_ID, gateway_available
from shop.payments.graphql.transactions import transaction_now
from shop.payments.services import payment_gateways_available, payment_initialize, payment_process

PAYMENT_CODES = {
    PaymentErrorCode.GATEWAY_NOT_AVAILABLE: "NOT_FOUND",
    PaymentErrorCode.ORDER_NOT_PAYABLE: "INVALID",
}


def _paid(order: Order, data: dict | None) -> dict:
    """A payment step's answer: the order's transaction as it stands now, its latest event, and
    what the gateway's client needs (`data`); an error when no payment was tried."""
    transaction = transaction_now(order)
    if transaction is None:
        return {"errors": error("id", _("No payment has this ID."), "NOT_FOUND")}
    event = transaction.events[-1]
    return {"transaction": transaction, "transaction_event": event, "data": data, "errors": []}


def _payment_errors(failure: ValidationError) -> list[ErrorValue]:
    return [
        ErrorValue(None, str(message), PAYMENT_CODES.get(item.code, "INVALID"))
        for item in failure.error_list
        for message in item.messages
    ]


def _order_to_pay(info, id: str, majority_confirmed: bool) -> Order:
    """The order behind `id`: an order's ID, or a checkout's (its order placed if need be)."""
    order_token = from_global_id(id, "Order")
    if order_token is not None:
        order = order_by_token(token=order_token)
        if order is None:
            raise Refused(error("id", _("No order has this ID."), "NOT_FOUND"))
        return order
    placed = order_of_checkout(checkout_token_of(id))
    if placed is not None and (
        placed.status == OrderStatus.PENDING_PAYMENT
        or placed.payment_gateway == NO_CHARGE_GATEWAY_ID
    ):
        return placed
    checkout = checkout_for(info, id)
    return checkout_order_place(info, checkout=checkout, majority_confirmed=majority_confirmed)


def payment_gateway_initialize(root, info, id: str, amount=None, payment_gateways=None) -> dict:
    """The gateways a checkout or order can be paid with, and what their client needs."""
    available = {gateway.id: gateway for gateway in payment_gateways_available()}
    wanted = [item["id"] for item in payment_gateways or []] or list(available)
    configs = []
    for gateway_id in wanted:
        if gateway_id in available:
            configs.append(
                {"id": gateway_id, "data": {"name": str(available[gateway_id].name)}, "errors": []}
            )
        else:
            configs.append(
                {
                    "id": gateway_id,
                    "data": None,
                    "errors": error("id", _("This payment method is not available."), "NOT_FOUND"),
                }
            )
    return {"gateway_configs": configs, "errors": []}


def transaction_initialize(
    root, info, id: str, payment_gateway, majority_confirmed=False, **_options
) -> dict:
    """Place the checkout's order if need be, then pay it with the chosen gateway."""
    if gateway_available(gateway_id=payment_gateway["id"]) is None:
        # Checked before the order is placed, so an unknown gateway reserves nothing.
        message = _("This payment method is not available.")
        return {"errors": error("paymentGateway", message, "NOT_FOUND")}
    try:
        order = _order_to_pay(info, id, majority_confirmed)
        result = payment_initialize(
            order=order, gateway_id=payment_gateway["id"], data=payment_gateway.get("data")
        )
    except Refused as refused:
        return {"errors": refused.errors}
    except ValidationError as failure:
        return {"errors": _payment_errors(failure)}
    return _paid(order, result.data)


def transaction_process(root, info, id=None, token=None, data=None, **_options) -> dict:
    """Ask the gateway where the order's payment stands (Stripe after the card's confirmation)."""
    order = order_by_token(token=from_global_id(id, "TransactionItem") or str(token or ""))
    if order is None:
        return {"errors": error("id", _("No payment has this ID."), "NOT_FOUND")}
    try:
        result = payment_process(order=order)
    except ValidationError as failure:
        return {"errors": _payment_errors(failure)}
    return _paid(order, result.data if result else None)
