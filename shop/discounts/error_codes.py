"""Why a promo code was refused. The API maps them onto Saleor's CheckoutErrorCode: an unknown
code is INVALID there, every other refusal VOUCHER_NOT_APPLICABLE."""

from enum import Enum


class VoucherErrorCode(str, Enum):  # noqa: UP042 (the shape every domain enum shares)
    NOT_FOUND = "VOUCHER_NOT_FOUND"
    INACTIVE = "VOUCHER_INACTIVE"
    NOT_STARTED = "VOUCHER_NOT_STARTED"
    EXPIRED = "VOUCHER_EXPIRED"
    MINIMUM_NOT_REACHED = "VOUCHER_MINIMUM_NOT_REACHED"
    USAGE_LIMIT_REACHED = "VOUCHER_USAGE_LIMIT_REACHED"
    ALREADY_USED = "VOUCHER_ALREADY_USED"
    NOT_APPLIED = "VOUCHER_NOT_APPLIED"
    TOO_MANY_ATTEMPTS = "VOUCHER_TOO_MANY_ATTEMPTS"
