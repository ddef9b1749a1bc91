import graphene

from shop.graphql.core.deprecation import DEPRECATED


class AttributeInputTypeEnum(graphene.Enum):
    DROPDOWN = "DROPDOWN"
    MULTISELECT = "MULTISELECT"
    FILE = "FILE"
    REFERENCE = "REFERENCE"
    SINGLE_REFERENCE = "SINGLE_REFERENCE"
    NUMERIC = "NUMERIC"
    RICH_TEXT = "RICH_TEXT"
    PLAIN_TEXT = "PLAIN_TEXT"
    SWATCH = "SWATCH"
    BOOLEAN = "BOOLEAN"
    DATE = "DATE"
    DATE_TIME = "DATE_TIME"


class CategorySortField(graphene.Enum):
    NAME = "NAME"
    PRODUCT_COUNT = "PRODUCT_COUNT"
    SUBCATEGORY_COUNT = "SUBCATEGORY_COUNT"


class CollectionSortField(graphene.Enum):
    NAME = "NAME"
    AVAILABILITY = "AVAILABILITY"
    PRODUCT_COUNT = "PRODUCT_COUNT"
    PUBLICATION_DATE = "PUBLICATION_DATE"
    PUBLISHED_AT = "PUBLISHED_AT"


class MediaChoicesSortField(graphene.Enum):
    ID = "ID"


class ProductMediaType(graphene.Enum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductOrderField(graphene.Enum):
    NAME = "NAME"
    RANK = "RANK"
    PRICE = "PRICE"
    MINIMAL_PRICE = "MINIMAL_PRICE"
    LAST_MODIFIED = "LAST_MODIFIED"
    DATE = "DATE"
    TYPE = "TYPE"
    PUBLISHED = "PUBLISHED"
    PUBLICATION_DATE = "PUBLICATION_DATE"
    PUBLISHED_AT = "PUBLISHED_AT"
    LAST_MODIFIED_AT = "LAST_MODIFIED_AT"
    COLLECTION = "COLLECTION"
    RATING = "RATING"
    CREATED_AT = "CREATED_AT"


class ProductVariantSortField(graphene.Enum):
    LAST_MODIFIED_AT = "LAST_MODIFIED_AT"


class StockAvailability(graphene.Enum):
    IN_STOCK = "IN_STOCK"
    OUT_OF_STOCK = "OUT_OF_STOCK"


class VariantAttributeScope(graphene.Enum):
    ALL = "ALL"
    VARIANT_SELECTION = "VARIANT_SELECTION"
    NOT_VARIANT_SELECTION = "NOT_VARIANT_SELECTION"


class AttributeChoicesSortField(graphene.Enum):
    NAME = "NAME"
    SLUG = "SLUG"


class AttributeEntityTypeEnum(graphene.Enum):
    PAGE = "PAGE"
    PRODUCT = "PRODUCT"
    PRODUCT_VARIANT = "PRODUCT_VARIANT"
    CATEGORY = "CATEGORY"
    COLLECTION = "COLLECTION"


class AttributeSortField(graphene.Enum):
    NAME = "NAME"
    SLUG = "SLUG"
    VALUE_REQUIRED = "VALUE_REQUIRED"
    IS_VARIANT_ONLY = "IS_VARIANT_ONLY"
    VISIBLE_IN_STOREFRONT = "VISIBLE_IN_STOREFRONT"
    FILTERABLE_IN_STOREFRONT = "FILTERABLE_IN_STOREFRONT"
    FILTERABLE_IN_DASHBOARD = "FILTERABLE_IN_DASHBOARD"
    STOREFRONT_SEARCH_POSITION = "STOREFRONT_SEARCH_POSITION"
    AVAILABLE_IN_GRID = "AVAILABLE_IN_GRID"

    @property
    def deprecation_reason(self) -> str | None:
        return DEPRECATED if self.name in DEPRECATED_ATTRIBUTE_SORTS else None


DEPRECATED_ATTRIBUTE_SORTS = (
    "FILTERABLE_IN_STOREFRONT",
    "FILTERABLE_IN_DASHBOARD",
    "STOREFRONT_SEARCH_POSITION",
    "AVAILABLE_IN_GRID",
)


class AttributeTypeEnum(graphene.Enum):
    PRODUCT_TYPE = "PRODUCT_TYPE"
    PAGE_TYPE = "PAGE_TYPE"
    CUSTOMER_TYPE = "CUSTOMER_TYPE"


MEASUREMENT_UNITS = [
    "MM",
    "CM",
    "DM",
    "M",
    "KM",
    "FT",
    "YD",
    "INCH",
    "SQ_MM",
    "SQ_CM",
    "SQ_DM",
    "SQ_M",
    "SQ_KM",
    "SQ_FT",
    "SQ_YD",
    "SQ_INCH",
    "CUBIC_MILLIMETER",
    "CUBIC_CENTIMETER",
    "CUBIC_DECIMETER",
    "CUBIC_METER",
    "LITER",
    "CUBIC_FOOT",
    "CUBIC_INCH",
    "CUBIC_YARD",
    "QT",
    "PINT",
    "FL_OZ",
    "ACRE_IN",
    "ACRE_FT",
    "G",
    "LB",
    "OZ",
    "KG",
    "TONNE",
]

MeasurementUnitsEnum = graphene.Enum(
    "MeasurementUnitsEnum", [(unit, unit) for unit in MEASUREMENT_UNITS]
)


class ProductTypeKindEnum(graphene.Enum):
    NORMAL = "NORMAL"
    GIFT_CARD = "GIFT_CARD"
