"""Scale the demo catalogue up to a number of products, for benchmarks: fast and deterministic.

Generated producers and products build on the demo (run `demo_load` first). Each producer
follows a demo producer of its family (activity, chamber, own titles); each product follows a
demo product of its kind (food information, category, claims, photo) and gets its own name and
description in French and English, one to three variants, prices and stock. Photos are not
drawn again: the new image rows point at the stored files and thumbnails of the demo's.

Rows are written with bulk_create, one transaction per batch. Generated products are known by
their SKUs (SKU_PREFIX and a serial number), producers by their SIRETs. Product number n is the
same whichever run and batch makes it (its random generator is seeded with n), so a second run
with the same target adds nothing and a larger target only tops the catalogue up.
"""

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from catalogue.models import (
    ClaimStatus,
    LabelClaim,
    Product,
    ProductImage,
    ProductThumbnail,
    ProductVariant,
    ReviewStatus,
    Seller,
    SellerKind,
)
from producers.models import Producer
from shop.demo.data import DEMO_EMAIL_DOMAIN, NO_TEXT, Text
from shop.demo.data_scale import (
    CLOSINGS,
    FAMILIES,
    LEGAL_FORMS,
    LOT_TOWNS,
    NAMES,
    PACKS,
    PLACES,
    SINGLE,
    Family,
)
from shop.demo.progress import progress_line
from shop.demo.rows import demo_siret, demo_vat_number

SEED = "ohmylot-scale-1"
SKU_PREFIX = "SCALE-"
PRODUCTS_PER_PRODUCER = 20
BATCH_SIZE = 1000
# Generated producer k has the SIRET of demo serial SIRET_SERIAL_BASE + k (the demo uses 1-99).
SIRET_SERIAL_BASE = 5_000_000
PACK_DISCOUNT = Decimal("0.92")
COPIED_FIELDS = (
    "category_id",
    "product_type_id",
    "ingredients",
    "net_quantity",
    "storage",
    "nutrition",
    "allergens",
    "vat_rate",
    "is_perishable",
    "is_chilled",
    "is_alcohol",
    "alcohol_by_volume",
    "is_withdrawal_excluded",
)
ANALYZED_MODELS = (Seller, Producer, Product, ProductVariant, ProductImage, ProductThumbnail)


class ScaleError(Exception):
    """The database lacks the demo the generated catalogue builds on."""


@dataclass
class ScaleSummary:
    """What one run did."""

    products_before: int = 0
    products_after: int = 0
    producers_created: int = 0
    products_created: int = 0
    variants_created: int = 0
    images_created: int = 0
    claims_created: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class ProducerPlan:
    """Who generated producer number `index` is: the same on every run."""

    index: int
    family: Family
    name: str
    slug: str
    place: str
    town: str
    postcode: str
    siret: str


@dataclass
class _Batch:
    """Rows of one batch, in the order they are inserted."""

    sellers: list[Seller]
    producers: list[Producer]
    products: list[Product]
    variants: list[ProductVariant]
    images: list[ProductImage]
    thumbnails: list[ProductThumbnail]
    claims: list[LabelClaim]


def _of(word: str) -> str:
    """French "of": "de Figeac", "d'Assier"."""
    return f"d'{word}" if word[:1].lower() in "aeiouyéèêh" else f"de {word}"


def producer_plan(index: int) -> ProducerPlan:
    rng = random.Random(f"{SEED}:producer:{index}")
    family = rng.choices(FAMILIES, weights=[family.weight for family in FAMILIES])[0]
    place = rng.choice(PLACES)
    town, postcode = rng.choice(LOT_TOWNS)
    name = f"{rng.choice(family.prefixes)} {_of(place)}"
    return ProducerPlan(
        index=index,
        family=family,
        name=name,
        slug=f"{slugify(name)}-{index + 1:04d}",
        place=place,
        town=town,
        postcode=postcode,
        siret=demo_siret(SIRET_SERIAL_BASE + index),
    )


def _claim_copy(
    claim: LabelClaim, *, seller: Seller, product: Product | None, number: str, valid_until: date
) -> LabelClaim:
    return LabelClaim(
        seller=seller,
        product=product,
        sign_id=claim.sign_id,
        registry_reference=claim.registry_reference,
        certifier=claim.certifier,
        certifier_code=claim.certifier_code,
        certificate_number=number,
        valid_until=valid_until,
        is_essential=claim.is_essential,
        status=ClaimStatus.APPROVED,
    )


class _Generator:
    def __init__(self) -> None:
        self.today = timezone.localdate()
        self.approved_at = timezone.now()
        kinds = {kind.template for family in FAMILIES for kind in family.kinds}
        images = ProductImage.objects.order_by("position", "id").prefetch_related("thumbnails")
        self.templates = {
            product.slug: product
            for product in Product.objects.filter(slug__in=kinds)
            .defer("search_vector")
            .prefetch_related("variants", Prefetch("images", queryset=images), "label_claims")
        }
        own_claims = LabelClaim.objects.filter(product__isnull=True).order_by("id")
        self.producers = {
            seller.slug: seller
            for seller in Seller.objects.filter(slug__in={f.template for f in FAMILIES})
            .select_related("producer")
            .prefetch_related(Prefetch("label_claims", queryset=own_claims, to_attr="own_claims"))
        }
        missing = sorted(
            (kinds - set(self.templates)) | ({f.template for f in FAMILIES} - set(self.producers))
        )
        if missing:
            raise ScaleError(
                f"The demo products and producers are missing ({', '.join(missing[:5])}...): "
                "load the demo first (manage.py load_demo)."
            )

    def sellers_for(self, plans: Sequence[ProducerPlan], batch: _Batch) -> dict[int, Seller]:
        """The seller of each planned producer: the existing one, or a new one in `batch`."""
        existing = {
            producer.siret: producer.seller
            for producer in Producer.objects.filter(
                siret__in=[plan.siret for plan in plans]
            ).select_related("seller")
        }
        sellers: dict[int, Seller] = {}
        for plan in plans:
            if plan.siret in existing:
                sellers[plan.index] = existing[plan.siret]
                continue
            seller = Seller(
                kind=SellerKind.PRODUCER,
                name=plan.name,
                slug=plan.slug,
                town=plan.town,
                is_selling=True,
            )
            sellers[plan.index] = seller
            batch.sellers.append(seller)
            batch.producers.append(self.producer(plan, seller))
            template = self.producers[plan.family.template]
            rng = random.Random(f"{SEED}:titles:{plan.index}")
            for claim in template.own_claims:
                batch.claims.append(
                    _claim_copy(
                        claim,
                        seller=seller,
                        product=None,
                        number=f"{SKU_PREFIX}P{plan.index:05d}-{claim.sign_id}",
                        valid_until=self.today + timedelta(days=rng.randint(365, 1400)),
                    )
                )
        return sellers

    def producer(self, plan: ProducerPlan, seller: Seller) -> Producer:
        template = self.producers[plan.family.template].producer
        rng = random.Random(f"{SEED}:identity:{plan.index}")
        story = plan.family.story
        return Producer(
            seller=seller,
            legal_name=f"{rng.choice(LEGAL_FORMS[template.activity_kind])} {plan.name}",
            siret=plan.siret,
            vat_number=demo_vat_number(plan.siret),
            activity_kind=template.activity_kind,
            chamber_id=template.chamber_id,
            address_line=f"Lieu-dit {plan.place}",
            postcode=plan.postcode,
            town=plan.town,
            phone=f"05 65 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"{plan.slug}@{DEMO_EMAIL_DOMAIN}",
            story=f"{story.fr} {plan.name}, à {plan.town}.",
            translations={"en": {"story": f"{story.en} {plan.name}, in {plan.town}."}},
            status=ReviewStatus.APPROVED,
        )

    def product(self, serial: int, plan: ProducerPlan, seller: Seller, batch: _Batch) -> None:
        rng = random.Random(f"{SEED}:product:{serial}")
        kind = rng.choice(plan.family.kinds)
        template = self.templates[kind.template]
        words = {
            "town": plan.town,
            "of_town": _of(plan.town),
            "place": plan.place,
            "seller": plan.name,
        }
        base, pattern, closing = rng.choice(kind.names), rng.choice(NAMES), rng.choice(CLOSINGS)
        name = Text(
            pattern.fr.format(base=base.fr, **words), pattern.en.format(base=base.en, **words)
        )
        description = Text(
            f"{kind.description.fr} {plan.family.story.fr} {closing.fr.format(**words)}",
            f"{kind.description.en} {plan.family.story.en} {closing.en.format(**words)}",
        )
        origin = f"{plan.town}, Lot (France)"
        english = {
            field: text
            for field, text in template.translations.get("en", {}).items()
            if field in ("ingredients", "storage")
        }
        product = Product(
            seller=seller,
            name=name.fr,
            slug=f"{slugify(name.fr)[:180]}-{serial:06d}",
            description=description.fr,
            origin=origin,
            translations={
                "en": {**english, "name": name.en, "description": description.en, "origin": origin}
            },
            review_status=ReviewStatus.APPROVED,
            brand_approved_at=self.approved_at,
            **{field: getattr(template, field) for field in COPIED_FIELDS},
        )
        batch.products.append(product)
        self.variants(serial, rng, template, product, batch)
        images = list(template.images.all())
        if images:
            source = images[0]
            image = ProductImage(
                product=product,
                image=source.image.name,
                alt=source.alt,
                translations=source.translations,
                width=source.width,
                height=source.height,
                position=0,
            )
            batch.images.append(image)
            batch.thumbnails.extend(
                ProductThumbnail(image=image, size=thumbnail.size, file=thumbnail.file.name)
                for thumbnail in source.thumbnails.all()
            )
        for claim in template.label_claims.all():
            batch.claims.append(
                _claim_copy(
                    claim,
                    seller=seller,
                    product=product,
                    number=f"{SKU_PREFIX}{serial:06d}-{claim.sign_id}",
                    valid_until=self.today + timedelta(days=rng.randint(120, 720)),
                )
            )

    def variants(
        self, serial: int, rng: random.Random, template: Product, product: Product, batch: _Batch
    ) -> None:
        first = next(iter(template.variants.all()))
        price = max(
            Decimal("0.50"), (first.price * Decimal(rng.uniform(0.8, 1.3))).quantize(Decimal("0.1"))
        )
        # Three variants a product on average: 10,000 products make about 30,000 variants.
        count = rng.choices((1, 2, 3, 4), weights=(1, 2, 3, 4))[0]
        forms = [(SINGLE if count > 1 else NO_TEXT, 1), *PACKS][:count]
        for position, (label, multiple) in enumerate(forms):
            discount = PACK_DISCOUNT if multiple > 1 else Decimal(1)
            batch.variants.append(
                ProductVariant(
                    product=product,
                    sku=f"{SKU_PREFIX}{serial:06d}-{position + 1}",
                    name=label.fr,
                    translations={"en": {"name": label.en}} if label.en else {},
                    price=(price * multiple * discount).quantize(Decimal("0.01")),
                    weight_grams=first.weight_grams * multiple,
                    stock_quantity=0 if rng.random() < 0.05 else rng.randint(1, 150),
                    position=position,
                )
            )


def _next_serial() -> int:
    """The serial number of the next generated product (they are made in order)."""
    last = (
        ProductVariant.objects.filter(sku__startswith=SKU_PREFIX)
        .order_by("-sku")
        .values_list("sku", flat=True)
        .first()
    )
    return int(last[len(SKU_PREFIX) :].split("-")[0]) + 1 if last else 0


def _write(batch: _Batch, summary: ScaleSummary) -> None:
    Seller.objects.bulk_create(batch.sellers)
    Producer.objects.bulk_create(batch.producers)
    Product.objects.bulk_create(batch.products)
    ProductVariant.objects.bulk_create(batch.variants)
    ProductImage.objects.bulk_create(batch.images)
    ProductThumbnail.objects.bulk_create(batch.thumbnails)
    LabelClaim.objects.bulk_create(batch.claims)
    summary.producers_created += len(batch.producers)
    summary.products_created += len(batch.products)
    summary.variants_created += len(batch.variants)
    summary.images_created += len(batch.images)
    summary.claims_created += len(batch.claims)


def catalogue_scale(
    *,
    products: int,
    progress: Callable[[str], None] = lambda line: None,
    batch_size: int = BATCH_SIZE,
) -> ScaleSummary:
    """Add generated products until the catalogue holds `products`; `progress` gets a line per
    batch. Adds nothing when it holds that many already. Raises ScaleError without the demo."""
    started = time.perf_counter()
    summary = ScaleSummary(products_before=Product.objects.count())
    missing = products - summary.products_before
    if missing <= 0:
        summary.products_after = summary.products_before
        summary.seconds = time.perf_counter() - started
        progress(f"The catalogue holds {summary.products_before:,} products: nothing to add.")
        return summary
    generator = _Generator()
    first = _next_serial()
    for start in range(first, first + missing, batch_size):
        serials = range(start, min(start + batch_size, first + missing))
        batch = _Batch([], [], [], [], [], [], [])
        indexes = sorted({serial // PRODUCTS_PER_PRODUCER for serial in serials})
        plans = {index: producer_plan(index) for index in indexes}
        with transaction.atomic():
            sellers = generator.sellers_for(list(plans.values()), batch)
            for serial in serials:
                index = serial // PRODUCTS_PER_PRODUCER
                generator.product(serial, plans[index], sellers[index], batch)
            _write(batch, summary)
        progress(
            progress_line(
                done=summary.products_created,
                total=missing,
                what="products",
                seconds=time.perf_counter() - started,
                extra=f"{summary.producers_created:,} producers, "
                f"{summary.variants_created:,} variants",
            )
        )
    with connection.cursor() as cursor:
        # The planner's statistics: the bench measures plans for the new table sizes.
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in ANALYZED_MODELS)
        cursor.execute(f"ANALYZE {tables}")
    summary.products_after = Product.objects.count()
    summary.seconds = time.perf_counter() - started
    return summary
