"""Reads of the catalogue that every front shares."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.db import connection
from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf
from django.db.models.query import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language

from catalogue.models import (
    CatalogueVersion,
    Category,
    ClaimStatus,
    Collection,
    CollectionProduct,
    LabelClaim,
    Product,
    ProductImage,
    ProductThumbnail,
    ProductVariant,
    QualitySign,
    ReviewStatus,
    Seller,
    SellerKind,
)
from catalogue.models.search_vector import Unaccent

# The width at which product cards show a product's photo, in pixels.
CARD_IMAGE_SIZE = 256
# How a product listing may be sorted; "" keeps the listing's own order (newest first, or the
# order of a collection).
PRODUCT_SORTS = ("", "newest", "price_asc", "price_desc", "name")


def today() -> date:
    return timezone.localdate()


def claims_in_force(*, on: date | None = None) -> QuerySet[LabelClaim]:
    """Approved claims whose proof has not expired on `on` (default: today)."""
    return LabelClaim.objects.filter(status=ClaimStatus.APPROVED, valid_until__gte=on or today())


def claims_expiring_before(*, day: date) -> QuerySet[LabelClaim]:
    """Approved claims whose proof expires before `day`: the ones to renew or suspend."""
    return LabelClaim.objects.filter(
        status=ClaimStatus.APPROVED, valid_until__lt=day
    ).select_related("sign", "seller", "product")


def products_for_sale(*, on: date | None = None) -> QuerySet[Product]:
    """Products a shopper may buy: approved, from a seller allowed to sell, and with no essential
    claim suspended or expired (an expired proof withdraws the listing before any sweep runs)."""
    # A copy of the day's queryset: whoever runs or narrows it changes the copy alone.
    return _products_for_sale_on(on or today()).all()


@lru_cache(maxsize=4)
def _products_for_sale_on(day: date) -> QuerySet[Product]:
    """Built once a day, as every listing and search asks: its conditions cost more to build
    than the copy does."""
    broken_essential_claim = LabelClaim.objects.filter(
        product=OuterRef("pk"), is_essential=True
    ).filter(Q(status__in=[ClaimStatus.SUSPENDED, ClaimStatus.REJECTED]) | Q(valid_until__lt=day))
    # The search vector is only ever read by the database: pages need not carry it.
    return (
        Product.objects.filter(review_status=ReviewStatus.APPROVED, seller__is_selling=True)
        .exclude(Exists(broken_essential_claim))
        .defer("search_vector")
    )


@dataclass(frozen=True)
class CatalogueVersions:
    """The two counts of `CatalogueVersion`: `full` counts every change to what shoppers see,
    a variant's stock running out or coming back included; `content` every change but those."""

    full: int
    content: int


def catalogue_versions() -> CatalogueVersions:
    """How many times what shoppers see has changed, with and without stock running out or
    coming back (`CatalogueVersion`), this transaction's writes counted: the same numbers until
    the next change. One query, as every cached page asks.

    Within a transaction, a function of the database (catalogue.version_triggers) first runs
    the counting its writes left for the commit. Outside one, every write was committed and
    counted already: the row is read as it is (0.07-0.09 ms a read against 0.19-0.22 for the
    function, pgbench)."""
    in_transaction = connection.in_atomic_block or not connection.get_autocommit()
    source = (
        "catalogue_versions_now()"
        if in_transaction
        else f"{CatalogueVersion._meta.db_table} WHERE id = 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, content_number FROM {source}")
        found = cursor.fetchone()
    full, content = found or (0, 0)
    return CatalogueVersions(full=full or 0, content=content or 0)


def shown_images() -> QuerySet[ProductImage]:
    """The photos shoppers see (not those waiting for a chamber), with their thumbnails."""
    return ProductImage.objects.filter(is_published=True).prefetch_related("thumbnails")


def _card_prefetches() -> tuple[Prefetch, ...]:
    # A card reads its variants' prices only, and only the thumbnails that can show a photo at
    # its width (the smallest of them is shown): less to read and build for every card.
    thumbnails = ProductThumbnail.objects.filter(size__gte=CARD_IMAGE_SIZE)
    images = ProductImage.objects.filter(is_published=True).prefetch_related(
        Prefetch("thumbnails", queryset=thumbnails)
    )
    return (
        Prefetch("variants", queryset=ProductVariant.objects.only("product_id", "price")),
        Prefetch("images", queryset=images),
        Prefetch("label_claims", queryset=claims_in_force().select_related("sign")),
    )


def product_cards(products: QuerySet[Product]) -> QuerySet[Product]:
    """`products` with what a product card shows loaded in a fixed number of queries."""
    return products.select_related("seller", "category").prefetch_related(*_card_prefetches())


def product_cards_load(*, products: Iterable[Product]) -> None:
    """Load what product cards show for products already read (with their seller and category
    selected), several lists at once: the same four queries serve every list of a page."""
    prefetch_related_objects(list(products), *_card_prefetches())


def product_for_page(*, slug: str) -> Product | None:
    """The product for sale at `slug` with everything its page shows, in a fixed number of
    queries: variants, photos and their thumbnails, claims in force with their sign."""
    claims = claims_in_force().select_related("sign").order_by("sign__position", "sign__name")
    return (
        products_for_sale()
        .filter(slug=slug)
        .select_related("seller", "category")
        .prefetch_related(
            "variants",
            Prefetch("images", queryset=shown_images()),
            Prefetch("label_claims", queryset=claims),
        )
        .first()
    )


def product_variants(*, product_id: int) -> QuerySet[ProductVariant]:
    """The variants of a product, in the order its page lists them, with their stock now."""
    return ProductVariant.objects.filter(product_id=product_id).order_by("position", "id")


def seller_claims_in_force(*, seller: Seller) -> QuerySet[LabelClaim]:
    """The claims in force of the seller itself, not of one product (craft titles, EPV)."""
    return (
        claims_in_force()
        .filter(seller=seller, product__isnull=True)
        .select_related("sign")
        .order_by("sign__position", "sign__name")
    )


def products_of_seller(*, seller: Seller) -> QuerySet[Product]:
    """The seller's products for sale, by name."""
    return products_for_sale().filter(seller=seller).order_by("name", "id")


def programme_merchandise(*, limit: int) -> QuerySet[Product]:
    """The newest merchandise for sale of the programme ("Oh my Lot !"), with seller and
    category selected (see `product_cards_load`)."""
    return (
        products_for_sale()
        .filter(seller__kind=SellerKind.PROGRAMME)
        .select_related("seller", "category")
        .order_by("-created_at", "id")[:limit]
    )


def categories_all() -> list[Category]:
    """Every category in menu order: the tree is small, so it is read whole in one query and
    walked in memory (`category_subtree_ids`, `category_path`)."""
    return list(Category.objects.order_by("position", "name", "id"))


def category_subtree_ids(*, categories: Sequence[Category], root: Category) -> set[int]:
    """The ids of `root` and of every category below it, found in `categories`."""
    children: dict[int | None, list[int]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category.pk)
    found, waiting = set(), [root.pk]
    while waiting:
        current = waiting.pop()
        if current not in found:
            found.add(current)
            waiting.extend(children.get(current, ()))
    return found


def category_path(*, categories: Sequence[Category], category: Category) -> list[Category]:
    """The ancestors of `category` from the top of the tree down, then `category` itself."""
    by_id = {item.pk: item for item in categories}
    path, current = [], by_id.get(category.pk, category)
    while current is not None and current not in path:
        path.append(current)
        current = by_id.get(current.parent_id)
    return path[::-1]


def products_in_categories(*, category_ids: Iterable[int]) -> QuerySet[Product]:
    """Products for sale in these categories, newest first."""
    return (
        products_for_sale().filter(category_id__in=list(category_ids)).order_by("-created_at", "id")
    )


def published_collection(*, slug: str) -> Collection | None:
    return Collection.objects.filter(slug=slug, is_published=True).first()


def products_of_collection(*, collection: Collection) -> QuerySet[Product]:
    """The collection's products for sale, in the collection's order."""
    position = CollectionProduct.objects.filter(
        collection=collection, product=OuterRef("pk")
    ).values("position")[:1]
    return (
        products_for_sale()
        .filter(collections=collection)
        .annotate(collection_position=Subquery(position))
        .order_by("collection_position", "id")
    )


def signs_of_products(*, products: QuerySet[Product]) -> QuerySet[QualitySign]:
    """The signs in force on at least one of `products` (own claims or the seller's).

    The signs of the products' own claims and those of their sellers' are two sets the database
    builds once each (hashed), rather than a test of every claim against both."""
    claims = claims_in_force()
    own = claims.filter(product__in=products.values("pk"))
    sellers = claims.filter(product__isnull=True, seller__in=products.values("seller"))
    in_force = Q(pk__in=own.values("sign")) | Q(pk__in=sellers.values("sign"))
    return QualitySign.objects.filter(in_force).order_by("position", "name")


def sellers_of_products(*, products: QuerySet[Product]) -> QuerySet[Seller]:
    """The sellers of at least one of `products`, by name."""
    return Seller.objects.filter(pk__in=products.values("seller")).order_by("name", "id")


def products_filter(
    *,
    products: QuerySet[Product],
    signs: Sequence[str] = (),
    seller: str | None = None,
    price_min: Decimal | None = None,
    price_max: Decimal | None = None,
    in_stock: bool = False,
    approved: bool = False,
    sort: str = "",
) -> QuerySet[Product]:
    """`products` narrowed by the shopper's filters and sorted.

    - `signs`: codes of quality signs; a product matches when one of them is in force on it
      (its own claim, or a title of its seller).
    - `seller`: a seller's slug.
    - `price_min`, `price_max`, `in_stock`: a product matches when one of its variants meets all
      of them together (in the range, and in stock when asked).
    - `approved`: only products carrying the "Approuvé Oh my Lot !" mark.
    - `sort`: one of PRODUCT_SORTS; prices sort by the lowest variant price, names by the name in
      the active language.
    """
    if sort not in PRODUCT_SORTS:
        raise ValueError(f"Unknown sort: {sort!r}")
    if signs:
        claims = claims_in_force().filter(sign__code__in=list(signs))
        products = products.filter(
            Exists(claims.filter(product=OuterRef("pk")))
            | Exists(claims.filter(product__isnull=True, seller=OuterRef("seller_id")))
        )
    if seller:
        products = products.filter(seller__slug=seller)
    if approved:
        products = products.filter(brand_approved_at__isnull=False)
    variant_conditions = Q()
    if price_min is not None:
        variant_conditions &= Q(price__gte=price_min)
    if price_max is not None:
        variant_conditions &= Q(price__lte=price_max)
    if in_stock:
        variant_conditions &= Q(stock_quantity__gt=0)
    if variant_conditions:
        products = products.filter(
            Exists(ProductVariant.objects.filter(variant_conditions, product=OuterRef("pk")))
        )
    if sort == "newest":
        products = products.order_by("-created_at", "id")
    elif sort in ("price_asc", "price_desc"):
        lowest = ProductVariant.objects.filter(product=OuterRef("pk")).order_by("price")
        products = products.annotate(lowest_price=Subquery(lowest.values("price")[:1]))
        price = F("lowest_price")
        order = price.asc(nulls_last=True) if sort == "price_asc" else price.desc(nulls_last=True)
        products = products.order_by(order, "id")
    elif sort == "name":
        language = (get_language() or "fr")[:2]
        name = Coalesce(
            NullIf(KT(f"translations__{language}__name"), Value("")),
            "name",
            output_field=CharField(),
        )
        # Folded by our own function rather than an ICU collation, which builds of PostgreSQL
        # without ICU (the embedded server) do not have: "Écharpe" sorts among the E's.
        products = products.annotate(sort_name=Unaccent(name))
        products = products.order_by("sort_name", "id")
    return products
