import graphene


class CustomerOrderWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField("shop.graphql.core.inputs.MetadataFilterInput")
    ids = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))
    number = graphene.InputField("shop.graphql.core.inputs.IntFilterInput")
    channel_id = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    created_at = graphene.InputField("shop.graphql.core.inputs.DateTimeRangeInput")
    updated_at = graphene.InputField("shop.graphql.core.inputs.DateTimeRangeInput")
    user_email = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    authorize_status = graphene.InputField(
        "shop.orders.graphql.inputs.OrderAuthorizeStatusEnumFilterInput"
    )
    charge_status = graphene.InputField(
        "shop.orders.graphql.inputs.OrderChargeStatusEnumFilterInput"
    )
    status = graphene.InputField("shop.orders.graphql.inputs.OrderStatusEnumFilterInput")
    checkout_token = graphene.InputField("shop.graphql.core.inputs.UUIDFilterInput")
    checkout_id = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    is_click_and_collect = graphene.Boolean()
    is_gift_card_used = graphene.Boolean()
    is_gift_card_bought = graphene.Boolean()
    voucher_code = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    has_invoices = graphene.Boolean()
    invoices = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.inputs.InvoiceFilterInput"))
    )
    has_fulfillments = graphene.Boolean()
    lines_count = graphene.InputField("shop.graphql.core.inputs.IntFilterInput")
    total_gross = graphene.InputField("catalogue.graphql.inputs.PriceFilterInput")
    total_net = graphene.InputField("catalogue.graphql.inputs.PriceFilterInput")
    product_type_id = graphene.InputField("shop.graphql.core.inputs.GlobalIDFilterInput")
    billing_address = graphene.InputField("shop.accounts.graphql.inputs.AddressFilterInput")
    shipping_address = graphene.InputField("shop.accounts.graphql.inputs.AddressFilterInput")
    and_ = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.inputs.CustomerOrderWhereInput")),
        name="AND",
    )
    or_ = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.inputs.CustomerOrderWhereInput")),
        name="OR",
    )


class InvoiceFilterInput(graphene.InputObjectType):
    created_at = graphene.InputField("shop.graphql.core.inputs.DateTimeRangeInput")


class OrderAuthorizeStatusEnumFilterInput(graphene.InputObjectType):
    eq = graphene.InputField("shop.orders.graphql.enums.OrderAuthorizeStatusEnum")
    one_of = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.enums.OrderAuthorizeStatusEnum"))
    )


class OrderChargeStatusEnumFilterInput(graphene.InputObjectType):
    eq = graphene.InputField("shop.orders.graphql.enums.OrderChargeStatusEnum")
    one_of = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.enums.OrderChargeStatusEnum"))
    )


class OrderStatusEnumFilterInput(graphene.InputObjectType):
    eq = graphene.InputField("shop.orders.graphql.enums.OrderStatus")
    one_of = graphene.InputField(
        graphene.List(graphene.NonNull("shop.orders.graphql.enums.OrderStatus"))
    )
