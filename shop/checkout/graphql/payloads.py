"""The checkout mutations' payloads: the checkout (or the order) and typed errors."""

import graphene

from shop.graphql.core.mutations import error_type

CheckoutError = error_type(
    "CheckoutError",
    "shop.checkout.graphql.enums.CheckoutErrorCode",
    variants=graphene.List(graphene.NonNull(graphene.ID)),
    address_type=graphene.Field("shop.accounts.graphql.enums.AddressTypeEnum"),
)


def checkout_payload(name: str) -> type[graphene.ObjectType]:
    """A payload holding the checkout and its errors, named as Saleor names it."""
    fields = {
        "checkout": graphene.Field("shop.checkout.graphql.types.Checkout"),
        "errors": graphene.List(graphene.NonNull(CheckoutError), required=True),
    }
    return type(name, (graphene.ObjectType,), fields)


CheckoutAddPromoCode = checkout_payload("CheckoutAddPromoCode")
CheckoutBillingAddressUpdate = checkout_payload("CheckoutBillingAddressUpdate")
CheckoutCreate = checkout_payload("CheckoutCreate")
CheckoutCustomerAttach = checkout_payload("CheckoutCustomerAttach")
CheckoutCustomerDetach = checkout_payload("CheckoutCustomerDetach")
CheckoutDeliveryMethodUpdate = checkout_payload("CheckoutDeliveryMethodUpdate")
CheckoutEmailUpdate = checkout_payload("CheckoutEmailUpdate")
CheckoutLineDelete = checkout_payload("CheckoutLineDelete")
CheckoutLinesAdd = checkout_payload("CheckoutLinesAdd")
CheckoutLinesDelete = checkout_payload("CheckoutLinesDelete")
CheckoutLinesUpdate = checkout_payload("CheckoutLinesUpdate")
CheckoutRemovePromoCode = checkout_payload("CheckoutRemovePromoCode")
CheckoutShippingAddressUpdate = checkout_payload("CheckoutShippingAddressUpdate")
CheckoutShippingMethodUpdate = checkout_payload("CheckoutShippingMethodUpdate")


class CheckoutComplete(graphene.ObjectType):
    order = graphene.Field("shop.orders.graphql.types.Order")
    confirmation_needed = graphene.Boolean(required=True)
    confirmation_data = graphene.JSONString()
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)
