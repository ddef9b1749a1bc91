"""Forms of the portal's listings, stock and orders."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import Allergen, Category, ProductType, QualitySign, VatRate
from producers.portal.forms import ServiceErrorsMixin
from producers.services.listing_parts import ClaimData, VariantData
from producers.services.listings import ENGLISH_FIELDS, ProductData


def _choices(queryset) -> list[tuple[int, str]]:
    return [(item.pk, item.translated("name")) for item in queryset]


class ProductForm(ServiceErrorsMixin, forms.Form):
    service_fields = {"category": "category_id", "product_type": "product_type_id"}

    name = forms.CharField(label=_("Name (French)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    category_id = forms.TypedChoiceField(label=_("Category"), coerce=int)
    product_type_id = forms.TypedChoiceField(label=_("Kind of product"), coerce=int)
    description = forms.CharField(
        label=_("Description (French)"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    ingredients = forms.CharField(
        label=_("Ingredients (French)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    ingredients_en = forms.CharField(
        label=_("Ingredients (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    storage = forms.CharField(label=_("Storage (French)"), required=False)
    storage_en = forms.CharField(label=_("Storage (English)"), required=False)
    origin = forms.CharField(label=_("Origin (French)"), max_length=200, required=False)
    origin_en = forms.CharField(label=_("Origin (English)"), max_length=200, required=False)
    net_quantity = forms.CharField(label=_("Net quantity"), max_length=60, required=False)
    allergens = forms.MultipleChoiceField(
        label=_("Allergens"),
        choices=Allergen.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    vat_rate = forms.ChoiceField(label=_("VAT rate"), choices=VatRate.choices)
    is_perishable = forms.BooleanField(label=_("Perishable"), required=False)
    is_chilled = forms.BooleanField(label=_("Ships chilled"), required=False)
    is_alcohol = forms.BooleanField(label=_("Alcoholic drink"), required=False)
    alcohol_by_volume = forms.DecimalField(
        label=_("Alcohol % vol."), required=False, min_value=0, max_value=100, decimal_places=1
    )
    is_withdrawal_excluded = forms.BooleanField(
        label=_("Excluded from the 14-day withdrawal right"),
        required=False,
        help_text=_("Goods that spoil quickly, unsealed hygiene goods, personalised goods."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category_id"].choices = _choices(Category.objects.all())
        self.fields["product_type_id"].choices = [
            (item.pk, item.name) for item in ProductType.objects.all()
        ]

    @staticmethod
    def initial_from(product, proposed: dict | None = None) -> dict:
        """The form's values for `product`, showing the pending proposal where there is one."""
        english = (product.translations or {}).get("en", {})
        initial = {
            name: getattr(product, name)
            for name in (
                "name",
                "description",
                "ingredients",
                "storage",
                "origin",
                "net_quantity",
                "allergens",
                "vat_rate",
                "is_perishable",
                "is_chilled",
                "is_alcohol",
                "alcohol_by_volume",
                "is_withdrawal_excluded",
            )
        }
        initial.update({f"{key}_en": english.get(key, "") for key in ENGLISH_FIELDS})
        initial["category_id"] = product.category_id
        initial["product_type_id"] = product.product_type_id
        for key, value in (proposed or {}).items():
            if key == "category":
                initial["category_id"] = value
            elif key == "translations":
                initial.update({f"{k}_en": v for k, v in value.get("en", {}).items()})
            elif key in initial:
                initial[key] = value
        return initial

    def data_for_service(self) -> ProductData:
        data = self.cleaned_data
        return ProductData(
            name=data["name"],
            category_id=data["category_id"],
            product_type_id=data["product_type_id"],
            description=data["description"],
            ingredients=data["ingredients"],
            storage=data["storage"],
            origin=data["origin"],
            net_quantity=data["net_quantity"],
            english={key: data[f"{key}_en"] for key in ENGLISH_FIELDS},
            allergens=tuple(data["allergens"]),
            vat_rate=data["vat_rate"],
            is_perishable=data["is_perishable"],
            is_chilled=data["is_chilled"],
            is_alcohol=data["is_alcohol"],
            alcohol_by_volume=data["alcohol_by_volume"],
            is_withdrawal_excluded=data["is_withdrawal_excluded"],
        )


class VariantForm(ServiceErrorsMixin, forms.Form):
    sku = forms.CharField(label=_("SKU (your reference)"), max_length=64)
    name = forms.CharField(label=_("Variant name (French)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Variant name (English)"), max_length=200, required=False)
    price = forms.DecimalField(
        label=_("Price incl. VAT (€)"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2
    )
    weight_grams = forms.IntegerField(label=_("Shipping weight (g)"), min_value=1)
    stock_quantity = forms.IntegerField(label=_("Stock"), min_value=0)

    def data_for_service(self) -> VariantData:
        return VariantData(**self.cleaned_data)


class ClaimForm(ServiceErrorsMixin, forms.Form):
    service_fields = {"sign": "sign_id"}

    sign_id = forms.TypedChoiceField(label=_("Quality sign"), coerce=int)
    registry_reference = forms.CharField(
        label=_("Registry reference"),
        max_length=120,
        help_text=_("INAO sheet or EU register number, e.g. PDO-FR-0164."),
    )
    certifier = forms.CharField(label=_("Certifier"), max_length=200)
    certifier_code = forms.CharField(
        label=_("Certifier code"),
        max_length=12,
        required=False,
        help_text=_("FR-BIO-xx for organic."),
    )
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=120)
    valid_until = forms.DateField(
        label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    is_essential = forms.BooleanField(
        label=_("Essential to the listing"),
        required=False,
        initial=True,
        help_text=_("When the claim is suspended, the product is withdrawn from sale."),
    )
    proof = forms.FileField(
        label=_("Certificate (proof)"),
        help_text=_("A PDF, or a photo or scan in JPEG, PNG or WebP; at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sign_id"].choices = _choices(QualitySign.objects.all())

    def data_for_service(self) -> ClaimData:
        data = {key: value for key, value in self.cleaned_data.items() if key != "proof"}
        return ClaimData(**data)


class ClaimRenewForm(forms.Form):
    """A new certificate for a claim: the chamber verifies it again."""

    certificate_number = forms.CharField(label=_("Certificate number"), max_length=120)
    valid_until = forms.DateField(
        label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    proof = forms.FileField(
        label=_("New certificate (proof)"),
        help_text=_("A PDF, or a photo or scan in JPEG, PNG or WebP; at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
        ),
    )


class StockCsvForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: sku, price, stock. Leave a price or stock empty to keep it."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class ShipForm(ServiceErrorsMixin, forms.Form):
    carrier = forms.CharField(label=_("Carrier"), max_length=100)
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=100)
