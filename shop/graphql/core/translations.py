"""`translation(languageCode:)` fields: our content is written in French, translations beside it."""

from collections.abc import Sequence

from django.conf import settings

from catalogue.models.translations import TranslatableModel
from shop.graphql.core.ids import to_global_id


def language_of(language_code) -> str:
    """The two-letter language of a LanguageCodeEnum value ("EN_US" -> "en")."""
    code = getattr(language_code, "value", language_code) or settings.LANGUAGE_CODE
    return str(code).split("_")[0].lower()


def translated_fields(
    instance: TranslatableModel, language_code, names: Sequence[str] | None = None
) -> dict[str, str] | None:
    """The fields of `instance` in that language (its translated fields, or those of `names`),
    or None when it has no translation there. French, the language the content is written in,
    is the base fields themselves."""
    language = language_of(language_code)
    names = instance.TRANSLATED_FIELDS if names is None else names
    if language == settings.LANGUAGE_CODE:
        return {name: getattr(instance, name) for name in names}
    values = (instance.translations or {}).get(language)
    if not values:
        return None
    return {name: values.get(name) or None for name in names}


def translation_id(type_name: str, key: object, language_code) -> str:
    """The ID of an object's translation into a language: `<Type>Translation:<key>:<language>`
    (our translations are stored with their object, not as objects of their own)."""
    return to_global_id(f"{type_name}Translation", f"{key}:{language_of(language_code)}")
