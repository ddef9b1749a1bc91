"""What a metadata key and value must be, for writes and for filters alike."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalogue.metadata.error_codes import MetadataErrorCode

MAX_KEY_LENGTH = 256


def metadata_refusal(message: str, code: MetadataErrorCode, field: str) -> ValidationError:
    """A refusal of the input `field` with `code`, as every metadata refusal is shaped."""
    return ValidationError({field: ValidationError(message, code=code.value)})


def metadata_key_check(key: object, field: str) -> str:
    """`key` when the shop would store it as a metadata key, else a refusal of `field`: empty
    (REQUIRED), overlong or holding control characters (NUL among them) (INVALID)."""
    if not isinstance(key, str) or not key.strip():
        raise metadata_refusal(
            _("A metadata key cannot be empty."), MetadataErrorCode.REQUIRED, field
        )
    if len(key) > MAX_KEY_LENGTH:
        raise metadata_refusal(
            _("A metadata key has at most %(limit)d characters.") % {"limit": MAX_KEY_LENGTH},
            MetadataErrorCode.INVALID,
            field,
        )
    if any(unicodedata.category(character) == "Cc" for character in key):
        raise metadata_refusal(
            _("A metadata key cannot contain control characters."),
            MetadataErrorCode.INVALID,
            field,
        )
    return key


def metadata_value_check(value: object, field: str) -> str:
    """`value` when it is text the shop can store, else a refusal of `field` (INVALID)."""
    # PostgreSQL's jsonb cannot store the NUL character.
    if not isinstance(value, str) or "\x00" in value:
        raise metadata_refusal(
            _("A metadata value must be text without NUL characters."),
            MetadataErrorCode.INVALID,
            field,
        )
    return value
