import graphene

from shop.checkout.graphql import mutations, promo_codes
from shop.checkout.graphql.mutations import Refused, checkout_for
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.mutations import unavailable_resolver


class CheckoutMutations(graphene.ObjectType):
    delivery_options_calculate = graphene.Field(
        "shop.checkout.graphql.types.DeliveryOptionsCalculate", id=graphene.ID(required=True)
    )
    checkout_add_promo_code = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutAddPromoCode",
        checkout_id=graphene.ID(deprecation_reason=DEPRECATED),
        id=graphene.ID(),
        promo_code=graphene.String(required=True),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_billing_address_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutBillingAddressUpdate",
        billing_address=graphene.Argument(
            "shop.accounts.graphql.inputs.AddressInput", required=True
        ),
        id=graphene.ID(),
        save_address=graphene.Boolean(default_value=True),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        validation_rules=graphene.Argument(
            "shop.checkout.graphql.inputs.CheckoutAddressValidationRules"
        ),
    )
    checkout_complete = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutComplete",
        id=graphene.ID(),
        metadata=graphene.Argument(
            graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
        ),
        payment_data=graphene.JSONString(),
        redirect_url=graphene.String(),
        majority_confirmed=graphene.Boolean(
            default_value=False,
            description="The buyer confirms being 18 or older (required for alcohol).",
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_create = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutCreate",
        input=graphene.Argument("shop.checkout.graphql.inputs.CheckoutCreateInput", required=True),
    )
    checkout_customer_attach = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutCustomerAttach",
        customer_id=graphene.ID(),
        id=graphene.ID(),
    )
    checkout_customer_detach = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutCustomerDetach", id=graphene.ID()
    )
    checkout_email_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutEmailUpdate",
        email=graphene.String(required=True),
        id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_line_delete = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutLineDelete",
        id=graphene.ID(),
        line_id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        deprecation_reason=DEPRECATED,
    )
    checkout_lines_delete = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutLinesDelete",
        id=graphene.ID(),
        lines_ids=graphene.Argument(graphene.List(graphene.NonNull(graphene.ID)), required=True),
    )
    checkout_lines_add = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutLinesAdd",
        id=graphene.ID(),
        lines=graphene.Argument(
            graphene.List(graphene.NonNull("shop.checkout.graphql.inputs.CheckoutLineInput")),
            required=True,
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_lines_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutLinesUpdate",
        id=graphene.ID(),
        lines=graphene.Argument(
            graphene.List(graphene.NonNull("shop.checkout.graphql.inputs.CheckoutLineUpdateInput")),
            required=True,
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_remove_promo_code = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutRemovePromoCode",
        checkout_id=graphene.ID(deprecation_reason=DEPRECATED),
        id=graphene.ID(),
        promo_code=graphene.String(),
        promo_code_id=graphene.ID(),
    )
    checkout_shipping_address_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutShippingAddressUpdate",
        id=graphene.ID(),
        save_address=graphene.Boolean(default_value=True),
        shipping_address=graphene.Argument(
            "shop.accounts.graphql.inputs.AddressInput", required=True
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        validation_rules=graphene.Argument(
            "shop.checkout.graphql.inputs.CheckoutAddressValidationRules"
        ),
    )
    checkout_shipping_method_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutShippingMethodUpdate",
        id=graphene.ID(),
        shipping_method_id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        deprecation_reason=DEPRECATED,
    )
    checkout_delivery_method_update = graphene.Field(
        "shop.checkout.graphql.payloads.CheckoutDeliveryMethodUpdate",
        delivery_method_id=graphene.ID(),
        id=graphene.ID(),
    )

    resolve_checkout_create = staticmethod(mutations.checkout_create_resolve)
    resolve_checkout_lines_add = staticmethod(mutations.lines_add)
    resolve_checkout_lines_update = staticmethod(mutations.lines_update)
    resolve_checkout_lines_delete = staticmethod(mutations.lines_delete)
    resolve_checkout_line_delete = staticmethod(mutations.line_delete)
    resolve_checkout_email_update = staticmethod(mutations.email_update)
    resolve_checkout_shipping_address_update = staticmethod(mutations.shipping_address_update)
    resolve_checkout_billing_address_update = staticmethod(mutations.billing_address_update)
    resolve_checkout_delivery_method_update = staticmethod(mutations.delivery_method_update)
    resolve_checkout_shipping_method_update = staticmethod(mutations.shipping_method_update)
    resolve_checkout_add_promo_code = staticmethod(promo_codes.promo_code_add)
    resolve_checkout_remove_promo_code = staticmethod(promo_codes.promo_code_remove)
    resolve_checkout_complete = staticmethod(mutations.checkout_complete_resolve)
    resolve_delivery_options_calculate = staticmethod(mutations.delivery_options_calculate)
    resolve_checkout_customer_attach = staticmethod(mutations.customer_attach)
    # A checkout stays with the account that took it.
    resolve_checkout_customer_detach = staticmethod(unavailable_resolver("id"))


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        "shop.checkout.graphql.types.Checkout",
        id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )

    @staticmethod
    def resolve_checkout(root, info, id=None, token=None):
        try:
            return checkout_for(info, id, token)
        except Refused:
            return None
