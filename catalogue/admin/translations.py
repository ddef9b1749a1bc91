"""Admin forms that edit a model's `translations` JSON as ordinary fields (name_en...)."""

from functools import cache

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from catalogue.models.translations import TranslatableModel


def translation_field_names(model: type[TranslatableModel]) -> list[str]:
    return [
        f"{field}_{language}"
        for language in settings.CONTENT_TRANSLATION_LANGUAGES
        for field in model.TRANSLATED_FIELDS
    ]


class TranslatedFieldsForm(forms.ModelForm):
    """Shows the stored translations in their fields and writes them back to `translations`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for language in settings.CONTENT_TRANSLATION_LANGUAGES:
            for field in self._meta.model.TRANSLATED_FIELDS:
                name = f"{field}_{language}"
                if name in self.fields:
                    self.initial.setdefault(name, stored.get(language, {}).get(field, ""))

    def clean(self) -> dict:
        cleaned = super().clean()
        translations = {}
        for language in settings.CONTENT_TRANSLATION_LANGUAGES:
            values = {
                field: cleaned[f"{field}_{language}"]
                for field in self._meta.model.TRANSLATED_FIELDS
                if cleaned.get(f"{field}_{language}")
            }
            if values:
                translations[language] = values
        self.instance.translations = translations
        return cleaned


@cache
def translated_form_for(model: type[TranslatableModel]) -> type[TranslatedFieldsForm]:
    """A ModelForm class for `model` with one optional field per translated field and language."""
    declared = {}
    for language in settings.CONTENT_TRANSLATION_LANGUAGES:
        for field in model.TRANSLATED_FIELDS:
            source = model._meta.get_field(field)
            form_field = source.formfield(required=False)
            form_field.label = f"{source.verbose_name} ({language})"
            declared[f"{field}_{language}"] = form_field
    meta = type("Meta", (), {"model": model, "exclude": ("translations",)})
    return type(
        f"{model.__name__}TranslatedForm", (TranslatedFieldsForm,), {**declared, "Meta": meta}
    )


class TranslatedAdmin(admin.ModelAdmin):
    """A ModelAdmin that edits the translations beside the French fields."""

    def __init__(self, model, admin_site) -> None:
        super().__init__(model, admin_site)
        self.form = translated_form_for(model)

    def get_fieldsets(self, request, obj=None):
        translated = translation_field_names(self.model)
        fields = [name for name in self.get_fields(request, obj) if name not in translated]
        return [(None, {"fields": fields}), (_("Translations"), {"fields": translated})]


class TranslatedInline(admin.TabularInline):
    def __init__(self, parent_model, admin_site) -> None:
        super().__init__(parent_model, admin_site)
        self.form = translated_form_for(self.model)
