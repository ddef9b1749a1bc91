"""Sign-in with tokens and registration, through Django's authentication and the accounts'
services."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from shop.accounts.graphql.enums import ACCOUNT_CODES, AccountErrorCode
from shop.accounts.limits import user_authenticate
from shop.accounts.services import user_register
from shop.client_address import client_ip
from shop.graphql.auth import ACCESS, REFRESH, TokenError, token_for, token_payload, user_of_token
from shop.graphql.core.mutations import error, mutation_errors
from shop.graphql.core.translations import language_of


def token_create(root, info, email: str, password: str, audience: str | None = None) -> dict:
    """Saleor's tokenCreate: an access and a refresh token for the right email and password;
    past the limit of wrong ones, LOGIN_ATTEMPT_DELAYED for a while."""
    try:
        user = user_authenticate(
            email=email, password=password, client_address=client_ip(info.context.request)
        )
    except ValidationError as failure:
        fields = {NON_FIELD_ERRORS: "email"}
        return {"errors": mutation_errors(failure, codes=ACCOUNT_CODES, fields=fields)}
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
