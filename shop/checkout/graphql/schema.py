import graphene

from shop.graphql.core.deprecation import DEPRECATED


class CheckoutMutations(graphene.ObjectType):
    delivery_options_calculate = graphene.Field(
        "shop.checkout.graphql.types.DeliveryOptionsCalculate", id=graphene.ID(required=True)
    )
    checkout_add_promo_code = graphene.Field(
        "shop.checkout.graphql.types.CheckoutAddPromoCode",
        checkout_id=graphene.ID(deprecation_reason=DEPRECATED),
        id=graphene.ID(),
        promo_code=graphene.String(required=True),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_billing_address_update = graphene.Field(
        "shop.checkout.graphql.types.CheckoutBillingAddressUpdate",
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
        "shop.checkout.graphql.types.CheckoutComplete",
        id=graphene.ID(),
        metadata=graphene.Argument(
            graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
        ),
        payment_data=graphene.JSONString(),
        redirect_url=graphene.String(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_create = graphene.Field(
        "shop.checkout.graphql.types.CheckoutCreate",
        input=graphene.Argument("shop.checkout.graphql.inputs.CheckoutCreateInput", required=True),
    )
    checkout_customer_attach = graphene.Field(
        "shop.checkout.graphql.types.CheckoutCustomerAttach",
        customer_id=graphene.ID(),
        id=graphene.ID(),
    )
    checkout_customer_detach = graphene.Field(
        "shop.checkout.graphql.types.CheckoutCustomerDetach", id=graphene.ID()
    )
    checkout_email_update = graphene.Field(
        "shop.checkout.graphql.types.CheckoutEmailUpdate",
        email=graphene.String(required=True),
        id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_line_delete = graphene.Field(
        "shop.checkout.graphql.types.CheckoutLineDelete",
        id=graphene.ID(),
        line_id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
        deprecation_reason=DEPRECATED,
    )
    checkout_lines_delete = graphene.Field(
        "shop.checkout.graphql.types.CheckoutLinesDelete",
        id=graphene.ID(),
        lines_ids=graphene.Argument(graphene.List(graphene.NonNull(graphene.ID)), required=True),
    )
    checkout_lines_add = graphene.Field(
        "shop.checkout.graphql.types.CheckoutLinesAdd",
        id=graphene.ID(),
        lines=graphene.Argument(
            graphene.List(graphene.NonNull("shop.checkout.graphql.inputs.CheckoutLineInput")),
            required=True,
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_lines_update = graphene.Field(
        "shop.checkout.graphql.types.CheckoutLinesUpdate",
        id=graphene.ID(),
        lines=graphene.Argument(
            graphene.List(graphene.NonNull("shop.checkout.graphql.inputs.CheckoutLineUpdateInput")),
            required=True,
        ),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
    checkout_remove_promo_code = graphene.Field(
        "shop.checkout.graphql.types.CheckoutRemovePromoCode",
        checkout_id=graphene.ID(deprecation_reason=DEPRECATED),
        id=graphene.ID(),
        promo_code=graphene.String(),
        promo_code_id=graphene.ID(),
    )
    checkout_shipping_address_update = graphene.Field(
        "shop.checkout.graphql.types.CheckoutShippingAddressUpdate",
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
    checkout_delivery_method_update = graphene.Field(
        "shop.checkout.graphql.types.CheckoutDeliveryMethodUpdate",
        delivery_method_id=graphene.ID(),
        id=graphene.ID(),
    )


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        "shop.checkout.graphql.types.Checkout",
        id=graphene.ID(),
        token=graphene.UUID(deprecation_reason=DEPRECATED),
    )
