"""Every write of the shoppers' accounts."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from shop.accounts.error_codes import AccountErrorCode
from shop.accounts.models import User

NAME_MAX_LENGTH = 150
# Django's password validators name their errors; Saleor's API names them in capitals.
PASSWORD_ERROR_CODES = {
    "password_too_short": AccountErrorCode.PASSWORD_TOO_SHORT,
    "password_too_common": AccountErrorCode.PASSWORD_TOO_COMMON,
    "password_entirely_numeric": AccountErrorCode.PASSWORD_ENTIRELY_NUMERIC,
    "password_too_similar": AccountErrorCode.PASSWORD_TOO_SIMILAR,
}


def _email_taken() -> ValidationError:
    return ValidationError(
        _("An account already uses this email address. Sign in, or reset your password."),
        code=AccountErrorCode.UNIQUE.value,
    )


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
    password fails the validators of AUTH_PASSWORD_VALIDATORS, a name is too long or the
    language is not one of the shop's.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    first_name, last_name = first_name.strip(), last_name.strip()
    errors: dict[str, list[ValidationError]] = {}
    if not email:
        errors["email"] = [
            ValidationError(_("Enter your email address."), code=AccountErrorCode.REQUIRED.value)
        ]
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [
                ValidationError(
                    _("Enter a valid email address."), code=AccountErrorCode.INVALID.value
                )
            ]
        else:
            if User.objects.filter(email__iexact=email).exists():
                errors["email"] = [_email_taken()]
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if len(value) > NAME_MAX_LENGTH:
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
        raise ValidationError({"email": [_email_taken()]}) from error
    return user
