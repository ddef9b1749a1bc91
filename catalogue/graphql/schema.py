import graphene

from shop.graphql.core.deprecation import DEPRECATED


class CatalogueQueries(graphene.ObjectType):
    categories = graphene.Field(
        "catalogue.graphql.types.CategoryCountableConnection",
        filter=graphene.Argument("catalogue.graphql.inputs.CategoryFilterInput"),
        where=graphene.Argument("catalogue.graphql.inputs.CategoryWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.CategorySortingInput"),
        level=graphene.Int(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    category = graphene.Field(
        "catalogue.graphql.types.Category",
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum"),
    )
    collection = graphene.Field(
        "catalogue.graphql.types.Collection",
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum"),
        channel=graphene.String(),
    )
    collections = graphene.Field(
        "catalogue.graphql.types.CollectionCountableConnection",
        filter=graphene.Argument("catalogue.graphql.inputs.CollectionFilterInput"),
        where=graphene.Argument("catalogue.graphql.inputs.CollectionWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.CollectionSortingInput"),
        channel=graphene.String(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    product = graphene.Field(
        "catalogue.graphql.types.Product",
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum"),
        external_reference=graphene.String(),
        channel=graphene.String(),
    )
    products = graphene.Field(
        "catalogue.graphql.types.ProductCountableConnection",
        filter=graphene.Argument(
            "catalogue.graphql.inputs.ProductFilterInput", deprecation_reason=DEPRECATED
        ),
        where=graphene.Argument("catalogue.graphql.inputs.ProductWhereInput"),
        sort_by=graphene.Argument("catalogue.graphql.inputs.ProductOrder"),
        search=graphene.String(),
        channel=graphene.String(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    product_variant = graphene.Field(
        "catalogue.graphql.types.ProductVariant",
        id=graphene.ID(),
        sku=graphene.String(),
        external_reference=graphene.String(),
        channel=graphene.String(),
    )
