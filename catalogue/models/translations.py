from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TranslatableModel(models.Model):
    """Content written in French (the base fields) with translations kept beside it.

    `translations` maps a language code to the translated fields, e.g.
    `{"en": {"name": "Rocamadour cheese"}}`. A missing translation falls back to French.
    """

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        abstract = True

    def translated(self, field: str, language: str | None = None) -> str:
        """The value of `field` in `language` (default: the active one), else the French one."""
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        value = self.translations.get(language, {}).get(field) if self.translations else None
        return value or getattr(self, field)

    def clean(self) -> None:
        super().clean()
        allowed_languages = set(settings.CONTENT_TRANSLATION_LANGUAGES)
        if not isinstance(self.translations, dict):
            raise ValidationError({"translations": _("Translations must be an object.")})
        for language, fields in self.translations.items():
            if language not in allowed_languages or not isinstance(fields, dict):
                raise ValidationError(
                    {
                        "translations": _("Unknown translation language: %(languages)s.")
                        % {"languages": language}
                    }
                )
            unknown = set(fields) - set(self.TRANSLATED_FIELDS)
            if unknown:
                raise ValidationError(
                    {
                        "translations": _("These fields cannot be translated: %(fields)s.")
                        % {"fields": ", ".join(sorted(unknown))}
                    }
                )
