import graphene


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(default_value=True)
    check_fields_format = graphene.Boolean(default_value=True)
    enable_fields_normalization = graphene.Boolean(default_value=True)


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String()
    lines = graphene.InputField(
        graphene.List(graphene.NonNull("shop.checkout.graphql.inputs.CheckoutLineInput")),
        required=True,
    )
    email = graphene.String()
    save_shipping_address = graphene.Boolean()
    shipping_address = graphene.InputField("shop.accounts.graphql.inputs.AddressInput")
    save_billing_address = graphene.Boolean()
    billing_address = graphene.InputField("shop.accounts.graphql.inputs.AddressInput")
    language_code = graphene.InputField("shop.graphql.core.enums.LanguageCodeEnum")
    validation_rules = graphene.InputField("shop.checkout.graphql.inputs.CheckoutValidationRules")
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )
    private_metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True)
    variant_id = graphene.ID(required=True)
    price = graphene.InputField("shop.graphql.core.scalars.PositiveDecimal")
    price_override_reason = graphene.String()
    force_new_line = graphene.Boolean(default_value=False)
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )


class CheckoutLineUpdateInput(graphene.InputObjectType):
    quantity = graphene.Int()
    price = graphene.InputField("shop.graphql.core.scalars.PositiveDecimal")
    price_override_reason = graphene.String()
    line_id = graphene.ID()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.InputField(
        "shop.checkout.graphql.inputs.CheckoutAddressValidationRules"
    )
    billing_address = graphene.InputField(
        "shop.checkout.graphql.inputs.CheckoutAddressValidationRules"
    )
