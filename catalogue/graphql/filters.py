"""Product lists of the API: Saleor's `filter`, `where`, `search` and `sortBy` turned into the
catalogue's own selectors, then paged."""

from collections.abc import Iterator
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from catalogue.graphql.dataloaders import PRODUCT, SELLER, CategoryTree
from catalogue.models import CollectionProduct, Product
from catalogue.search import (
    products_search_close,
    products_search_source,
    products_search_words,
    search_source,
)
from catalogue.selectors import category_subtree_ids, products_filter, products_for_sale, today
from shop.compiled_reads import Placeholder
from shop.graphql.core.channel import channel_check
from shop.graphql.core.connections import ConnectionValue, connection_page
from shop.graphql.core.dataloaders import METADATA_COLUMNS
from shop.graphql.core.errors import api_error
from shop.graphql.core.ids import pk_from_global_id
from shop.graphql.core.metadata_filters import metadata_filters_of, metadata_narrow
from shop.graphql.core.ranked import RankedRead
from shop.graphql.core.requested import asks_for_metadata, requested_names
from shop.graphql.core.translations import language_of

# A product's fields of the API that read a related row -> the relation
RELATED = {"category": "category", "producer": "seller", "productType": "product_type"}
# Columns of a product that no field of the API reads (its food information and flags)
UNREAD = (
    "ingredients",
    "net_quantity",
    "storage",
    "origin",
    "nutrition",
    "allergens",
    "is_perishable",
    "is_chilled",
    "is_alcohol",
    "alcohol_by_volume",
    "is_withdrawal_excluded",
)
# Saleor's sort fields -> the catalogue's sorts (ascending, descending)
SORTS = {
    "NAME": ("name", "name"),
    "PRICE": ("price_asc", "price_desc"),
    "MINIMAL_PRICE": ("price_asc", "price_desc"),
    "CREATED_AT": ("newest", "newest"),
    "DATE": ("newest", "newest"),
    "PUBLISHED_AT": ("newest", "newest"),
    "PUBLICATION_DATE": ("newest", "newest"),
    "LAST_MODIFIED_AT": ("newest", "newest"),
    "LAST_MODIFIED": ("newest", "newest"),
    "RANK": ("", ""),
    "COLLECTION": ("", ""),
}


def _value(enum_member) -> str | None:
    return getattr(enum_member, "value", enum_member)


def _ids(values, type_name: str) -> list[int]:
    found = [pk_from_global_id(value, type_name) for value in values or ()]
    return [pk for pk in found if pk is not None]


def _global_id_filter(condition, type_name: str) -> list[int] | None:
    """The ids of a GlobalIDFilterInput ({eq} or {oneOf}); None when absent."""
    if not condition:
        return None
    values = [condition.get("eq")] if condition.get("eq") else condition.get("one_of") or []
    return _ids(values, type_name)


def _subtree(info, category_ids: list[int]) -> set[int]:
    tree = info.context.loaders.get(CategoryTree).categories()
    by_id = {category.pk: category for category in tree}
    found: set[int] = set()
    for pk in category_ids:
        if pk in by_id:
            found |= category_subtree_ids(categories=tree, root=by_id[pk])
    return found


def _narrow(info, products: QuerySet[Product], conditions: dict) -> QuerySet[Product]:
    """Apply the conditions shared by `filter` and `where` (collected as plain values)."""
    if conditions.get("ids") is not None:
        products = products.filter(pk__in=conditions["ids"])
    if conditions.get("slugs") is not None:
        products = products.filter(slug__in=conditions["slugs"])
    if conditions.get("categories") is not None:
        products = products.filter(category_id__in=_subtree(info, conditions["categories"]))
    if conditions.get("collections") is not None:
        # a condition on each product (no join): a product in two of them is listed once
        in_collections = CollectionProduct.objects.filter(
            product=OuterRef("pk"), collection_id__in=conditions["collections"]
        )
        products = products.filter(Exists(in_collections))
    if conditions.get("name"):
        products = products.filter(name__in=conditions["name"])
    products = metadata_narrow(products, conditions.get("metadata"))
    price = conditions.get("price") or {}
    return products_filter(
        products=products,
        signs=conditions.get("signs") or (),
        seller=conditions.get("producer"),
        price_min=price.get("gte"),
        price_max=price.get("lte"),
        in_stock=_value(conditions.get("stock_availability")) == "IN_STOCK",
    )


# Conditions that narrow nothing when empty (`_narrow`); an empty list of collections, say,
# finds nothing.
_EMPTY_NARROWS_NOTHING = frozenset({"price", "metadata", "signs", "name"})


def _no_condition(name: str, value) -> bool:
    """Whether the condition `name` leaves the products as they are."""
    return value is None or (name in _EMPTY_NARROWS_NOTHING and not value)


def _from_filter(product_filter) -> dict:
    if not product_filter:
        return {}
    price = product_filter.get("price") or product_filter.get("minimal_price") or {}
    return {
        "ids": _ids(product_filter["ids"], "Product") if product_filter.get("ids") else None,
        "slugs": product_filter.get("slugs"),
        "categories": _ids(product_filter.get("categories"), "Category")
        if product_filter.get("categories") is not None
        else None,
        "collections": _ids(product_filter.get("collections"), "Collection")
        if product_filter.get("collections") is not None
        else None,
        "price": {key: Decimal(str(value)) for key, value in price.items() if value is not None},
        "stock_availability": product_filter.get("stock_availability"),
        "signs": product_filter.get("signs"),
        "producer": product_filter.get("producer"),
        "search": product_filter.get("search"),
    }


def _from_where(where) -> dict:
    if not where:
        return {}
    if where.get("and_") or where.get("or_"):
        raise api_error(_("AND and OR are not supported in product filters yet."), "INVALID")
    price = where.get("price") or where.get("minimal_price") or {}
    if price.get("eq") is not None:
        price = {"gte": price["eq"], "lte": price["eq"]}
    price = price.get("range", price)
    slug, name = where.get("slug") or {}, where.get("name") or {}
    return {
        "ids": _ids(where["ids"], "Product") if where.get("ids") else None,
        "slugs": [slug["eq"]] if slug.get("eq") else slug.get("one_of"),
        "name": [name["eq"]] if name.get("eq") else name.get("one_of"),
        "categories": _global_id_filter(where.get("category"), "Category"),
        "collections": _global_id_filter(where.get("collection"), "Collection"),
        "price": {key: price[key] for key in ("gte", "lte") if price.get(key) is not None},
        "stock_availability": where.get("stock_availability"),
        "signs": where.get("signs"),
        "producer": where.get("producer"),
    }


def _sorted(products: QuerySet[Product], sort_by, searched: bool) -> QuerySet[Product]:
    if not sort_by:
        return products if searched else products.order_by("-created_at", "id")
    field = _value(sort_by.get("field")) or "NAME"
    if field not in SORTS:
        raise api_error(_("Products cannot be sorted by %(field)s.") % {"field": field}, "INVALID")
    descending = _value(sort_by.get("direction")) == "DESC"
    sort = SORTS[field][1 if descending else 0]
    if not sort:
        return products if searched else products.order_by("-created_at", "id")
    products = products_filter(products=products, sort=sort)
    # The catalogue sorts names A to Z and dates newest first: the other ways are reversed.
    reverse = not descending if sort == "newest" else descending and sort == "name"
    return products.reverse() if reverse else products


def _fields_read(info) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The relations to select and the columns to leave unread for the operation's fields: a
    product list's rows cost more to build than to query."""
    asked = requested_names(info)
    related = tuple(name for field, name in RELATED.items() if field in asked)
    unread = UNREAD
    if not asks_for_metadata(info):
        # the product's and its category's (the other related rows carry none)
        holders = ["", *(["category__"] if "category" in related else [])]
        unread += tuple(f"{holder}{column}" for holder in holders for column in METADATA_COLUMNS)
    return related, unread


def _with_fields(
    products: QuerySet[Product], fields: tuple[tuple[str, ...], tuple[str, ...]]
) -> QuerySet[Product]:
    related, unread = fields
    return (products.select_related(*related) if related else products).defer(*unread)


def _sort_shape(sort_by) -> tuple | None:
    if not sort_by:
        return None
    return _value(sort_by.get("field")), _value(sort_by.get("direction"))


def _words_read(info, search: str, sort_by, language: str) -> RankedRead | QuerySet[Product]:
    """A search with no other condition, the products holding its words: a RankedRead, its
    statement compiled once per language, sort and fields read (see `ranked_rows`)."""
    source = search_source(query=search)
    if source is None:
        return Product.objects.none()
    fields = _fields_read(info)

    def build(source: str, day) -> QuerySet[Product]:
        found = products_search_source(source=source, language=language, on=day)
        return _with_fields(_sorted(found, sort_by, searched=True), fields)

    return RankedRead(
        shape=("products holding the words", language, _sort_shape(sort_by), fields),
        build=build,
        values={"source": source, "day": today()},
        placeholders={"source": Placeholder.text, "day": Placeholder.day},
    )


def _bases(
    info, products: QuerySet[Product] | None, search: str | None, *, plain: bool, sort_by
) -> Iterator[QuerySet | RankedRead]:
    """The products to page through, in the order they are tried: for a search, those holding
    its words, then (made only when these find none) those spelled close to them. `plain`: no
    condition narrows them (a RankedRead of the words can then be made)."""
    if not search:
        yield products_for_sale() if products is None else products
        return
    language = language_of(info.context.request.LANGUAGE_CODE or "fr")
    if plain and products is None:
        yield _words_read(info, search, sort_by, language)
    else:
        found = products_search_words(query=search, language=language)
        yield found if products is None else found.filter(pk__in=products.values("pk"))
    found = products_search_close(query=search, language=language)
    yield found if products is None else found.filter(pk__in=products.values("pk"))


def products_page(
    info,
    *,
    products: QuerySet[Product] | None = None,
    filter=None,
    where=None,
    search: str | None = None,
    sort_by=None,
    channel: str | None = None,
    **page,
) -> ConnectionValue:
    """A page of products for sale, filtered, searched and sorted as asked; the page's products
    and sellers are announced to the loaders. A search whose words find nothing among the
    products asked for finds their close spellings instead."""
    channel_check(channel)
    conditions = {**_from_filter(filter), **{k: v for k, v in _from_where(where).items() if v}}
    conditions["metadata"] = metadata_filters_of(filter, where)
    search = search or conditions.pop("search", None)
    plain = all(_no_condition(name, value) for name, value in conditions.items())
    for base in _bases(info, products, search, plain=plain, sort_by=sort_by):
        if isinstance(base, RankedRead):
            result = connection_page(base, **page)
        else:
            narrowed = _narrow(info, base, conditions)
            ordered = _sorted(narrowed, sort_by, searched=bool(search))
            fields = _with_fields(ordered, _fields_read(info))
            result = connection_page(fields, ranked=bool(search), **page)
        if result.edges or result.total_count:
            break
    nodes = result.nodes
    info.context.loaders.announce(PRODUCT, (product.pk for product in nodes))
    info.context.loaders.announce(SELLER, (product.seller_id for product in nodes))
    return result
