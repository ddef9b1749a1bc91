"""The catalogue's relations, batched per request (see shop.graphql.core.dataloaders)."""

from collections import defaultdict
from collections.abc import Hashable
from functools import cached_property, partial

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL

from catalogue.graphql.assigned import AssignedChoiceValue
from catalogue.models import (
    Attribute,
    AttributeValue,
    Category,
    CollectionProduct,
    ProductImage,
    ProductThumbnail,
    ProductVariant,
    VariantAttributeValue,
)
from catalogue.selectors import categories_all, claims_in_force
from shop.compiled_reads import CompiledRead, Placeholder, among
from shop.graphql.core.dataloaders import METADATA_COLUMNS, DataLoader, grouped

ATTRIBUTE = "attribute"
PRODUCT = "product"
SELLER = "seller"
VARIANT = "variant"
# A variant's relation to its VariantAttributeValue rows
ASSIGNED = "variantattributevalue"


def _columns(model: type[Model]) -> list[tuple[str, str]]:
    """The model's columns as (field name, attribute name) pairs, in the model's order."""
    return [(field.name, field.attname) for field in model._meta.concrete_fields]


def _thumbnails_column(column: str) -> RawSQL:
    """A photo's thumbnails' `column` as an array in the order of their sizes: a subquery of
    fixed text, so no aggregate (and no grouping by every column of the photo) is built."""
    thumbnails, images = ProductThumbnail._meta.db_table, ProductImage._meta.db_table
    return RawSQL(
        f'ARRAY(SELECT "{thumbnails}"."{column}" FROM "{thumbnails}" '
        f'WHERE "{thumbnails}"."image_id" = "{images}"."id" ORDER BY "{thumbnails}"."size")',
        (),
    )


def _built(
    built: dict[int, Model],
    model: type[Model],
    fields: list[tuple[str, str]],
    values: tuple,
    database: str,
) -> Model:
    """The instance of `model` read as `values` (its columns, the key first), built once."""
    if values[0] not in built:
        names = [attname for _name, attname in fields]
        built[values[0]] = model.from_db(database, names, values)
    return built[values[0]]


class _AssignedValues:
    """Attributes and their values read as columns of rows (the attribute's, then the value's),
    each built once however many variants share it."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.attribute_fields = _columns(Attribute)
        self.value_fields = _columns(AttributeValue)
        self._attributes: dict[int, Attribute] = {}
        self._values: dict[int, AttributeValue] = {}

    def lookups(self, through: str = "") -> list[str]:
        """The columns to read, from a VariantAttributeValue or `through` a relation to one."""
        prefix = f"{through}__" if through else ""
        return [
            *(f"{prefix}attribute__{name}" for name, _attname in self.attribute_fields),
            *(f"{prefix}value__{name}" for name, _attname in self.value_fields),
        ]

    def read(self, columns: tuple) -> AssignedChoiceValue:
        split = len(self.attribute_fields)
        fields = self.attribute_fields, self.value_fields
        attribute = _built(self._attributes, Attribute, fields[0], columns[:split], self.database)
        value = _built(self._values, AttributeValue, fields[1], columns[split:], self.database)
        return AssignedChoiceValue(attribute=attribute, value=value)


def _variant_fields(metadata: bool) -> list[tuple[str, str]]:
    return [
        (name, attname)
        for name, attname in _columns(ProductVariant)
        if metadata or name not in METADATA_COLUMNS
    ]


def _variants_with_attributes(keys: list, *, metadata: bool) -> QuerySet:
    """The products' variants in their order, a row per variant and attribute."""
    rows = ProductVariant.objects.filter(among(ProductVariant, "product", keys)).order_by(
        "product_id",
        "position",
        "id",
        f"{ASSIGNED}__attribute__name",
        f"{ASSIGNED}__attribute_id",
    )
    names = (name for name, _attname in _variant_fields(metadata))
    return rows.values_list(*names, *_AssignedValues(DEFAULT_DB_ALIAS).lookups(ASSIGNED))


def _shown_images(keys: list, *, metadata: bool) -> QuerySet:
    """The products' published photos in their order, with their thumbnails' sizes and files."""
    images = ProductImage.objects.filter(among(ProductImage, "product", keys), is_published=True)
    return (
        (images if metadata else images.defer(*METADATA_COLUMNS))
        .annotate(
            thumbnail_sizes=_thumbnails_column("size"),
            thumbnail_files=_thumbnails_column("file"),
        )
        .order_by("product_id", "position", "id")
    )


# Read for every page of products: compiled once (shop.compiled_reads), with or without the
# metadata.
_VARIANTS_WITH_ATTRIBUTES = {
    metadata: CompiledRead(
        partial(_variants_with_attributes, metadata=metadata), keys=Placeholder.keys
    )
    for metadata in (False, True)
}
_SHOWN_IMAGES = {
    metadata: CompiledRead(partial(_shown_images, metadata=metadata), keys=Placeholder.keys)
    for metadata in (False, True)
}


class VariantsByProduct(DataLoader):
    """A product's variants in their order, each with its attributes and values read in the
    same query (a row per variant and attribute) and handed to AttributesByVariant."""

    kind, default = PRODUCT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        fields = _variant_fields(self.loaders.metadata)
        assigned = _AssignedValues(DEFAULT_DB_ALIAS)
        rows = _VARIANTS_WITH_ATTRIBUTES[self.loaders.metadata].all(keys=list(keys))
        variants: dict[int, ProductVariant] = {}
        attributes: dict[Hashable, list[AssignedChoiceValue]] = defaultdict(list)
        for row in rows:
            variant = _built(variants, ProductVariant, fields, row[: len(fields)], DEFAULT_DB_ALIAS)
            if row[len(fields)] is not None:
                attributes[variant.pk].append(assigned.read(row[len(fields) :]))
        loader = self.loaders.get(AttributesByVariant)
        for pk in variants:
            loader.prime(pk, attributes[pk])
        return grouped(variants.values(), "product_id")


class ImagesByProduct(DataLoader):
    """Photos shoppers see (not those waiting for a chamber) in their order, each with its
    thumbnails as (size, file name) pairs in `sized_thumbnails`: one query, and no model built
    for the thumbnails, of which a page shows one per photo."""

    kind, default = PRODUCT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        images = _SHOWN_IMAGES[self.loaders.metadata].all(keys=list(keys))
        for image in images:
            image.sized_thumbnails = list(
                zip(image.thumbnail_sizes, image.thumbnail_files, strict=True)
            )
        return grouped(images, "product_id")


class ClaimsByProduct(DataLoader):
    """The product's own claims in force, with their sign, in the signs' order."""

    kind, default = PRODUCT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        claims = (
            claims_in_force()
            .filter(product_id__in=keys)
            .select_related("sign")
            .order_by("sign__position", "sign__name")
        )
        return grouped(claims, "product_id")


class ClaimsBySeller(DataLoader):
    """The seller's own claims in force (craft titles, state labels), with their sign."""

    kind, default = SELLER, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        claims = (
            claims_in_force()
            .filter(seller_id__in=keys, product__isnull=True)
            .select_related("sign")
            .order_by("sign__position", "sign__name")
        )
        return grouped(claims, "seller_id")


class AttributesByVariant(DataLoader):
    """A variant's attributes, each with its value, in the attributes' order: one query, and
    each attribute and value built once however many variants share it."""

    kind, default = VARIANT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        rows = VariantAttributeValue.objects.filter(variant_id__in=keys).order_by(
            "variant_id", "attribute__name", "attribute_id"
        )
        assigned = _AssignedValues(rows.db)
        rows = rows.values_list("variant_id", *assigned.lookups())
        found: dict[Hashable, list[AssignedChoiceValue]] = defaultdict(list)
        for row in rows:
            found[row[0]].append(assigned.read(row[1:]))
        return found


class ValuesByAttribute(DataLoader):
    """An attribute's values (its choices), in their order."""

    kind, default = ATTRIBUTE, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        values = AttributeValue.objects.filter(attribute_id__in=keys).order_by(
            "attribute_id", "position", "name", "id"
        )
        return grouped(values, "attribute_id")


class CollectionsByProduct(DataLoader):
    """The published collections a product is in."""

    kind, default = PRODUCT, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        rows = CollectionProduct.objects.filter(
            product_id__in=keys, collection__is_published=True
        ).select_related("collection")
        return {
            key: [row.collection for row in rows_of_key]
            for key, rows_of_key in grouped(rows, "product_id").items()
        }


class CategoryTree(DataLoader):
    """Every category, read once per request: levels, parents and children come from it."""

    kind = "category-tree"

    @cached_property
    def _by_id(self) -> dict[int, Category]:
        return {category.pk: category for category in self.categories()}

    def batch_load(self, keys: list[Hashable]) -> dict:
        return {key: categories_all() for key in keys}

    def categories(self) -> list[Category]:
        return self.load("all")

    def by_id(self) -> dict[int, Category]:
        return self._by_id

    def level(self, category: Category) -> int:
        by_id, level = self.by_id(), 0
        current = by_id.get(category.parent_id)
        while current is not None and level < len(by_id):
            level += 1
            current = by_id.get(current.parent_id)
        return level


class VariantById(DataLoader):
    """Variants with their product, seller, category and type (for order and cart lines)."""

    kind = VARIANT

    def batch_load(self, keys: list[Hashable]) -> dict:
        variants = ProductVariant.objects.filter(pk__in=keys).select_related(
            "product__seller", "product__category", "product__product_type"
        )
        return {variant.pk: variant for variant in variants}
