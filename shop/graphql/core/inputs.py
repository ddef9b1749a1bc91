import graphene


class ContainsFilterInput(graphene.InputObjectType):
    contains_any = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))
    contains_all = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class CountryCodeEnumFilterInput(graphene.InputObjectType):
    eq = graphene.InputField("shop.graphql.core.enums.CountryCode")
    one_of = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.enums.CountryCode"))
    )
    not_one_of = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.enums.CountryCode"))
    )


class DateRangeInput(graphene.InputObjectType):
    gte = graphene.Date()
    lte = graphene.Date()


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime()
    lte = graphene.DateTime()


class DecimalFilterInput(graphene.InputObjectType):
    eq = graphene.Decimal()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.Decimal)))
    range = graphene.InputField("shop.graphql.core.inputs.DecimalRangeInput")


class DecimalRangeInput(graphene.InputObjectType):
    gte = graphene.Decimal()
    lte = graphene.Decimal()


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.ID)))


class IntFilterInput(graphene.InputObjectType):
    eq = graphene.Int()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.Int)))
    range = graphene.InputField("shop.graphql.core.inputs.IntRangeInput")


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int()
    lte = graphene.Int()


class MetadataFilter(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String()


class MetadataFilterInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.InputField("shop.graphql.core.inputs.MetadataValueFilterInput")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class MetadataValueFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float()
    lte = graphene.Float()


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.String)))


class UUIDFilterInput(graphene.InputObjectType):
    eq = graphene.UUID()
    one_of = graphene.InputField(graphene.List(graphene.NonNull(graphene.UUID)))


class CountryFilterInput(graphene.InputObjectType):
    attached_to_shipping_zones = graphene.Boolean()
