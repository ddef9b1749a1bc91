"""Menus as Saleor's storefront reads them, made from our own navigation: the "navbar" menu is
the category tree (two levels), the "footer" menu the published collections."""

from dataclasses import dataclass, field

from catalogue.graphql.dataloaders import CategoryTree
from catalogue.models import Category, Collection
from shop.graphql.core.ids import to_global_id

NAVBAR = "navbar"
FOOTER = "footer"
MENU_NAMES = {NAVBAR: "Navbar", FOOTER: "Footer"}


@dataclass
class MenuItemValue:
    id: str
    name: str
    level: int
    translatable: Category | Collection
    category: Category | None = None
    collection: Collection | None = None
    page: None = None
    url: None = None
    children: list["MenuItemValue"] = field(default_factory=list)


@dataclass
class MenuValue:
    id: str
    name: str
    slug: str
    items: list[MenuItemValue]


def _category_item(category: Category, level: int, tree: list[Category]) -> MenuItemValue:
    item = MenuItemValue(
        id=to_global_id("MenuItem", f"category-{category.pk}"),
        name=category.name,
        level=level,
        translatable=category,
        category=category,
    )
    if level == 0:
        item.children = [
            _category_item(child, 1, tree) for child in tree if child.parent_id == category.pk
        ]
    return item


def menu_of(info, slug: str) -> MenuValue | None:
    """The menu called `slug`, or None for a menu the shop does not have."""
    if slug == NAVBAR:
        tree = info.context.loaders.get(CategoryTree).categories()
        items = [_category_item(item, 0, tree) for item in tree if item.parent_id is None]
    elif slug == FOOTER:
        collections = Collection.objects.filter(is_published=True).order_by("name", "id")
        items = [
            MenuItemValue(
                id=to_global_id("MenuItem", f"collection-{collection.pk}"),
                name=collection.name,
                level=0,
                translatable=collection,
                collection=collection,
            )
            for collection in collections
        ]
    else:
        return None
    return MenuValue(id=to_global_id("Menu", slug), name=MENU_NAMES[slug], slug=slug, items=items)
