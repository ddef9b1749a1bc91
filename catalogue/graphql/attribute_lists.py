"""The `attributes` query and an attribute's `choices`: Saleor's filters over our attributes.

Our attributes are the axes our variants differ by, attached to product types: each is a
dropdown of choices, optional on a variant, shown to shoppers, without unit or entity type.
A condition on what they all are matches them all; one on what none is matches none.
"""

from collections.abc import Callable
from functools import reduce
from operator import and_, or_

import graphene
from django.db.models import Q, QuerySet

from catalogue.graphql.dataloaders import ATTRIBUTE, CategoryTree, ValuesByAttribute
from catalogue.graphql.variants import page_arguments
from catalogue.models import Attribute, AttributeValue, ProductType
from catalogue.selectors import category_subtree_ids, products_for_sale
from shop.graphql.core.channel import channel_check
from shop.graphql.core.connections import ConnectionValue, connection_page
from shop.graphql.core.deprecation import DEPRECATED
from shop.graphql.core.ids import pk_from_global_id

# What every attribute of ours is, in the API's terms.
INPUT_TYPE = "DROPDOWN"
ATTRIBUTE_TYPE = "PRODUCT_TYPE"
VALUE_REQUIRED = False
VISIBLE_IN_STOREFRONT = True
WITH_CHOICES = True
VARIANT_ONLY = True
NONE = Q(pk__in=[])


def _value(member):
    return getattr(member, "value", member)


def _ids(values, type_name: str) -> list[int]:
    return [pk for pk in (pk_from_global_id(value, type_name) for value in values) if pk]


def _strings(condition) -> list[str] | None:
    """The strings a StringFilterInput allows ({eq} or {oneOf}); None for no condition."""
    if not condition:
        return None
    return [condition["eq"]] if condition.get("eq") is not None else condition.get("one_of") or []


def _is(actual, wanted) -> Q:
    """All attributes when `wanted` (a value, or an {eq, oneOf} condition) allows `actual`, which
    every attribute has, else none; no condition: all."""
    if wanted is None:
        return Q()
    if isinstance(wanted, dict):
        allowed = [_value(wanted["eq"])] if wanted.get("eq") is not None else wanted.get("one_of")
        if allowed is None:
            return Q()
        return Q() if actual in [_value(item) for item in allowed] else NONE
    return Q() if _value(wanted) == actual else NONE


def _of_products(products: QuerySet) -> Q:
    types = ProductType.objects.filter(products__in=products.values("pk")).values("pk")
    return Q(pk__in=Attribute.objects.filter(product_types__in=types).values("pk"))


def _in_category(info, category_id: str | None) -> Q:
    if category_id is None:
        return Q()
    tree = info.context.loaders.get(CategoryTree)
    category = tree.by_id().get(pk_from_global_id(category_id, "Category"))
    if category is None:
        return NONE
    subtree = category_subtree_ids(categories=tree.categories(), root=category)
    return _of_products(products_for_sale().filter(category_id__in=subtree))


def _in_collection(collection_id: str | None) -> Q:
    if collection_id is None:
        return Q()
    pk = pk_from_global_id(collection_id, "Collection")
    return _of_products(products_for_sale().filter(collections=pk, collections__is_published=True))


def _shared(info, conditions) -> Q:
    """The conditions `filter` and `where` share."""
    return reduce(
        and_,
        [
            _is(VALUE_REQUIRED, conditions.get("value_required")),
            _is(VISIBLE_IN_STOREFRONT, conditions.get("visible_in_storefront")),
            # Our attributes carry no metadata.
            NONE if conditions.get("metadata") else Q(),
            Q(pk__in=_ids(conditions["ids"], "Attribute")) if conditions.get("ids") else Q(),
            _in_category(info, conditions.get("in_category")),
            _in_collection(conditions.get("in_collection")),
        ],
    )


def _where(info, where) -> Q:
    """The attributes `where` (an AttributeWhereInput, AND and OR nested) asks for."""
    if not where:
        return Q()
    names, slugs = _strings(where.get("name")), _strings(where.get("slug"))
    found = reduce(
        and_,
        [
            _shared(info, where),
            Q() if names is None else Q(name__in=names),
            Q() if slugs is None else Q(slug__in=slugs),
            _is(WITH_CHOICES, where.get("with_choices")),
            _is(INPUT_TYPE, where.get("input_type")),
            _is(ATTRIBUTE_TYPE, where.get("type")),
            # None of our attributes has an entity type or a unit.
            NONE if (where.get("entity_type") or {}) else Q(),
            NONE if (where.get("unit") or {}) else Q(),
        ],
    )
    if where.get("and_"):
        found &= reduce(and_, [_where(info, item) for item in where["and_"]])
    if where.get("or_"):
        found &= reduce(or_, [_where(info, item) for item in where["or_"]])
    return found


def _filter(info, conditions) -> Q:
    """The attributes the older `filter` (an AttributeFilterInput) asks for."""
    if not conditions:
        return Q()
    slugs = conditions.get("slugs")
    return reduce(
        and_,
        [
            _shared(info, conditions),
            _is(VARIANT_ONLY, conditions.get("is_variant_only")),
            _is(ATTRIBUTE_TYPE, conditions.get("type")),
            Q() if slugs is None else Q(slug__in=slugs),
            _search(conditions.get("search")),
        ],
    )


def _search(search: str | None) -> Q:
    return Q(name__icontains=search) | Q(slug__icontains=search) if search else Q()


def _sorted(items: QuerySet[Attribute], sort_by) -> QuerySet[Attribute]:
    """By name or slug; every attribute sorts alike on the other fields, so by name then."""
    field = _value((sort_by or {}).get("field")) or "NAME"
    order = ["slug"] if field == "SLUG" else ["name", "slug"]
    if _value((sort_by or {}).get("direction")) == "DESC":
        order = [f"-{name}" for name in order]
    return items.order_by(*order, "id")


def attributes_page(
    info, *, filter=None, where=None, search=None, sort_by=None, channel=None, **page
) -> ConnectionValue:
    """A page of our attributes, filtered and sorted as asked; announced to the loaders."""
    channel_check(channel)
    found = Attribute.objects.filter(_filter(info, filter), _where(info, where), _search(search))
    result = connection_page(_sorted(found, sort_by), **page)
    info.context.loaders.announce(ATTRIBUTE, (attribute.pk for attribute in result.nodes))
    return result


def _value_test(where) -> Callable[[AttributeValue], bool]:
    """Whether a value matches `where` (an AttributeValueWhereInput, AND and OR nested)."""
    if not where:
        return lambda value: True
    ids = set(_ids(where["ids"], "AttributeValue")) if where.get("ids") else None
    names, slugs = _strings(where.get("name")), _strings(where.get("slug"))
    every = [_value_test(item) for item in where.get("and_") or []]
    some = [_value_test(item) for item in where.get("or_") or []]

    def test(value: AttributeValue) -> bool:
        return (
            (ids is None or value.pk in ids)
            and (names is None or value.name in names)
            and (slugs is None or value.slug in slugs)
            and all(item(value) for item in every)
            and (not some or any(item(value) for item in some))
        )

    return test


def choices_page(
    info, attribute: Attribute, *, sort_by=None, where=None, search=None, **page
) -> ConnectionValue:
    """A page of the attribute's values (batched over the attributes announced)."""
    values = info.context.loaders.get(ValuesByAttribute).load(attribute.pk)
    test, needle = _value_test(where), (search or "").casefold()
    found = [
        value
        for value in values
        if test(value) and (needle in value.name.casefold() or needle in value.slug.casefold())
    ]
    if sort_by:
        field = "slug" if _value(sort_by.get("field")) == "SLUG" else "name"
        descending = _value(sort_by.get("direction")) == "DESC"
        found.sort(key=lambda value: getattr(value, field).casefold(), reverse=descending)
    return connection_page(found, **page)


class AttributeQueries(graphene.ObjectType):
    attributes = graphene.Field(
        "catalogue.graphql.attributes.AttributeCountableConnection",
        filter=graphene.Argument(
            "catalogue.graphql.inputs.AttributeFilterInput", deprecation_reason=DEPRECATED
        ),
        where=graphene.Argument("catalogue.graphql.inputs.AttributeWhereInput"),
        search=graphene.String(),
        sort_by=graphene.Argument("catalogue.graphql.inputs.AttributeSortingInput"),
        channel=graphene.String(),
        **page_arguments(),
    )

    @staticmethod
    def resolve_attributes(root, info, **arguments) -> ConnectionValue:
        return attributes_page(info, **arguments)
