"""The admin shows metadata read-only: clients and the API write it, through its services."""

from django.contrib import admin

METADATA_FIELDS = ("metadata", "private_metadata")


class MetadataShownAdmin(admin.ModelAdmin):
    """A ModelAdmin that shows the object's public and private metadata, read-only."""

    def get_readonly_fields(self, request, obj=None) -> tuple[str, ...]:
        return (*super().get_readonly_fields(request, obj), *METADATA_FIELDS)
