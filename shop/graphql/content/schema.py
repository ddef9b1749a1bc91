import graphene

from shop.graphql.content.menus import MENU_NAMES, MenuValue, menu_of
from shop.graphql.content.pages import PageValue, legal_page, legal_pages
from shop.graphql.core.channel import channel_check
from shop.graphql.core.connections import connection_page
from shop.graphql.core.ids import from_global_id
from shop.graphql.core.places import address_rules


class ContentQueries(graphene.ObjectType):
    page = graphene.Field(
        "shop.graphql.content.types.Page",
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument("shop.graphql.core.enums.LanguageCodeEnum"),
        channel=graphene.String(),
    )
    pages = graphene.Field(
        "shop.graphql.content.types.PageCountableConnection",
        sort_by=graphene.Argument("shop.graphql.content.inputs.PageSortingInput"),
        search=graphene.String(),
        where=graphene.Argument("shop.graphql.content.inputs.PageWhereInput"),
        channel=graphene.String(),
        before=graphene.String(),
        after=graphene.String(),
        first=graphene.Int(),
        last=graphene.Int(),
    )
    menu = graphene.Field(
        "shop.graphql.content.types.Menu",
        channel=graphene.String(),
        id=graphene.ID(),
        name=graphene.String(),
        slug=graphene.String(),
    )
    address_validation_rules = graphene.Field(
        "shop.graphql.content.types.AddressValidationData",
        country_code=graphene.Argument("shop.graphql.core.enums.CountryCode", required=True),
        country_area=graphene.String(),
        city=graphene.String(),
        city_area=graphene.String(),
    )

    @staticmethod
    def resolve_menu(root, info, channel=None, id=None, name=None, slug=None) -> MenuValue | None:
        channel_check(channel)
        if slug is None and name is not None:
            slug = next((key for key, value in MENU_NAMES.items() if value == name), None)
        if slug is None and id is not None:
            slug = from_global_id(id, "Menu")
        return menu_of(info, slug) if slug else None

    @staticmethod
    def resolve_page(root, info, id=None, slug=None, **_unused) -> PageValue | None:
        return legal_page(slug if slug is not None else from_global_id(id, "Page"))

    @staticmethod
    def resolve_pages(root, info, where=None, search=None, sort_by=None, channel=None, **page):
        channel_check(channel)
        pages = legal_pages()
        slugs = (where or {}).get("slug") or {}
        wanted = [slugs["eq"]] if slugs.get("eq") else slugs.get("one_of")
        if wanted is not None:
            pages = [item for item in pages if item.slug in wanted]
        if search:
            pages = [item for item in pages if search.casefold() in str(item.title).casefold()]
        return connection_page(pages, **page)

    @staticmethod
    def resolve_address_validation_rules(root, info, country_code, **_unused) -> dict | None:
        return address_rules(getattr(country_code, "value", country_code))
