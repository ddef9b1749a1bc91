"""Sign-in with tokens, registration and the address book's defaults, through Django's
authentication and the accounts' services."""

from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from shop.accounts.graphql.enums import AccountErrorCode
from shop.accounts.models import User
from shop.accounts.services import AddressKind, user_default_address_set, user_register
from shop.graphql.auth import ACCESS, REFRESH, TokenError, token_for, token_payload, user_of_token
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.mutations import error, mutation_errors
from shop.graphql.core.translations import language_of

ACCOUNT_CODES = [member.value for member in AccountErrorCode]


def token_create(root, info, email: str, password: str, audience: str | None = None) -> dict:
    """Saleor's tokenCreate: an access and a refresh token for the right email and password."""
    user = authenticate(info.context.request, email=email.strip(), password=password)
    if user is None:
        return {
            "errors": error(
                "email",
                _("The email address or the password is wrong."),
                AccountErrorCode.INVALID_CREDENTIALS.value,
            )
        }
    return {
        "token": token_for(user=user, token_type=ACCESS),
        "refresh_token": token_for(user=user, token_type=REFRESH),
        "user": user,
        "errors": [],
    }


def token_refresh(root, info, refresh_token: str | None = None, csrf_token=None) -> dict:
    """A new access token for a valid refresh token."""
    if not refresh_token:
        return {
            "errors": error(
                "refreshToken",
                _("Send the refresh token."),
                AccountErrorCode.JWT_MISSING_TOKEN.value,
            )
        }
    try:
        user = user_of_token(token=refresh_token, token_type=REFRESH)
    except TokenError as failure:
        return {"errors": error("refreshToken", str(failure), failure.code)}
    return {"token": token_for(user=user, token_type=ACCESS), "user": user, "errors": []}


def token_verify(root, info, token: str) -> dict:
    """Whether an access token is valid, with its claims and its user."""
    try:
        user = user_of_token(token=token, token_type=ACCESS)
    except TokenError as failure:
        return {"is_valid": False, "errors": error("token", str(failure), failure.code)}
    payload = token_payload(token=token, token_type=ACCESS)
    return {"is_valid": True, "payload": payload, "user": user, "errors": []}


def account_register(root, info, input) -> dict:
    """Open a shopper's account (no confirmation email: it is usable at once)."""
    try:
        user = user_register(
            email=input.get("email") or "",
            password=input.get("password") or "",
            first_name=input.get("first_name") or "",
            last_name=input.get("last_name") or "",
            language_code=language_of(input.get("language_code")),
        )
    except ValidationError as failure:
        return {"errors": mutation_errors(failure, codes=ACCOUNT_CODES)}
    return {"requires_confirmation": False, "user": user, "errors": []}


def _default_address_set(info, *, user: User | None, address_id: str, type, field: str) -> dict:
    """Set one of the user's defaults through the accounts' services; refused input is a typed
    error, a requester who may not change the account a PERMISSION_DENIED request error."""
    if user is None:
        return {"errors": error("userId", _("No account has this ID."), "NOT_FOUND")}
    try:
        user = user_default_address_set(
            actor=info.context.user,
            user=user,
            address_id=pk_from_global_id(address_id, "Address") or 0,
            kind=AddressKind(getattr(type, "value", type).lower()),
        )
    except PermissionDenied as denied:
        raise api_error(str(denied), "PERMISSION_DENIED") from denied
    except ValidationError as failure:
        errors = mutation_errors(failure, codes=ACCOUNT_CODES, fields={"address_id": field})
        return {"errors": errors}
    return {"user": user, "errors": []}


def address_set_default(root, info, address_id: str, type, user_id: str) -> dict:
    """Saleor's addressSetDefault: a default address of any account (the brand team's)."""
    user = User.objects.filter(pk=pk_from_global_id(user_id, "User")).first()
    return _default_address_set(
        info, user=user, address_id=address_id, type=type, field="addressId"
    )


def account_set_default_address(root, info, id: str, type) -> dict:
    """A signed-in shopper's own default address."""
    user = info.context.signed_in_user
    if user is None:
        raise api_error(_("Sign in to change your addresses."), "PERMISSION_DENIED")
    return _default_address_set(info, user=user, address_id=id, type=type, field="id")
