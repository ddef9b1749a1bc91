"""Small factories for tests: each makes a valid object and takes overrides as keywords."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from branding.models import Campaign
from catalogue.models import (
    Category,
    LabelClaim,
    Product,
    ProductType,
    ProductVariant,
    QualitySign,
    ReviewStatus,
    Seller,
    SellerKind,
)
from producers.models import (
    ActivityKind,
    Chamber,
    ChamberCode,
    ChamberReviewer,
    Producer,
    ProducerMember,
)
from producers.siret import siret_compose
from shop.accounts.addresses import AddressData
from shop.accounts.models import Address, User
from shop.checkout.complete import checkout_complete
from shop.checkout.models import Checkout
from shop.checkout.selectors import checkout_summary
from shop.checkout.services import (
    checkout_contact_update,
    checkout_create,
    checkout_delivery_set,
    checkout_line_add,
)
from shop.discounts.models import Voucher, VoucherKind
from shop.discounts.services import voucher_create
from shop.orders.models import Order

_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def make_siret() -> str:
    return siret_compose(siren_stem=f"{_next():08d}", establishment="0001")


def make_user(**overrides) -> User:
    fields = {"email": f"user{_next()}@example.org", "password": "a-long-test-password"}
    fields.update(overrides)
    return User.objects.create_user(**fields)


def make_seller(**overrides) -> Seller:
    n = _next()
    fields = {"kind": SellerKind.PRODUCER, "name": f"Ferme {n}", "slug": f"ferme-{n}"}
    fields.update(overrides)
    return Seller.objects.create(**fields)


def make_producer(**overrides) -> Producer:
    fields = {
        "legal_name": "EARL du Causse",
        "siret": make_siret(),
        "activity_kind": ActivityKind.FARM,
        "address_line": "Le Bourg",
        "postcode": "46500",
        "town": "Rocamadour",
        "email": f"ferme{_next()}@example.org",
    }
    fields.update(overrides)
    if "seller" not in fields:
        fields["seller"] = make_seller()
    if "chamber" not in fields:
        fields["chamber"] = Chamber.objects.get(code=ChamberCode.AGRICULTURE)
    return Producer.objects.create(**fields)


def make_category(**overrides) -> Category:
    n = _next()
    fields = {"name": f"Fromages {n}", "slug": f"fromages-{n}"}
    fields.update(overrides)
    return Category.objects.create(**fields)


def make_product_type(**overrides) -> ProductType:
    n = _next()
    fields = {"name": f"Fromage {n}", "slug": f"fromage-{n}"}
    fields.update(overrides)
    return ProductType.objects.create(**fields)


def make_product(**overrides) -> Product:
    n = _next()
    fields = {
        "name": f"Rocamadour {n}",
        "slug": f"rocamadour-{n}",
        "review_status": ReviewStatus.APPROVED,
    }
    fields.update(overrides)
    if "seller" not in fields:
        fields["seller"] = make_seller(is_selling=True)
    if "product_type" not in fields:
        fields["product_type"] = make_product_type()
    if "category" not in fields:
        fields["category"] = make_category()
    return Product.objects.create(**fields)


def make_variant(**overrides) -> ProductVariant:
    fields = {
        "sku": f"SKU-{_next()}",
        "price": Decimal("3.90"),
        "weight_grams": 35,
        "stock_quantity": 10,
    }
    fields.update(overrides)
    if "product" not in fields:
        fields["product"] = make_product()
    return ProductVariant.objects.create(**fields)


def make_claim(**overrides) -> LabelClaim:
    fields = {
        "registry_reference": "PDO-FR-0164",
        "certifier": "Certipaq",
        "certificate_number": f"CERT-{_next()}",
        "valid_until": date.today() + timedelta(days=365),
    }
    fields.update(overrides)
    if "product" in fields and "seller" not in fields:
        fields["seller"] = fields["product"].seller
    if "seller" not in fields:
        fields["seller"] = make_seller()
    if "sign" not in fields:
        fields["sign"] = QualitySign.objects.get(code="aop")
    return LabelClaim.objects.create(**fields)


def make_booked_address(user: User, **overrides) -> Address:
    """An address of `user`'s address book."""
    address = Address.objects.create(**vars(make_address_data(**overrides)))
    user.addresses.add(address)
    return address


def make_address_data(**overrides) -> AddressData:
    fields = {
        "first_name": "Emma",
        "last_name": "Clarke",
        "street_address_1": "12 Rue de la Barre",
        "postal_code": "46000",
        "city": "Cahors",
        "country": "FR",
    }
    fields.update(overrides)
    return AddressData(**fields)


def make_ready_checkout(
    *variants_and_quantities: tuple[ProductVariant, int],
    email: str = "emma@example.org",
    country: str = "FR",
) -> Checkout:
    """A checkout holding the given (variant, quantity) pairs, with contact details and the
    cheapest delivery method chosen for every seller."""
    checkout = checkout_create()
    for variant, quantity in variants_and_quantities:
        checkout_line_add(checkout=checkout, variant_id=variant.pk, quantity=quantity)
    postcodes = {"FR": "46000", "NL": "1012 AB", "DE": "10115", "BE": "1000"}
    checkout_contact_update(
        checkout=checkout,
        email=email,
        shipping=make_address_data(country=country, postal_code=postcodes[country]),
    )
    for group in checkout_summary(checkout=checkout).groups:
        if group.options:
            checkout_delivery_set(
                checkout=checkout, seller_id=group.seller.pk, method=group.options[0].method
            )
    return checkout


def make_reviewer(*, chamber_code: str, **overrides) -> User:
    """A user reviewing for the chamber with `chamber_code`."""
    user = make_user(**overrides)
    ChamberReviewer.objects.create(chamber=Chamber.objects.get(code=chamber_code), user=user)
    return user


def make_member(*, producer: Producer, role: str = "owner", **overrides) -> User:
    """A user who is a member (`owner` or `staff`) of `producer`."""
    user = make_user(**overrides)
    ProducerMember.objects.create(producer=producer, user=user, role=role)
    return user


def make_listed_product(
    *, producer_status: str = ReviewStatus.APPROVED, product_status: str = ReviewStatus.DRAFT
) -> tuple[Producer, User, Product]:
    """A producer in `producer_status` (selling when approved), its owner, and one of its
    products in `product_status`."""
    producer = make_producer(status=producer_status)
    if producer_status == ReviewStatus.APPROVED:
        producer.seller.is_selling = True
        producer.seller.save(update_fields=["is_selling"])
    owner = make_member(producer=producer)
    product = make_product(seller=producer.seller, review_status=product_status)
    return producer, owner, product


def make_order(*variants_and_quantities: tuple[ProductVariant, int]) -> Order:
    """A placed order awaiting payment, for the given (variant, quantity) pairs."""
    return checkout_complete(checkout=make_ready_checkout(*variants_and_quantities))


def make_campaign(**overrides) -> Campaign:
    """A campaign running today for a month, with its own tag."""
    n = _next()
    fields = {
        "name": f"Été {n}",
        "tag": f"ete-{n}",
        "starts_on": date.today() - timedelta(days=5),
        "ends_on": date.today() + timedelta(days=25),
        "headline": "L'été dans le Lot",
        "translations": {"en": {"headline": "Summer in the Lot"}},
    }
    fields.update(overrides)
    return Campaign.objects.create(**fields)


def make_voucher(**overrides) -> Voucher:
    """A promo code of 10 % off the products, valid since yesterday, without limits."""
    fields = {
        "code": f"ETE{_next()}",
        "name": "Bienvenue de l'été",
        "kind": VoucherKind.PERCENTAGE,
        "value": 10,
        "valid_from": timezone.now() - timedelta(days=1),
        "translations": {"en": {"name": "Summer welcome"}},
    }
    fields.update(overrides)
    return voucher_create(**fields)
