"""checkoutAddPromoCode and checkoutRemovePromoCode: the cart's promo code through the
checkout's services, as on the cart page. Refusals are typed: INVALID for a code that does not
exist or is not the cart's, VOUCHER_NOT_APPLICABLE for one that does not apply to this cart now
(see VOUCHER_CODES), and so is a try after too many refused ones
(shop.discounts.attempts)."""

from django.utils.translation import gettext as _

from shop.checkout.graphql.mutations import Refused, checkout_mutation
from shop.checkout.models import Checkout
from shop.checkout.services import checkout_voucher_add, checkout_voucher_remove
from shop.client_address import client_ip
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.mutations import error


@checkout_mutation
def promo_code_add(info, checkout: Checkout, promo_code: str) -> None:
    """Refused tries count against the checkout and the client's address."""
    visitor = [f"ip:{client_ip(info.context.request)}"]
    checkout_voucher_add(checkout=checkout, code=promo_code, visitor=visitor)


@checkout_mutation
def promo_code_remove(info, checkout: Checkout, promo_code=None, promo_code_id=None) -> None:
    """Remove the code named by `promoCode`, or by `promoCodeId` (a Voucher's ID)."""
    if promo_code_id is not None:
        if pk_from_global_id(promo_code_id, "Voucher") != checkout.voucher_id:
            message = _("This promo code is not applied to this cart.")
            raise Refused(error("promoCodeId", message, "INVALID"))
        checkout_voucher_remove(checkout=checkout)
    elif promo_code is not None:
        checkout_voucher_remove(checkout=checkout, code=promo_code)
    else:
        message = _("Give the promo code to remove, or its ID.")
        raise Refused(error("promoCode", message, "REQUIRED"))
