import graphene
from django.utils.translation import gettext_lazy

from shop.accounts.graphql import address_book, deletion, email_change, mutations, profile
from shop.graphql.core.mutations import unavailable_resolver

# Saleor's sign-in through an identity provider (OpenID Connect plugins): the shop has none.
NO_EXTERNAL_SIGN_IN_MESSAGE = gettext_lazy(
    "This shop has no sign-in through another service: sign in with your email and password."
)
NO_EXTERNAL_SIGN_IN = unavailable_resolver(
    "pluginId", message=NO_EXTERNAL_SIGN_IN_MESSAGE, code="NOT_FOUND"
)


def _external(payload: str) -> graphene.Field:
    return graphene.Field(
        f"shop.accounts.graphql.payloads.{payload}",
        input=graphene.JSONString(required=True),
        plugin_id=graphene.String(required=True),
    )


class AccountsMutations(graphene.ObjectType):
    token_create = graphene.Field(
        "shop.accounts.graphql.payloads.CreateToken",
        audience=graphene.String(),
        email=graphene.String(required=True),
        password=graphene.String(required=True),
    )
    token_refresh = graphene.Field(
        "shop.accounts.graphql.payloads.RefreshToken",
        csrf_token=graphene.String(),
        refresh_token=graphene.String(),
    )
    token_verify = graphene.Field(
        "shop.accounts.graphql.payloads.VerifyToken", token=graphene.String(required=True)
    )
    request_password_reset = graphene.Field(
        "shop.accounts.graphql.payloads.RequestPasswordReset",
        channel=graphene.String(),
        email=graphene.String(required=True),
        redirect_url=graphene.String(required=True),
    )
    confirm_account = graphene.Field(
        "shop.accounts.graphql.payloads.ConfirmAccount",
        email=graphene.String(required=True),
        password=graphene.String(),
        token=graphene.String(required=True),
    )
    set_password = graphene.Field(
        "shop.accounts.graphql.payloads.SetPassword",
        email=graphene.String(required=True),
        password=graphene.String(required=True),
        token=graphene.String(required=True),
    )
    password_change = graphene.Field(
        "shop.accounts.graphql.payloads.PasswordChange",
        new_password=graphene.String(required=True),
        old_password=graphene.String(),
    )
    request_email_change = graphene.Field(
        "shop.accounts.graphql.payloads.RequestEmailChange",
        channel=graphene.String(),
        new_email=graphene.String(required=True),
        password=graphene.String(required=True),
        redirect_url=graphene.String(required=True),
    )
    confirm_email_change = graphene.Field(
        "shop.accounts.graphql.payloads.ConfirmEmailChange",
        channel=graphene.String(),
        token=graphene.String(required=True),
    )
    account_address_create = graphene.Field(
        "shop.accounts.graphql.payloads.AccountAddressCreate",
        customer_id=graphene.ID(),
        input=graphene.Argument("shop.accounts.graphql.inputs.AddressInput", required=True),
        type=graphene.Argument("shop.accounts.graphql.enums.AddressTypeEnum"),
    )
    account_address_update = graphene.Field(
        "shop.accounts.graphql.payloads.AccountAddressUpdate",
        id=graphene.ID(required=True),
        input=graphene.Argument("shop.accounts.graphql.inputs.AddressInput", required=True),
    )
    account_address_delete = graphene.Field(
        "shop.accounts.graphql.payloads.AccountAddressDelete", id=graphene.ID(required=True)
    )
    account_set_default_address = graphene.Field(
        "shop.accounts.graphql.payloads.AccountSetDefaultAddress",
        id=graphene.ID(required=True),
        type=graphene.Argument("shop.accounts.graphql.enums.AddressTypeEnum", required=True),
    )
    account_register = graphene.Field(
        "shop.accounts.graphql.payloads.AccountRegister",
        input=graphene.Argument("shop.accounts.graphql.inputs.AccountRegisterInput", required=True),
    )
    account_update = graphene.Field(
        "shop.accounts.graphql.payloads.AccountUpdate",
        customer_id=graphene.ID(),
        input=graphene.Argument("shop.accounts.graphql.inputs.AccountInput", required=True),
    )
    account_request_deletion = graphene.Field(
        "shop.accounts.graphql.payloads.AccountRequestDeletion",
        channel=graphene.String(),
        redirect_url=graphene.String(required=True),
    )
    account_delete = graphene.Field(
        "shop.accounts.graphql.payloads.AccountDelete", token=graphene.String(required=True)
    )
    address_set_default = graphene.Field(
        "shop.accounts.graphql.payloads.AddressSetDefault",
        address_id=graphene.ID(required=True),
        type=graphene.Argument("shop.accounts.graphql.enums.AddressTypeEnum", required=True),
        user_id=graphene.ID(required=True),
    )
    external_authentication_url = _external("ExternalAuthenticationUrl")
    external_obtain_access_tokens = _external("ExternalObtainAccessTokens")
    external_refresh = _external("ExternalRefresh")
    external_logout = _external("ExternalLogout")
    external_verify = _external("ExternalVerify")

    resolve_token_create = staticmethod(mutations.token_create)
    resolve_token_refresh = staticmethod(mutations.token_refresh)
    resolve_token_verify = staticmethod(mutations.token_verify)
    resolve_account_register = staticmethod(mutations.account_register)
    resolve_address_set_default = staticmethod(address_book.address_set_default)
    resolve_account_set_default_address = staticmethod(address_book.account_set_default_address)
    resolve_account_address_create = staticmethod(address_book.account_address_create)
    resolve_account_address_update = staticmethod(address_book.account_address_update)
    resolve_account_address_delete = staticmethod(address_book.account_address_delete)
    resolve_external_authentication_url = resolve_external_obtain_access_tokens = staticmethod(
        NO_EXTERNAL_SIGN_IN
    )
    resolve_external_refresh = resolve_external_logout = staticmethod(NO_EXTERNAL_SIGN_IN)
    resolve_external_verify = staticmethod(
        unavailable_resolver(
            "pluginId", message=NO_EXTERNAL_SIGN_IN_MESSAGE, code="NOT_FOUND", is_valid=False
        )
    )
    resolve_account_update = staticmethod(profile.account_update)
    resolve_password_change = staticmethod(profile.password_change)
    resolve_request_password_reset = staticmethod(profile.request_password_reset)
    resolve_set_password = staticmethod(profile.set_password)
    resolve_account_request_deletion = staticmethod(deletion.account_request_deletion)
    resolve_account_delete = staticmethod(deletion.account_delete)
    resolve_request_email_change = staticmethod(email_change.request_email_change)
    resolve_confirm_email_change = staticmethod(email_change.confirm_email_change)
    # Accounts open at once, with no confirmation email: there is no account to confirm.
    resolve_confirm_account = staticmethod(unavailable_resolver())


class AccountsQueries(graphene.ObjectType):
    me = graphene.Field("shop.accounts.graphql.types.User")

    @staticmethod
    def resolve_me(root, info):
        return info.context.signed_in_user
