import graphene

from shop.checkout.graphql.warehouses import pickup_warehouses
from shop.graphql.core.ids import to_global_id
from shop.graphql.core.interfaces import ObjectWithMetadata
from shop.graphql.core.mutations import error_type
from shop.graphql.core.places import country_display

WEIGHT_UNITS = ("G", "LB", "OZ", "KG", "TONNE")


class Channel(graphene.ObjectType):
    class Meta:
        interfaces = (ObjectWithMetadata,)

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    currency_code = graphene.String(required=True)
    default_country = graphene.Field(lambda: CountryDisplay, required=True)
    warehouses = graphene.List(
        graphene.NonNull("shop.checkout.graphql.warehouses.Warehouse"),
        required=True,
        description="The producers' pickup places.",
    )
    countries = graphene.Field(graphene.List(graphene.NonNull(lambda: CountryDisplay)))
    stock_settings = graphene.Field(lambda: StockSettings, required=True)
    checkout_settings = graphene.Field(lambda: CheckoutSettings, required=True)

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Channel", root.slug)

    @staticmethod
    def resolve_warehouses(root, info) -> list:
        return pickup_warehouses(info)

    @staticmethod
    def resolve_stock_settings(root, info) -> dict:
        # Each variant has a single stock, at its producer's: there is nothing to choose from.
        return {"allocation_strategy": "PRIORITIZE_SORTING_ORDER"}

    @staticmethod
    def resolve_checkout_settings(root, info) -> dict:
        return {
            # A line beyond the stock is refused with an error, not kept as a problem.
            "use_legacy_error_flow": True,
            # Paying a checkout places its order (transactionInitialize): none stays paid.
            "automatically_complete_fully_paid_checkouts": True,
            "automatic_completion_delay": 0,
            "automatic_completion_cut_off_date": None,
            "allow_legacy_gift_card_use": False,
        }


class CheckoutSettings(graphene.ObjectType):
    use_legacy_error_flow = graphene.Boolean(required=True)
    automatically_complete_fully_paid_checkouts = graphene.Boolean(required=True)
    automatic_completion_delay = graphene.Field("shop.graphql.core.scalars.Minute")
    automatic_completion_cut_off_date = graphene.DateTime()
    allow_legacy_gift_card_use = graphene.Boolean(required=True)

    @staticmethod
    def resolve_default_country(root, info) -> dict:
        return country_display(root.default_country_code)

    @staticmethod
    def resolve_countries(root, info) -> list[dict]:
        return [country_display(code) for code in root.country_codes]


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True)
    country = graphene.String(required=True)


class Domain(graphene.ObjectType):
    host = graphene.String(required=True)
    ssl_enabled = graphene.Boolean(required=True)
    url = graphene.String(required=True)


class File(graphene.ObjectType):
    url = graphene.String(required=True)


class Image(graphene.ObjectType):
    url = graphene.String(required=True)
    alt = graphene.String()


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field("shop.graphql.core.enums.LanguageCodeEnum", required=True)
    language = graphene.String(required=True)


MetadataError = error_type("MetadataError", "shop.graphql.core.enums.MetadataErrorCode")


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class Money(graphene.ObjectType):
    currency = graphene.String(required=True)
    amount = graphene.Float(required=True)


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()


class StockSettings(graphene.ObjectType):
    allocation_strategy = graphene.Field(
        "shop.graphql.core.enums.AllocationStrategyEnum", required=True
    )


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True)
    gross = graphene.Field(lambda: Money, required=True)
    net = graphene.Field(lambda: Money, required=True)
    tax = graphene.Field(lambda: Money, required=True)


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(lambda: TaxedMoney)
    stop = graphene.Field(lambda: TaxedMoney)


def _metadata_payload(name: str) -> type[graphene.ObjectType]:
    fields = {
        "errors": graphene.Field(
            graphene.List(graphene.NonNull(lambda: MetadataError)), required=True
        ),
        "item": graphene.Field(lambda: ObjectWithMetadata),
    }
    return type(name, (graphene.ObjectType,), fields)


UpdateMetadata = _metadata_payload("UpdateMetadata")
DeleteMetadata = _metadata_payload("DeleteMetadata")
UpdatePrivateMetadata = _metadata_payload("UpdatePrivateMetadata")
DeletePrivateMetadata = _metadata_payload("DeletePrivateMetadata")


class UserPermission(graphene.ObjectType):
    code = graphene.Field("shop.graphql.core.enums.PermissionEnum", required=True)
    name = graphene.String(required=True)


WeightUnitsEnum = graphene.Enum("WeightUnitsEnum", [(unit, unit) for unit in WEIGHT_UNITS])


class Weight(graphene.ObjectType):
    unit = graphene.Field(WeightUnitsEnum, required=True)
    value = graphene.Float(required=True)
