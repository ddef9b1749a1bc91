"""Every write of the shoppers' accounts."""

from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.services import metadata_update
from shop.accounts.address_book import address_book_add
from shop.accounts.addresses import AddressData, AddressKind
from shop.accounts.emails import LinkBuilder, password_reset_email_send
from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.limits import (
    email_send_allow,
    limit_address,
    password_check,
    sign_in_tries_forget,
)
from shop.accounts.models import User

NAME_MAX_LENGTH = 150
# Django's password validators name their errors; Saleor's API names them in capitals.
PASSWORD_ERROR_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


def email_taken() -> ValidationError:
    return ValidationError(
        _("An account already uses this email address. Sign in, or reset your password."),
        code=AccountErrorCode.UNIQUE.value,
    )


def link_refused() -> ValidationError:
    """The refusal of an emailed link's token: forged, used, expired or another account's."""
    return ValidationError(
        {
            "token": ValidationError(
                _("This link does not work any more: ask for a new one."),
                code=AccountErrorCode.INVALID.value,
            )
        }
    )


def email_normalise(email: str) -> str:
    """An email as accounts store it: trimmed, in lower case."""
    return User.objects.normalize_email((email or "").strip()).lower()


def email_refusals(email: str) -> list[ValidationError]:
    """Why a (normalised) email cannot be an account's: empty, malformed or taken by an
    account whatever its case; empty when it can."""
    if not email:
        return [
            ValidationError(_("Enter your email address."), code=AccountErrorCode.REQUIRED.value)
        ]
    try:
        validate_email(email)
    except ValidationError:
        return [
            ValidationError(_("Enter a valid email address."), code=AccountErrorCode.INVALID.value)
        ]
    if User.objects.filter(email__iexact=email).exists():
        return [email_taken()]
    return []


def _password_errors(password: str, user: User) -> list[ValidationError]:
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        return [
            ValidationError(
                item.message,
                code=PASSWORD_ERROR_CODES.get(item.code, AccountErrorCode.INVALID_PASSWORD).value,
                params=item.params,
            )
            for item in error.error_list
        ]
    return []


def _profile_errors(
    *, first_name: str, last_name: str, language_code: str
) -> dict[str, list[ValidationError]]:
    errors: dict[str, list[ValidationError]] = {}
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if "\x00" in value:  # PostgreSQL cannot store it
            errors[field] = [
                ValidationError(
                    ProhibitNullCharactersValidator.message, code=AccountErrorCode.INVALID.value
                )
            ]
        elif len(value) > NAME_MAX_LENGTH:
            errors[field] = [
                ValidationError(
                    _("Write at most %(limit)d characters."),
                    code=AccountErrorCode.INVALID.value,
                    params={"limit": NAME_MAX_LENGTH},
                )
            ]
    if language_code not in dict(settings.LANGUAGES):
        errors["language_code"] = [
            ValidationError(_("This language is not offered."), code=AccountErrorCode.INVALID.value)
        ]
    return errors


@transaction.atomic
def user_register(
    *,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language_code: str = "fr",
) -> User:
    """Open a shopper's account and return it; the email is stored in lower case.

    Raises ValidationError, keyed by field, with the codes of AccountErrorCode and saves nothing
    when the email is invalid or already used by an account (whatever its case), when the
    password fails the validators of AUTH_PASSWORD_VALIDATORS, a name is too long or holds a NUL
    character, or the language is not one of the shop's.
    """
    email = email_normalise(email)
    first_name, last_name = first_name.strip(), last_name.strip()
    errors: dict[str, list[ValidationError]] = {}
    if email_errors := email_refusals(email):
        errors["email"] = email_errors
    errors.update(
        _profile_errors(first_name=first_name, last_name=last_name, language_code=language_code)
    )
    user = User(
        email=email, first_name=first_name, last_name=last_name, language_code=language_code
    )
    if password_errors := _password_errors(password, user):
        errors["password"] = password_errors
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        # Two sign-ups with the same email at once: the database's unique index decides.
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise ValidationError({"email": [email_taken()]}) from error
    return user


@transaction.atomic
def user_profile_update(
    *,
    user: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    default_addresses: Mapping[AddressKind, AddressData] | None = None,
    metadata: Mapping[str, str] | None = None,
) -> User:
    """Change `user`'s own names and language (None keeps a value), add each address of
    `default_addresses` to their book as their default of that kind, and set the keys of
    `metadata` in their public metadata.

    Raises ValidationError keyed by field (codes of AccountErrorCode; MetadataErrorCode on
    `input` for the metadata) and saves nothing when a name is too long or holds a NUL
    character, the language is not one of the shop's, an address or a metadata item is refused.
    """
    values = {
        "first_name": user.first_name if first_name is None else first_name.strip(),
        "last_name": user.last_name if last_name is None else last_name.strip(),
        "language_code": user.language_code if language_code is None else language_code,
    }
    if errors := _profile_errors(**values):
        raise ValidationError(errors)
    user = User.objects.select_for_update().get(pk=user.pk)
    for field, value in values.items():
        setattr(user, field, value)
    user.save(update_fields=[*values, "updated_at"])
    for kind, data in (default_addresses or {}).items():
        address_book_add(actor=user, user=user, data=data, default_for=[kind])
    if metadata:
        metadata_update(instance=user, items=metadata, user=user)
    user.refresh_from_db()
    return user


def _password_set(user: User, password: str) -> User:
    if errors := _password_errors(password, user):
        raise ValidationError({"password": errors})
    user.set_password(password)
    user.save(update_fields=["password", "updated_at"])
    return user


@transaction.atomic
def user_password_change(*, user: User, old_password: str, new_password: str) -> User:
    """Change `user`'s own password, which ends their other sessions and tokens.

    Raises ValidationError and changes nothing when the old password is wrong (on
    `old_password`, INVALID_PASSWORD), or not checked after too many wrong ones
    (LOGIN_ATTEMPT_DELAYED, shop.accounts.limits), or when the new one fails the validators of
    AUTH_PASSWORD_VALIDATORS, the same as at sign-up (on `password`).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    password_check(
        user=user,
        password=old_password,
        field="old_password",
        message=_("The current password is wrong."),
        code=AccountErrorCode.INVALID_PASSWORD,
    )
    return _password_set(user, new_password)


def _active_user_of(email: str) -> User | None:
    email = (email or "").strip()
    return User.objects.filter(email__iexact=email, is_active=True).first() if email else None


def password_reset_request(*, email: str, link: LinkBuilder) -> None:
    """Email a link to choose a new password to the active account of `email`, if there is
    one; nothing tells the caller whether there is.

    Raises ValidationError (on `email`, PASSWORD_RESET_ALREADY_REQUESTED) and sends nothing
    when a reset of this address was asked for within the window (shop.accounts.limits),
    whether an account has it or not."""
    email_send_allow(
        keys=[f"reset:{limit_address(email_normalise(email))}"],
        field="email",
        code=AccountErrorCode.PASSWORD_RESET_ALREADY_REQUESTED,
    )
    user = _active_user_of(email)
    if user is not None and user.has_usable_password():
        password_reset_email_send(user=user, link=link)


@transaction.atomic
def password_reset_complete(*, email: str, token: str, password: str) -> User:
    """Set a new password with the token of a reset email; the token then stops working.

    Raises ValidationError and changes nothing when the token is not the account's, is used
    or expired, or the account does not exist (on `token`, INVALID, the same message), or when
    the password fails the validators (on `password`).
    """
    user = _active_user_of(email)
    if user is None or not default_token_generator.check_token(user, token or ""):
        raise link_refused()
    user = User.objects.select_for_update().get(pk=user.pk)
    user = _password_set(user, password)
    sign_in_tries_forget(user=user)
    return user
