from enum import Enum


class AccountErrorCode(str, Enum):  # noqa: UP042 - Saleor-style enums: str values, graphene-friendly
    """Why an account change was refused; names follow Saleor's AccountErrorCode."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    PASSWORD_ENTIRELY_NUMERIC = "PASSWORD_ENTIRELY_NUMERIC"
    PASSWORD_TOO_SIMILAR = "PASSWORD_TOO_SIMILAR"
    INVALID_PASSWORD = "INVALID_PASSWORD"
    NOT_FOUND = "NOT_FOUND"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    # A reset link was emailed to this address within the window (ACCOUNT_EMAIL_WINDOW).
    PASSWORD_RESET_ALREADY_REQUESTED = "PASSWORD_RESET_ALREADY_REQUESTED"
    # Saleor's code for tries refused for a while: too many wrong passwords, or a deletion or
    # email change link emailed within the window.
    LOGIN_ATTEMPT_DELAYED = "LOGIN_ATTEMPT_DELAYED"
    # An account that works for the shop (brand team, producer member, chamber reviewer) is not
    # erased by its holder.
    DELETE_STAFF_ACCOUNT = "DELETE_STAFF_ACCOUNT"
    # Ours: a postcode that does not exist in the chosen country (the API answers INVALID).
    INVALID_POSTCODE = "INVALID_POSTCODE"
