import graphene

from shop.graphql.core.interfaces import ObjectWithMetadata


class AccountAddressCreate(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
    address = graphene.Field(lambda: Address)


class AccountAddressDelete(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
    address = graphene.Field(lambda: Address)


class AccountAddressUpdate(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
    address = graphene.Field(lambda: Address)


class AccountDelete(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
    user = graphene.Field(lambda: User)


class AccountError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field("shop.accounts.graphql.enums.AccountErrorCode", required=True)


class AccountRegister(graphene.ObjectType):
    requires_confirmation = graphene.Boolean()
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class AccountRequestDeletion(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class AccountSetDefaultAddress(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class AccountUpdate(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
    user = graphene.Field(lambda: User)


class Address(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address1 = graphene.String(required=True)
    street_address2 = graphene.String(required=True)
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field("shop.graphql.core.types.CountryDisplay", required=True)
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean()
    is_default_billing_address = graphene.Boolean()


class ConfirmAccount(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class ConfirmEmailChange(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class CreateToken(graphene.ObjectType):
    token = graphene.String()
    refresh_token = graphene.String()
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class PasswordChange(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class RefreshToken(graphene.ObjectType):
    token = graphene.String()
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class RequestEmailChange(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class RequestPasswordReset(graphene.ObjectType):
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class SetPassword(graphene.ObjectType):
    token = graphene.String()
    refresh_token = graphene.String()
    user = graphene.Field(lambda: User)
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)


class User(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    email = graphene.String(required=True)
    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    is_staff = graphene.Boolean(required=True)
    is_active = graphene.Boolean(required=True)
    addresses = graphene.Field(graphene.List(graphene.NonNull(lambda: Address)), required=True)
    checkout_ids = graphene.Field(
        graphene.List(graphene.NonNull(graphene.ID)), channel=graphene.String()
    )
    orders = graphene.Field(
        "shop.orders.graphql.types.OrderCountableConnection",
        where=graphene.Argument("shop.orders.graphql.inputs.CustomerOrderWhereInput"),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    user_permissions = graphene.Field(
        graphene.List(graphene.NonNull("shop.graphql.core.types.UserPermission"))
    )
    avatar = graphene.Field(
        "shop.graphql.core.types.Image",
        size=graphene.Int(),
        format=graphene.Argument(
            "shop.graphql.core.enums.ThumbnailFormatEnum", default_value="ORIGINAL"
        ),
    )
    language_code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    default_shipping_address = graphene.Field(lambda: Address)
    default_billing_address = graphene.Field(lambda: Address)
    date_joined = graphene.DateTime(required=True)


class VerifyToken(graphene.ObjectType):
    user = graphene.Field(lambda: User)
    is_valid = graphene.Boolean(required=True)
    payload = graphene.Field("graphene.types.generic.GenericScalar")
    errors = graphene.Field(graphene.List(graphene.NonNull(lambda: AccountError)), required=True)
