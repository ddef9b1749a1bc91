from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.metadata.models import ModelWithMetadata


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, email: str) -> "User":
        # People type their address in any case; it is stored in lower case.
        return self.get(email__iexact=email)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin, ModelWithMetadata):
    """A person with an account: shopper, producer member, chamber reviewer or brand team."""

    METADATA_OWNER_FIELD = "pk"  # people write their own public metadata

    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    language_code = models.CharField(_("language"), max_length=8, default="fr")
    is_staff = models.BooleanField(_("brand team"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    addresses = models.ManyToManyField(
        "Address", blank=True, related_name="booked_by", verbose_name=_("address book")
    )
    default_shipping_address = models.ForeignKey(
        "Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("default shipping address"),
    )
    default_billing_address = models.ForeignKey(
        "Address",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("default billing address"),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email


class Address(ModelWithMetadata):
    """A postal address in France or another EU country; orders keep their own copies."""

    # Whoever has the address in their book writes its public metadata.
    METADATA_OWNER_FIELD = "booked_by"

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    street_address_1 = models.CharField(_("address"), max_length=200)
    street_address_2 = models.CharField(_("address (continued)"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=12)
    city = models.CharField(_("town or city"), max_length=100)
    # Saleor's cityArea and countryArea: a district, and a region, province or county where a
    # country's addresses name one (French ones do not).
    city_area = models.CharField(_("district"), max_length=128, blank=True)
    country = models.CharField(_("country"), max_length=2)
    country_area = models.CharField(_("region or province"), max_length=128, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return (
            f"{self.first_name} {self.last_name}, {self.postal_code} {self.city} ({self.country})"
        )

    def copy(self) -> "Address":
        """An unsaved copy, so an order keeps the address it was sent to."""
        copy = Address(**{f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields})
        copy.pk = None
        return copy


class AccountEvent(models.Model):
    """What happened to an account, without personal data: a dotted action, when, and counts."""

    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    action = models.CharField(_("action"), max_length=64)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"{self.user_id} {self.action}"
