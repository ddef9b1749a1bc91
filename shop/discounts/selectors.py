"""Reads of the promo codes: finding one, counting its uses, and whether it applies.

A use is an order placed with the code that is neither cancelled nor expired: an order awaiting
payment holds its use (as it holds its stock) until it is paid, cancelled or expires, so a
refused payment gives the use back. Counting under the voucher's row lock (`voucher_lock`)
makes the limits hold against concurrent orders.
"""

import re
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from shop.discounts.error_codes import VoucherErrorCode
from shop.discounts.models import CODE_PATTERN, Voucher, code_normalise
from shop.orders.models import Order, OrderStatus

FIELD = "promo_code"
NOT_A_USE = (OrderStatus.CANCELLED, OrderStatus.EXPIRED)


def voucher_error(message, error_code: VoucherErrorCode, /, **params) -> ValidationError:
    """A refusal of a promo code, on the checkout's `promo_code` field."""
    return ValidationError({FIELD: ValidationError(message, code=error_code.value, params=params)})


def voucher_by_code(*, code: str) -> Voucher | None:
    """The voucher with this code, typed in any case; None when there is none."""
    normalised = code_normalise(code or "")
    if not re.fullmatch(CODE_PATTERN, normalised):
        return None
    return Voucher.objects.filter(code=normalised).first()


def voucher_use_count(*, voucher: Voucher) -> int:
    """How many orders use the voucher (cancelled and expired ones do not count)."""
    return Order.objects.filter(voucher=voucher).exclude(status__in=NOT_A_USE).count()


def voucher_used_by(*, voucher: Voucher, email: str) -> bool:
    """Whether an order placed with this email already uses the voucher."""
    uses = Order.objects.filter(voucher=voucher, email__iexact=email.strip())
    return uses.exclude(status__in=NOT_A_USE).exists()


def vouchers_with_use_counts() -> QuerySet[Voucher]:
    """Every voucher with its `use_count` (for the brand team's list)."""
    uses = Count("orders", filter=~Q(orders__status__in=NOT_A_USE))
    return Voucher.objects.annotate(use_count=uses)


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def voucher_refusal(
    *, voucher: Voucher, subtotal: Decimal, email: str = "", at: datetime | None = None
) -> ValidationError | None:
    """Why `voucher` cannot apply to products worth `subtotal` (tax included) bought by
    `email` (checked once known) at `at` (default: now); None when it applies. The error's
    codes are VoucherErrorCode values, its field `promo_code`."""
    at = at or timezone.now()
    code = voucher.code
    if not voucher.is_active:
        return voucher_error(
            _("The promo code %(code)s is not active."), VoucherErrorCode.INACTIVE, code=code
        )
    if at < voucher.valid_from:
        return voucher_error(
            _("The promo code %(code)s is valid from %(date)s."),
            VoucherErrorCode.NOT_STARTED,
            code=code,
            date=_day(voucher.valid_from),
        )
    if voucher.valid_until is not None and at >= voucher.valid_until:
        return voucher_error(
            _("The promo code %(code)s expired on %(date)s."),
            VoucherErrorCode.EXPIRED,
            code=code,
            date=_day(voucher.valid_until),
        )
    if subtotal * 100 < voucher.minimum_subtotal:
        minimum = Decimal(voucher.minimum_subtotal) / 100
        return voucher_error(
            _("The promo code %(code)s applies from %(minimum)s € of products."),
            VoucherErrorCode.MINIMUM_NOT_REACHED,
            code=code,
            minimum=number_format(minimum, decimal_pos=2, use_l10n=True),
        )
    if voucher.usage_limit is not None and voucher_use_count(voucher=voucher) >= (
        voucher.usage_limit
    ):
        return voucher_error(
            _("The promo code %(code)s has been used as many times as planned."),
            VoucherErrorCode.USAGE_LIMIT_REACHED,
            code=code,
        )
    if voucher.once_per_email and email and voucher_used_by(voucher=voucher, email=email):
        return voucher_error(
            _("The promo code %(code)s has already been used with %(email)s."),
            VoucherErrorCode.ALREADY_USED,
            code=code,
            email=email,
        )
    return None
