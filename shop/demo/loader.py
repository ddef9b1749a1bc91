"""Load the demo content into the database, idempotently and in one transaction.

Every row is keyed by a natural key (slug, SKU, email, code). Descriptive fields are brought to the
values in the data modules; workflow state (review and approval status, stock, claim expiry) is set
only when the row is created, so a second run, even days later, changes nothing. Pictures are
added only to products that have none, proofs only to claims that have none.
"""

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalogue.models import (
    Attribute,
    AttributeValue,
    Category,
    ClaimStatus,
    Collection,
    CollectionProduct,
    LabelClaim,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
    QualitySign,
    ReviewStatus,
    Seller,
    SellerKind,
    VariantAttributeValue,
)
from catalogue.services import product_image_add
from producers.models import (
    COMPETENT_CHAMBER,
    Chamber,
    ChamberReviewer,
    MemberRole,
    Producer,
    ProducerMember,
)
from shop.accounts.models import User
from shop.demo.campaigns import campaigns_load
from shop.demo.data import (
    ACCOUNTS,
    ATTRIBUTES,
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    PRODUCT_TYPES,
    PROGRAMME_SLUG,
    ClaimSpec,
    ProductSpec,
)
from shop.demo.data_catalogue import CATEGORIES, COLLECTIONS
from shop.demo.data_crafts import CRAFT_PRODUCTS
from shop.demo.data_food import FOOD_PRODUCTS
from shop.demo.data_meat import MEAT_PRODUCTS
from shop.demo.data_merchandise import MERCHANDISE_PRODUCTS
from shop.demo.data_pantry import PANTRY_PRODUCTS
from shop.demo.data_producers import PRODUCERS
from shop.demo.data_wine import WINE_PRODUCTS
from shop.demo.pictures import picture_render, proof_document_render
from shop.demo.review_examples import review_examples_load
from shop.demo.rows import (
    UNCHANGED,
    UPDATED,
    DemoSummary,
    StepCount,
    demo_siret,
    demo_vat_number,
    translations_of,
    upsert,
)
from shop.demo.vouchers import vouchers_load

PRODUCTS: tuple[ProductSpec, ...] = (
    *FOOD_PRODUCTS,
    *PANTRY_PRODUCTS,
    *MEAT_PRODUCTS,
    *WINE_PRODUCTS,
    *CRAFT_PRODUCTS,
    *MERCHANDISE_PRODUCTS,
)


class DemoLoadError(Exception):
    """The database lacks what the demo builds on (run the migrations first)."""


class _Loader:
    def __init__(self, progress: Callable[[str], None]) -> None:
        self.progress = progress
        self.summary = DemoSummary()
        self.today = timezone.localdate()
        self.sellers: dict[str, Seller] = {}
        self.producers: dict[str, Producer] = {}
        self.products: dict[str, Product] = {}
        self.attributes: dict[str, Attribute] = {}
        self.values: dict[tuple[str, str], AttributeValue] = {}
        self.product_types: dict[str, ProductType] = {}
        self.categories: dict[str, Category] = {}
        self.chambers = {chamber.code: chamber for chamber in Chamber.objects.all()}
        self.signs = {sign.code: sign for sign in QualitySign.objects.all()}
        self._password_hash = ""

    def count(self, label: str, outcome: str) -> None:
        self.summary.steps.setdefault(label, StepCount()).add(outcome)

    def report(self, *labels: str) -> None:
        for label in labels:
            step = self.summary.steps.get(label, StepCount())
            self.progress(f"{label}: {step.total} ({step.created} created, {step.updated} updated)")

    def check_prerequisites(self) -> None:
        missing = sorted(set(map(str, COMPETENT_CHAMBER.values())) - set(self.chambers))
        missing += sorted({c.sign for p in PRODUCTS for c in p.claims} - set(self.signs))
        if missing:
            raise DemoLoadError(
                f"Missing chambers or quality signs: {', '.join(missing)}. "
                "The data migrations of the producers and catalogue apps create them."
            )

    def load_sellers(self) -> None:
        programme, outcome = upsert(
            Seller,
            lookup={"kind": SellerKind.PROGRAMME},
            values={"name": "Oh my Lot !", "slug": PROGRAMME_SLUG, "town": "Cahors"},
            create_only={"is_selling": True},
        )
        self.sellers[PROGRAMME_SLUG] = programme
        self.count("Sellers", outcome)
        for spec in PRODUCERS:
            seller, outcome = upsert(
                Seller,
                lookup={"slug": spec.slug},
                values={"kind": SellerKind.PRODUCER, "name": spec.name, "town": spec.town},
                create_only={"is_selling": True},
            )
            self.sellers[spec.slug] = seller
            self.count("Sellers", outcome)
            siret = demo_siret(spec.serial)
            producer, outcome = upsert(
                Producer,
                lookup={"seller": seller},
                values={
                    "legal_name": spec.legal_name,
                    "siret": siret,
                    "vat_number": demo_vat_number(siret),
                    "activity_kind": spec.activity,
                    "address_line": spec.address_line,
                    "postcode": spec.postcode,
                    "town": spec.town,
                    "phone": f"05 36 49 {spec.serial // 100:02d} {spec.serial % 100:02d}",
                    "email": f"{spec.slug}@{DEMO_EMAIL_DOMAIN}",
                    "story": spec.story.fr,
                    "pickup_place": spec.pickup_place,
                    "pickup_days": spec.pickup_days.fr,
                    "translations": translations_of(story=spec.story, pickup_days=spec.pickup_days),
                },
                create_only={
                    "chamber": self.chambers[COMPETENT_CHAMBER[spec.activity]],
                    "status": ReviewStatus.APPROVED,
                },
            )
            self.producers[spec.slug] = producer
            self.count("Producers", outcome)
        self.report("Sellers", "Producers")

    def password_hash(self) -> str:
        if not self._password_hash:
            self._password_hash = make_password(DEMO_PASSWORD)
        return self._password_hash

    def load_accounts(self) -> None:
        emails = [spec.email for spec in ACCOUNTS]
        existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        verified: dict[str, bool] = {}
        for spec in ACCOUNTS:
            user, outcome = upsert(
                User,
                lookup={"email": spec.email},
                values={
                    "first_name": spec.first_name,
                    "last_name": spec.last_name,
                    "language_code": spec.language_code,
                    "is_staff": spec.is_staff,
                    "is_superuser": spec.is_superuser,
                    "is_active": True,
                },
                create_only={} if spec.email in existing else {"password": self.password_hash()},
            )
            if user.password not in verified:
                verified[user.password] = check_password(DEMO_PASSWORD, user.password)
            if not verified[user.password]:
                user.password = self.password_hash()
                user.save(update_fields=["password"])
                outcome = UPDATED if outcome == UNCHANGED else outcome
            self.count("Accounts", outcome)
            if spec.owns_producer:
                _, outcome = upsert(
                    ProducerMember,
                    lookup={"producer": self.producers[spec.owns_producer], "user": user},
                    values={"role": MemberRole.OWNER},
                )
                self.count("Producer owners", outcome)
            if spec.reviews_for_chamber:
                _, outcome = upsert(
                    ChamberReviewer,
                    lookup={"chamber": self.chambers[spec.reviews_for_chamber], "user": user},
                    values={},
                )
                self.count("Chamber reviewers", outcome)
        self.report("Accounts", "Producer owners", "Chamber reviewers")

    def load_taxonomy(self) -> None:
        for spec in ATTRIBUTES:
            attribute, outcome = upsert(
                Attribute,
                lookup={"slug": spec.slug},
                values={"name": spec.name.fr, "translations": translations_of(name=spec.name)},
            )
            self.attributes[spec.slug] = attribute
            self.count("Attributes", outcome)
            for position, (slug, name) in enumerate(spec.values):
                value, outcome = upsert(
                    AttributeValue,
                    lookup={"attribute": attribute, "slug": slug},
                    values={
                        "name": name.fr,
                        "position": position,
                        "translations": translations_of(name=name),
                    },
                )
                self.values[spec.slug, slug] = value
                self.count("Attribute values", outcome)
        for spec in PRODUCT_TYPES:
            product_type, outcome = upsert(
                ProductType,
                lookup={"slug": spec.slug},
                values={"name": spec.name, "has_variants": bool(spec.variant_attributes)},
            )
            wanted = {self.attributes[slug].pk for slug in spec.variant_attributes}
            if set(product_type.variant_attributes.values_list("pk", flat=True)) != wanted:
                product_type.variant_attributes.set(wanted)
                outcome = UPDATED if outcome == UNCHANGED else outcome
            self.product_types[spec.slug] = product_type
            self.count("Product types", outcome)
        for position, spec in enumerate(CATEGORIES):
            category, outcome = upsert(
                Category,
                lookup={"slug": spec.slug},
                values={
                    "name": spec.name.fr,
                    "description": spec.description.fr,
                    "parent": self.categories[spec.parent] if spec.parent else None,
                    "position": position,
                    "translations": translations_of(name=spec.name, description=spec.description),
                },
            )
            self.categories[spec.slug] = category
            self.count("Categories", outcome)
        self.report("Attributes", "Attribute values", "Product types", "Categories")

    def product_review(self, seller: Seller) -> dict:
        """A new demo product is approved; its chamber's approval gave a producer's product the
        brand mark (the programme's merchandise is not reviewed and carries none)."""
        review = {"review_status": ReviewStatus.APPROVED}
        if seller.kind == SellerKind.PRODUCER:
            review["brand_approved_at"] = timezone.now()
        return review

    def load_products(self) -> None:
        for spec in PRODUCTS:
            product, outcome = upsert(
                Product,
                lookup={"slug": spec.slug},
                values={
                    "seller": self.sellers[spec.seller],
                    "product_type": self.product_types[spec.product_type],
                    "category": self.categories[spec.category],
                    "name": spec.name.fr,
                    "description": spec.description.fr,
                    "ingredients": spec.ingredients.fr,
                    "net_quantity": spec.net_quantity,
                    "storage": spec.storage.fr,
                    "origin": spec.origin.fr,
                    "nutrition": dict(spec.nutrition),
                    "allergens": [str(allergen) for allergen in spec.allergens],
                    "vat_rate": spec.vat_rate,
                    "is_perishable": spec.is_perishable,
                    "is_chilled": spec.is_chilled,
                    "is_alcohol": spec.is_alcohol,
                    "alcohol_by_volume": spec.alcohol_by_volume,
                    "is_withdrawal_excluded": spec.is_withdrawal_excluded,
                    "translations": translations_of(
                        name=spec.name,
                        description=spec.description,
                        ingredients=spec.ingredients,
                        storage=spec.storage,
                        origin=spec.origin,
                    ),
                },
                create_only=self.product_review(self.sellers[spec.seller]),
            )
            self.products[spec.slug] = product
            self.count("Products", outcome)
            for position, variant_spec in enumerate(spec.variants):
                variant, outcome = upsert(
                    ProductVariant,
                    lookup={"sku": variant_spec.sku},
                    values={
                        "product": product,
                        "name": variant_spec.name.fr,
                        "translations": translations_of(name=variant_spec.name),
                        "price": variant_spec.price,
                        "weight_grams": variant_spec.weight_grams,
                        "position": position,
                    },
                    create_only={"stock_quantity": variant_spec.stock},
                )
                self.count("Variants", outcome)
                for attribute_slug, value_slug in variant_spec.attributes:
                    _, outcome = upsert(
                        VariantAttributeValue,
                        lookup={"variant": variant, "attribute": self.attributes[attribute_slug]},
                        values={"value": self.values[attribute_slug, value_slug]},
                    )
                    self.count("Variant attribute values", outcome)
        self.report("Products", "Variants", "Variant attribute values")

    def load_claim(self, seller: Seller, product: Product | None, spec: ClaimSpec) -> None:
        sign = self.signs[spec.sign]
        claim, outcome = upsert(
            LabelClaim,
            lookup={"product": product, "sign": sign}
            if product
            else {"seller": seller, "product": None, "sign": sign},
            values={
                "seller": seller,
                "registry_reference": spec.registry_reference,
                "certifier": spec.certifier,
                "certifier_code": spec.certifier_code,
                "certificate_number": spec.certificate_number,
                "is_essential": spec.is_essential,
            },
            create_only={
                "valid_until": self.today + timedelta(days=spec.valid_days),
                "status": ClaimStatus.APPROVED,
            },
        )
        self.count("Label claims", outcome)
        if claim.proof:
            return
        holder = product.name if product else seller.name
        document = proof_document_render(
            title=f"{sign.name} : {holder}",
            lines=[
                f"Vendeur : {seller.name}",
                f"Référence du registre : {claim.registry_reference}",
                f"Organisme certificateur : {claim.certifier} {claim.certifier_code}".strip(),
                f"Certificat n° {claim.certificate_number}",
                f"Valable jusqu'au {claim.valid_until:%d/%m/%Y}",
            ],
        )
        target = product.slug if product else seller.slug
        claim.proof.save(f"{target}-{sign.code}.pdf", ContentFile(document), save=False)
        claim.save(update_fields=["proof", "updated_at"])
        self.summary.proofs_added += 1

    def load_claims(self) -> None:
        for spec in PRODUCERS:
            for claim_spec in spec.claims:
                self.load_claim(self.sellers[spec.slug], None, claim_spec)
        for spec in PRODUCTS:
            product = self.products[spec.slug]
            for claim_spec in spec.claims:
                self.load_claim(self.sellers[spec.seller], product, claim_spec)
        self.report("Label claims")
        self.progress(f"Proof documents added: {self.summary.proofs_added}")

    def load_pictures(self) -> None:
        illustrated = set(
            ProductImage.objects.filter(product__in=self.products.values()).values_list(
                "product_id", flat=True
            )
        )
        for spec in PRODUCTS:
            product = self.products[spec.slug]
            if product.pk in illustrated:
                continue
            for index, picture in enumerate(spec.pictures, start=1):
                product_image_add(
                    product=product,
                    upload=ContentFile(picture_render(picture), name=f"{spec.slug}-{index}.jpg"),
                    alt=picture.alt.fr,
                    alt_translations={"en": picture.alt.en},
                )
                self.summary.pictures_added += 1
        self.progress(f"Pictures added: {self.summary.pictures_added}")

    def load_collections(self) -> None:
        for spec in COLLECTIONS:
            collection, outcome = upsert(
                Collection,
                lookup={"slug": spec.slug},
                values={
                    "name": spec.name.fr,
                    "description": spec.description.fr,
                    "is_published": True,
                    "translations": translations_of(name=spec.name, description=spec.description),
                },
            )
            self.count("Collections", outcome)
            for position, slug in enumerate(spec.products):
                _, outcome = upsert(
                    CollectionProduct,
                    lookup={"collection": collection, "product": self.products[slug]},
                    values={"position": position},
                )
                self.count("Collection products", outcome)
        self.report("Collections", "Collection products")


def demo_load(*, progress: Callable[[str], None] = lambda line: None) -> DemoSummary:
    """Load (or bring up to date) the demo content; `progress` receives a line per step.

    Raises DemoLoadError when the chambers or quality signs of the migrations are missing.
    Thumbnails of new pictures are queued when the transaction commits.
    """
    with transaction.atomic():
        loader = _Loader(progress)
        loader.check_prerequisites()
        loader.load_sellers()
        loader.load_accounts()
        loader.load_taxonomy()
        loader.load_products()
        loader.load_claims()
        loader.load_pictures()
        loader.load_collections()
        campaigns_load(
            today=loader.today,
            products=loader.products,
            producers=loader.producers,
            count=loader.count,
        )
        loader.report("Campaigns")
        vouchers_load(count=loader.count)
        loader.report("Promo codes")
        review_examples_load(count=loader.count)
        loader.report("Changes waiting for review")
    return loader.summary
