"""The shape of the demo content, and the parts every topic shares.

Content is written in French (the base fields) with its English translation beside it. Products
live in the topic modules (`data_food`, `data_wine`, `data_crafts`, `data_merchandise`), producers
in `data_producers`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from catalogue.models import VatRate

DEMO_PASSWORD = "ohmylot-demo"
DEMO_EMAIL_DOMAIN = "demo.ohmylot.fr"
PROGRAMME_SLUG = "oh-my-lot"


@dataclass(frozen=True)
class Text:
    """A text in French with its English translation."""

    fr: str
    en: str


NO_TEXT = Text("", "")


@dataclass(frozen=True)
class AccountSpec:
    email: str
    first_name: str
    last_name: str
    role: str
    language_code: str = "fr"
    is_staff: bool = False
    is_superuser: bool = False
    owns_producer: str = ""
    reviews_for_chamber: str = ""


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: Text
    description: Text
    parent: str = ""


@dataclass(frozen=True)
class CollectionSpec:
    slug: str
    name: Text
    description: Text
    products: tuple[str, ...]


@dataclass(frozen=True)
class AttributeSpec:
    slug: str
    name: Text
    values: tuple[tuple[str, Text], ...]


@dataclass(frozen=True)
class ProductTypeSpec:
    slug: str
    name: str
    variant_attributes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimSpec:
    """A claim to a quality sign; `valid_days` counts from the day the claim is first loaded."""

    sign: str
    registry_reference: str
    certifier: str
    certificate_number: str
    valid_days: int
    certifier_code: str = ""
    is_essential: bool = True


@dataclass(frozen=True)
class ProducerSpec:
    slug: str
    name: str
    legal_name: str
    activity: str
    address_line: str
    postcode: str
    town: str
    story: Text
    serial: int
    claims: tuple[ClaimSpec, ...] = ()
    pickup_place: str = ""
    pickup_days: Text = NO_TEXT


@dataclass(frozen=True)
class VariantSpec:
    sku: str
    price: Decimal
    weight_grams: int
    stock: int
    name: Text = NO_TEXT
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PictureSpec:
    """A picture drawn by `shop.demo.pictures`: the drawing, its main colour and a short label."""

    drawing: str
    alt: Text
    colour: str = ""
    label: str = ""


@dataclass(frozen=True)
class ProductSpec:
    slug: str
    seller: str
    category: str
    product_type: str
    name: Text
    description: Text
    variants: tuple[VariantSpec, ...]
    pictures: tuple[PictureSpec, ...]
    ingredients: Text = NO_TEXT
    net_quantity: str = ""
    storage: Text = NO_TEXT
    origin: Text = NO_TEXT
    nutrition: dict[str, float] = field(default_factory=dict)
    allergens: tuple[str, ...] = ()
    vat_rate: str = VatRate.REDUCED
    is_perishable: bool = False
    is_chilled: bool = False
    is_alcohol: bool = False
    alcohol_by_volume: Decimal | None = None
    is_withdrawal_excluded: bool = False
    claims: tuple[ClaimSpec, ...] = ()


def single(sku: str, price: str, grams: int, stock: int) -> tuple[VariantSpec, ...]:
    """The one variant of a product sold in a single form."""
    return (VariantSpec(sku=sku, price=Decimal(price), weight_grams=grams, stock=stock),)


def _email(local: str) -> str:
    return f"{local}@{DEMO_EMAIL_DOMAIN}"


ACCOUNTS = (
    AccountSpec(_email("client"), "Claire", "Delmas", "shopper"),
    AccountSpec(_email("visitor"), "Emma", "Walker", "shopper (English)", language_code="en"),
    AccountSpec(
        _email("ferme"),
        "Jeanne",
        "Lacoste",
        "producer owner: Chèvrerie du Causse (farm)",
        owns_producer="chevrerie-du-causse",
    ),
    AccountSpec(
        _email("atelier"),
        "Mathieu",
        "Vidal",
        "producer owner: Coutellerie du Célé (craft)",
        owns_producer="coutellerie-du-cele",
    ),
    AccountSpec(
        _email("agriculture"),
        "Sophie",
        "Marty",
        "reviewer: Chambre d'Agriculture du Lot",
        reviews_for_chamber="agriculture",
    ),
    AccountSpec(
        _email("cma"),
        "Julien",
        "Bouscarel",
        "reviewer: Chambre de Métiers et de l'Artisanat du Lot",
        reviews_for_chamber="cma",
    ),
    AccountSpec(
        _email("cci"),
        "Nathalie",
        "Cayla",
        "reviewer: CCI du Lot",
        reviews_for_chamber="cci",
    ),
    AccountSpec(
        _email("admin"),
        "Thomas",
        "Lafon",
        "brand admin (staff, superuser)",
        is_staff=True,
        is_superuser=True,
    ),
)

ATTRIBUTES = (
    AttributeSpec(
        "taille",
        Text("Taille", "Size"),
        (
            ("s", Text("S", "S")),
            ("m", Text("M", "M")),
            ("l", Text("L", "L")),
            ("xl", Text("XL", "XL")),
        ),
    ),
    AttributeSpec(
        "couleur",
        Text("Couleur", "Colour"),
        (
            ("bleu-lot", Text("Bleu Lot", "Lot blue")),
            ("blanc-causse", Text("Blanc causse", "Limestone white")),
            ("ocre", Text("Ocre", "Ochre")),
        ),
    ),
)

PRODUCT_TYPES = (
    ProductTypeSpec("fromage", "Fromage"),
    ProductTypeSpec("vin", "Vin et apéritif"),
    ProductTypeSpec("epicerie", "Épicerie"),
    ProductTypeSpec("viande", "Viande et volaille"),
    ProductTypeSpec("fruit-frais", "Fruit frais"),
    ProductTypeSpec("artisanat", "Objet d'artisanat"),
    ProductTypeSpec("tee-shirt", "Tee-shirt", variant_attributes=("taille", "couleur")),
    ProductTypeSpec("casquette", "Casquette", variant_attributes=("couleur",)),
    ProductTypeSpec("objet-boutique", "Objet de la boutique"),
)
