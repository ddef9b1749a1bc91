"""Error codes of the payments, which the API turns into typed errors."""

from enum import StrEnum


class PaymentErrorCode(StrEnum):
    GATEWAY_NOT_AVAILABLE = "gateway_not_available"
    GATEWAY_ERROR = "gateway_error"
    ORDER_NOT_PAYABLE = "order_not_payable"
    ORDER_NOT_PAID = "order_not_paid"
    NOTHING_TO_REFUND = "nothing_to_refund"
    REFUND_QUANTITY_INVALID = "refund_quantity_invalid"
