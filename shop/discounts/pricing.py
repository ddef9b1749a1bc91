"""What a voucher takes off a cart, and each line's share of it, to the cent.

Amounts are tax included, as every price of the shop. A discount on the goods is shared over
the lines pro rata of their totals, so each VAT rate's taxable base shrinks pro rata too (French
VAT: a rebate granted at the sale reduces the base of the goods it applies to). The shares are
whole cents given by the largest-remainder rule: they add up to the discount exactly.

A code never leaves a sum too small to charge: see MINIMUM_CHARGE.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from shop.discounts.models import Voucher, VoucherKind

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Stripe refuses to charge less than 0.50 € (its minimum charge in euros), so an order a promo
# code left with 0.01 to 0.49 € to pay could never be paid and would wait until it expired.
# What a code leaves to pay is therefore 0 € or at least this: below it, the code covers the
# rest too, at the programme's cost like the rest of the discount, and the order is settled
# without a gateway like one a 100 % code paid.
MINIMUM_CHARGE = Decimal("0.50")


def goods_discount(*, voucher: Voucher, subtotal: Decimal) -> Decimal:
    """What `voucher` takes off goods worth `subtotal`: never more than the goods."""
    if voucher.kind == VoucherKind.PERCENTAGE:
        amount = (subtotal * voucher.value / 100).quantize(CENT, ROUND_HALF_UP)
    elif voucher.kind == VoucherKind.FIXED:
        amount = Decimal(voucher.value) / 100
    else:
        amount = ZERO
    return min(amount, subtotal).quantize(CENT)


def shipping_discount(*, voucher: Voucher, shipping: Decimal) -> Decimal:
    """What `voucher` takes off one producer's delivery priced `shipping`: all of it for free
    delivery, else nothing."""
    return shipping if voucher.is_free_delivery else ZERO


def covers_the_rest(*, left_to_pay: Decimal) -> bool:
    """Whether a promo code that leaves `left_to_pay` (tax included) takes that off too: more
    than nothing but less than MINIMUM_CHARGE."""
    return ZERO < left_to_pay < MINIMUM_CHARGE


def allocate(*, amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """`amount` shared over `weights` pro rata, in whole cents (largest remainder, the earlier
    weight first on a tie). The shares add up to `amount`; when `amount` is at most the sum of
    the weights, no share is more than its weight."""
    cents = [int(weight * 100) for weight in weights]
    total = sum(cents)
    wanted = int(amount * 100)
    if not wanted or not total:
        return [ZERO for _weight in weights]
    shares = [wanted * weight // total for weight in cents]
    remainders = [wanted * weight % total for weight in cents]
    left = wanted - sum(shares)
    for index in sorted(range(len(cents)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return [(Decimal(share) / 100).quantize(CENT) for share in shares]
