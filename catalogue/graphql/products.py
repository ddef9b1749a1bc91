"""Products as Saleor's storefront reads them, plus our extensions: the producer and the
quality signs in force."""

from dataclasses import dataclass

import graphene

from catalogue.graphql.dataloaders import (
    ClaimsByProduct,
    CollectionsByProduct,
    ImagesByProduct,
)
from catalogue.graphql.described import (
    DescribedPage,
    DescribedTranslation,
    described_translation,
)
from catalogue.graphql.images import image_url
from catalogue.graphql.variants import (
    LANGUAGE_ARGUMENT,
    ProductMedia,
    ProductType,
    ProductVariant,
    image_arguments,
    language_display,
    page_arguments,
    variants_of,
)
from catalogue.models import VatRate
from shop.graphql.core.channel import CHANNEL_SLUG
from shop.graphql.core.connections import connection_page, countable_connection
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.metadata_filters import metadata_narrow
from shop.graphql.core.money import TaxedMoneyRangeValue, taxed_money
from shop.graphql.core.taxes import tax_class_of


@dataclass(frozen=True)
class ImageValue:
    url: str
    alt: str


@dataclass(frozen=True)
class PricingValue:
    price_range: TaxedMoneyRangeValue | None
    price_range_undiscounted: TaxedMoneyRangeValue | None
    on_sale: bool = False
    discount: None = None
    display_gross_prices: bool = True


class Product(DescribedPage):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    assigned_attribute = graphene.Field(
        "catalogue.graphql.assigned.AssignedAttribute", slug=graphene.String(required=True)
    )
    assigned_attributes = graphene.List(
        graphene.NonNull("catalogue.graphql.assigned.AssignedAttribute"),
        limit=graphene.Argument("shop.graphql.core.scalars.PositiveInt", default_value=100),
        required=True,
    )
    product_type = graphene.Field(ProductType, required=True)
    category = graphene.Field("catalogue.graphql.categories.Category")
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    default_variant = graphene.Field(ProductVariant)
    channel = graphene.String()
    thumbnail = graphene.Field("shop.graphql.core.types.Image", **image_arguments())
    pricing = graphene.Field("catalogue.graphql.variants.ProductPricingInfo")
    is_available = graphene.Boolean()
    variants = graphene.List(graphene.NonNull(ProductVariant), deprecation_reason=DEPRECATED)
    product_variants = graphene.Field(
        "catalogue.graphql.variants.ProductVariantCountableConnection",
        where=graphene.Argument("catalogue.graphql.inputs.ProductVariantWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductVariantSortingInput"),
        **page_arguments(),
    )
    media = graphene.List(
        graphene.NonNull(ProductMedia),
        sort_by=graphene.Argument("catalogue.graphql.inputs.MediaSortingInput"),
    )
    collections = graphene.List(graphene.NonNull("catalogue.graphql.categories.Collection"))
    translation = graphene.Field(
        "catalogue.graphql.variants.ProductTranslation", language_code=LANGUAGE_ARGUMENT
    )
    is_available_for_purchase = graphene.Boolean()
    available_for_purchase_at = graphene.DateTime()
    rating = graphene.Float()
    weight = graphene.Field(
        "shop.graphql.core.types.Weight",
        description="The weight every variant of the product ships at; null when they differ.",
    )
    attributes = graphene.List(
        graphene.NonNull("catalogue.graphql.attributes.SelectedAttribute"),
        required=True,
        deprecation_reason=DEPRECATED,
    )
    producer = graphene.Field(
        "catalogue.graphql.sellers.Producer",
        required=True,
        description="Who makes and sells the product: a producer of the Lot, or the programme.",
    )
    signs = graphene.List(
        graphene.NonNull("catalogue.graphql.sellers.SignInForce"),
        required=True,
        description="The quality signs in force on the product, each with its proof's details.",
    )
    tax_class = graphene.Field(
        "shop.graphql.core.taxes.TaxClass", description="The VAT rate the product sells at."
    )

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Product", root.pk)

    @staticmethod
    def resolve_assigned_attribute(root, info, slug) -> None:
        return None  # our attributes belong to variants

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=None) -> list:
        return []

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_default_variant(root, info):
        variants = variants_of(info, root)
        return variants[0] if variants else None

    @staticmethod
    def resolve_channel(root, info) -> str:
        return CHANNEL_SLUG

    @staticmethod
    def resolve_thumbnail(root, info, size=None, format=None) -> ImageValue | None:
        images = info.context.loaders.get(ImagesByProduct).load(root.pk)
        if not images:
            return None
        image = images[0]
        return ImageValue(url=image_url(info, image, size), alt=image.translated("alt"))

    @staticmethod
    def resolve_pricing(root, info) -> PricingValue:
        variants = variants_of(info, root)
        prices = [variant.price for variant in variants]
        price_range = (
            TaxedMoneyRangeValue(
                start=taxed_money(min(prices), root.vat_percent),
                stop=taxed_money(max(prices), root.vat_percent),
            )
            if prices
            else None
        )
        return PricingValue(price_range=price_range, price_range_undiscounted=price_range)

    @staticmethod
    def resolve_is_available(root, info) -> bool:
        return any(variant.stock_quantity > 0 for variant in variants_of(info, root))

    @staticmethod
    def resolve_variants(root, info) -> list:
        return variants_of(info, root)

    @staticmethod
    def resolve_product_variants(root, info, where=None, sort_by=None, **page):
        variants = metadata_narrow(variants_of(info, root), (where or {}).get("metadata"))
        return connection_page(variants, **page)

    @staticmethod
    def resolve_media(root, info, sort_by=None) -> list:
        return info.context.loaders.get(ImagesByProduct).load(root.pk)

    @staticmethod
    def resolve_collections(root, info) -> list:
        return info.context.loaders.get(CollectionsByProduct).load(root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code) -> DescribedTranslation | None:
        translation = described_translation(root, language_code)
        if translation is not None:
            translation.language = language_display(language_code)
        return translation

    @staticmethod
    def resolve_is_available_for_purchase(root, info) -> bool:
        return True  # the API lists only products for sale

    @staticmethod
    def resolve_available_for_purchase_at(root, info):
        return root.brand_approved_at or root.created_at

    @staticmethod
    def resolve_rating(root, info) -> None:
        return None  # the shop has no reviews

    @staticmethod
    def resolve_weight(root, info) -> dict | None:
        weights = {variant.weight_grams for variant in variants_of(info, root)}
        return {"unit": "G", "value": weights.pop()} if len(weights) == 1 else None

    @staticmethod
    def resolve_attributes(root, info) -> list:
        return []  # our attributes belong to variants

    @staticmethod
    def resolve_producer(root, info):
        return root.seller

    @staticmethod
    def resolve_signs(root, info) -> list:
        return info.context.loaders.get(ClaimsByProduct).load(root.pk)

    @staticmethod
    def resolve_tax_class(root, info) -> VatRate | None:
        return tax_class_of(root.vat_rate)


ProductCountableConnection = countable_connection(Product, "Product")
