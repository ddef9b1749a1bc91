from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.admin import METADATA_FIELDS, MetadataShownAdmin
from shop.accounts.forms import AdminSignInForm
from shop.accounts.models import User

# The admin is reachable at /admin/: its sign-in counts wrong passwords like the shop's.
admin.site.login_form = AdminSignInForm


@admin.register(User)
class UserAdmin(MetadataShownAdmin, DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "language_code")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
        (_("Metadata"), {"fields": METADATA_FIELDS}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
