"""Writes of the promo codes: creating one, and locking one while an order uses it."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from branding.models import Campaign
from shop.discounts.models import Voucher, VoucherKind, code_normalise


@transaction.atomic
def voucher_create(
    *,
    code: str,
    name: str,
    kind: VoucherKind | str,
    value: int = 0,
    minimum_subtotal: int = 0,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    usage_limit: int | None = None,
    once_per_email: bool = False,
    is_active: bool = True,
    campaign: Campaign | None = None,
    translations: dict | None = None,
) -> Voucher:
    """A new voucher, its code in capitals; `value` in percent or euro cents (see Voucher),
    `minimum_subtotal` in euro cents, `valid_from` now by default. Raises ValidationError
    (nothing saved) when a value does not fit."""
    voucher = Voucher(
        code=code_normalise(code),
        name=name.strip(),
        kind=kind,
        value=value,
        minimum_subtotal=minimum_subtotal,
        valid_from=valid_from or timezone.now(),
        valid_until=valid_until,
        usage_limit=usage_limit,
        once_per_email=once_per_email,
        is_active=is_active,
        campaign=campaign,
        translations=translations or {},
    )
    voucher.full_clean()
    voucher.save()
    return voucher


def voucher_lock(*, voucher_id: int) -> Voucher | None:
    """Lock the voucher's row until the transaction ends (None when it is gone).

    An order being placed with the code takes this lock before counting the code's uses, so
    concurrent orders are counted one after the other and a usage limit (or once per email)
    cannot be overrun. Must run inside a transaction.
    """
    return Voucher.objects.select_for_update().filter(pk=voucher_id).first()
