"""What products, categories and collections share: a name, a slug and a described page."""

import graphene

from shop.graphql.core.rich_text import rich_text, seo_description
from shop.graphql.core.translations import translated_fields, translation_id


class DescribedPage(graphene.ObjectType):
    """Fields of an object shown on a page of its own, with its description as rich text."""

    class Meta:
        abstract = True

    id = graphene.ID(required=True)
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)

    @staticmethod
    def resolve_seo_title(root, info) -> str:
        return root.name

    @staticmethod
    def resolve_seo_description(root, info) -> str:
        return seo_description(root.description)

    @staticmethod
    def resolve_description(root, info) -> dict | None:
        return rich_text(root.description)


def described_translation(root, language_code) -> dict | None:
    """The name and description of `root` in another language, as Saleor's translations show
    them; None when `root` has no translation in that language."""
    fields = translated_fields(root, language_code)
    if fields is None:
        return None
    return {
        "id": translation_id(type(root).__name__, root.pk, language_code),
        "name": fields["name"],
        "description": rich_text(fields["description"]),
        "seo_title": fields["name"],
        "seo_description": seo_description(fields["description"]),
        "slug": root.slug,
    }
