from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.admin import METADATA_FIELDS, MetadataShownAdmin
from shop.accounts.forms import AdminSignInForm
from shop.accounts.models import Address, User
from shop.read_only_admin import ReadOnlyAdmin

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


@admin.register(Address)
class AddressAdmin(MetadataShownAdmin, ReadOnlyAdmin):
    """Shoppers and the checkout write addresses; the brand team reads them (an order's
    delivery and billing addresses link here), with their district, region and metadata."""

    list_display = ("__str__", "street_address_1", "city_area", "country_area")
    search_fields = ("last_name", "postal_code", "city")
    fieldsets = (
        (_("Person"), {"fields": ("first_name", "last_name", "company_name", "phone")}),
        (
            _("Address"),
            {
                "fields": (
                    "street_address_1",
                    "street_address_2",
                    "city_area",
                    "postal_code",
                    "city",
                    "country_area",
                    "country",
                )
            },
        ),
        (_("Metadata"), {"fields": METADATA_FIELDS}),
    )
