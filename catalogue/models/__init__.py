from catalogue.models.allergens import Allergen
from catalogue.models.category import Category, Collection, CollectionProduct
from catalogue.models.image import ProductImage, ProductThumbnail
from catalogue.models.label import ClaimStatus, LabelClaim, QualitySign, SignKind
from catalogue.models.product import (
    Attribute,
    AttributeValue,
    Product,
    ProductType,
    ProductVariant,
    ReviewStatus,
    VariantAttributeValue,
    VatRate,
)
from catalogue.models.seller import Seller, SellerKind
from catalogue.models.version import CatalogueVersion

__all__ = [
    "Allergen",
    "Attribute",
    "AttributeValue",
    "CatalogueVersion",
    "Category",
    "ClaimStatus",
    "Collection",
    "CollectionProduct",
    "LabelClaim",
    "Product",
    "ProductImage",
    "ProductThumbnail",
    "ProductType",
    "ProductVariant",
    "QualitySign",
    "ReviewStatus",
    "Seller",
    "SellerKind",
    "SignKind",
    "VariantAttributeValue",
    "VatRate",
]
