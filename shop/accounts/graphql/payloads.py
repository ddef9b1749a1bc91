"""The account mutations' payloads: typed errors, and the user where Saleor gives it."""

import graphene

from shop.graphql.core.mutations import error_type

AccountError = error_type("AccountError", "shop.accounts.graphql.enums.AccountErrorCode")


def account_payload(name: str, *, with_user: bool = True, **fields) -> type[graphene.ObjectType]:
    """A payload holding `errors` (and the `user` unless `with_user` is False), as Saleor names
    it."""
    attributes = {"errors": graphene.List(graphene.NonNull(AccountError), required=True), **fields}
    if with_user:
        attributes["user"] = graphene.Field("shop.accounts.graphql.types.User")
    return type(name, (graphene.ObjectType,), attributes)


AccountAddressCreate = account_payload(
    "AccountAddressCreate", address=graphene.Field("shop.accounts.graphql.types.Address")
)
AccountAddressDelete = account_payload(
    "AccountAddressDelete", address=graphene.Field("shop.accounts.graphql.types.Address")
)
AccountAddressUpdate = account_payload(
    "AccountAddressUpdate", address=graphene.Field("shop.accounts.graphql.types.Address")
)
AccountDelete = account_payload("AccountDelete")
AccountRegister = account_payload("AccountRegister", requires_confirmation=graphene.Boolean())
AccountRequestDeletion = account_payload("AccountRequestDeletion", with_user=False)
AccountSetDefaultAddress = account_payload("AccountSetDefaultAddress")
AccountUpdate = account_payload("AccountUpdate")
AddressSetDefault = account_payload("AddressSetDefault")
ConfirmAccount = account_payload("ConfirmAccount")
ConfirmEmailChange = account_payload("ConfirmEmailChange")
CreateToken = account_payload(
    "CreateToken", token=graphene.String(), refresh_token=graphene.String()
)
PasswordChange = account_payload("PasswordChange")
RefreshToken = account_payload("RefreshToken", token=graphene.String())
RequestEmailChange = account_payload("RequestEmailChange")
RequestPasswordReset = account_payload("RequestPasswordReset", with_user=False)
SetPassword = account_payload(
    "SetPassword", token=graphene.String(), refresh_token=graphene.String()
)
VerifyToken = account_payload(
    "VerifyToken",
    is_valid=graphene.Boolean(required=True),
    payload=graphene.Field("graphene.types.generic.GenericScalar"),
)
ExternalAuthenticationUrl = account_payload(
    "ExternalAuthenticationUrl", with_user=False, authentication_data=graphene.JSONString()
)
ExternalLogout = account_payload(
    "ExternalLogout", with_user=False, logout_data=graphene.JSONString()
)
ExternalObtainAccessTokens = account_payload(
    "ExternalObtainAccessTokens", token=graphene.String(), refresh_token=graphene.String()
)
ExternalRefresh = account_payload(
    "ExternalRefresh", token=graphene.String(), refresh_token=graphene.String()
)
ExternalVerify = account_payload(
    "ExternalVerify",
    is_valid=graphene.Boolean(required=True),
    verify_data=graphene.JSONString(),
)
