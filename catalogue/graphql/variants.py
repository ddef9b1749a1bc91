"""Variants, their pictures and the shapes of products, as Saleor's storefront reads them."""

import graphene

from catalogue.graphql.assigned import AssignedChoiceValue
from catalogue.graphql.dataloaders import (
    AttributesByVariant,
    ImagesByProduct,
    VariantsByProduct,
)
from catalogue.graphql.images import image_url
from catalogue.models import Product as ProductModel
from catalogue.models import ProductVariant as VariantModel
from shop.checkout.services import MAX_LINE_QUANTITY
from shop.graphql.core.channel import CHANNEL_SLUG
from shop.graphql.core.connections import countable_connection
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.money import taxed_money
from shop.graphql.core.translations import language_of, translated_fields, translation_id

LANGUAGE_ARGUMENT = graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum", required=True)
THUMBNAIL_FORMAT = "shop.graphql.core.enums.ThumbnailFormatEnum"


def image_arguments() -> dict:
    return {
        "size": graphene.Int(),
        "format": graphene.Argument(THUMBNAIL_FORMAT, default_value="ORIGINAL"),
    }


def page_arguments() -> dict:
    return {
        "before": graphene.String(),
        "after": graphene.String(),
        "first": graphene.Int(),
        "last": graphene.Int(),
    }


class ProductType(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)
    kind = graphene.Field("catalogue.graphql.enums.ProductTypeKindEnum", required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("ProductType", root.pk)

    @staticmethod
    def resolve_is_shipping_required(root, info) -> bool:
        return True  # every product travels to the shopper or waits at the producer's

    @staticmethod
    def resolve_kind(root, info) -> str:
        return "NORMAL"  # the shop sells no gift cards


class ProductMedia(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field("catalogue.graphql.enums.ProductMediaType", required=True)
    url = graphene.String(required=True, **image_arguments())
    product_id = graphene.ID()
    oembed_data = graphene.JSONString(required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("ProductMedia", root.pk)

    @staticmethod
    def resolve_sort_order(root, info) -> int:
        return root.position

    @staticmethod
    def resolve_alt(root, info) -> str:
        return root.translated("alt")

    @staticmethod
    def resolve_type(root, info) -> str:
        return "IMAGE"

    @staticmethod
    def resolve_url(root, info, size=None, format=None) -> str:
        return image_url(info, root, size)

    @staticmethod
    def resolve_product_id(root, info) -> str:
        return to_global_id("Product", root.product_id)

    @staticmethod
    def resolve_oembed_data(root, info) -> dict:
        return {}  # photos only: no embedded video


class ProductTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field("shop.graphql.core.types.LanguageDisplay", required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()
    name = graphene.String()
    description = graphene.JSONString()


class ProductVariantTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field("shop.graphql.core.types.LanguageDisplay", required=True)
    name = graphene.String(required=True)


def language_display(language_code) -> dict:
    return {
        "code": getattr(language_code, "value", language_code),
        "language": language_of(language_code),
    }


def variants_of(info, product: ProductModel) -> list[VariantModel]:
    """The product's variants (batched), each knowing its product without a query."""
    variants = info.context.loaders.get(VariantsByProduct).load(product.pk)
    for variant in variants:
        variant.product = product
    return variants


class ProductPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field("shop.graphql.core.types.TaxedMoney")
    display_gross_prices = graphene.Boolean(required=True)
    price_range = graphene.Field("shop.graphql.core.types.TaxedMoneyRange")
    price_range_undiscounted = graphene.Field("shop.graphql.core.types.TaxedMoneyRange")


class VariantPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field("shop.graphql.core.types.TaxedMoney")
    price = graphene.Field("shop.graphql.core.types.TaxedMoney")
    price_undiscounted = graphene.Field("shop.graphql.core.types.TaxedMoney")


class ProductVariant(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field("catalogue.graphql.products.Product", required=True)
    track_inventory = graphene.Boolean(required=True)
    channel = graphene.String()
    pricing = graphene.Field(lambda: VariantPricingInfo)
    attributes = graphene.Field(
        graphene.List(graphene.NonNull("catalogue.graphql.attributes.SelectedAttribute")),
        variant_selection=graphene.Argument("catalogue.graphql.enums.VariantAttributeScope"),
        required=True,
        deprecation_reason=DEPRECATED,
    )
    media = graphene.List(graphene.NonNull(lambda: ProductMedia))
    translation = graphene.Field(lambda: ProductVariantTranslation, language_code=LANGUAGE_ARGUMENT)
    quantity_available = graphene.Int()
    weight = graphene.Field("shop.graphql.core.types.Weight")
    assigned_attributes = graphene.List(
        graphene.NonNull("catalogue.graphql.assigned.AssignedAttribute"), required=True
    )
    quantity_limit_per_customer = graphene.Int(
        description="The most of this variant one order can hold (one line of the cart)."
    )

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("ProductVariant", root.pk)

    @staticmethod
    def resolve_weight(root, info) -> dict:
        return {"unit": "G", "value": root.weight_grams}

    @staticmethod
    def resolve_name(root, info) -> str:
        return root.name

    @staticmethod
    def resolve_product(root, info) -> ProductModel:
        return root.product

    @staticmethod
    def resolve_track_inventory(root, info) -> bool:
        return True

    @staticmethod
    def resolve_channel(root, info) -> str:
        return CHANNEL_SLUG

    @staticmethod
    def resolve_pricing(root, info) -> dict:
        price = taxed_money(root.price, root.product.vat_percent)
        return {"price": price, "price_undiscounted": price, "on_sale": False}

    @staticmethod
    def resolve_attributes(root, info, variant_selection=None) -> list[dict]:
        rows = info.context.loaders.get(AttributesByVariant).load(root.pk)
        return [{"attribute": row.attribute, "values": [row.value]} for row in rows]

    @staticmethod
    def resolve_assigned_attributes(root, info) -> list[AssignedChoiceValue]:
        return info.context.loaders.get(AttributesByVariant).load(root.pk)

    @staticmethod
    def resolve_quantity_limit_per_customer(root, info) -> int:
        return MAX_LINE_QUANTITY

    @staticmethod
    def resolve_media(root, info) -> list:
        return info.context.loaders.get(ImagesByProduct).load(root.product_id)

    @staticmethod
    def resolve_translation(root, info, language_code) -> dict | None:
        fields = translated_fields(root, language_code)
        if fields is None:
            return None
        return {
            "id": translation_id("ProductVariant", root.pk, language_code),
            "language": language_display(language_code),
            "name": fields["name"] or "",
        }

    @staticmethod
    def resolve_quantity_available(root, info) -> int:
        return max(root.stock_quantity, 0)


ProductVariantCountableConnection = countable_connection(ProductVariant, "ProductVariant")
