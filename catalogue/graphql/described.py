"""What products, categories and collections share: a name, a slug and a described page."""

from dataclasses import dataclass
from functools import cached_property

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


@dataclass
class DescribedTranslation:
    """An object's texts in another language; the rich text is made only when asked for."""

    id: str
    name: str | None
    slug: str
    text: str | None
    language: dict | None = None

    @property
    def seo_title(self) -> str | None:
        return self.name

    @cached_property
    def description(self) -> dict | None:
        return rich_text(self.text)

    @cached_property
    def seo_description(self) -> str:
        return seo_description(self.text)


def described_translation(root, language_code) -> DescribedTranslation | None:
    """The name and description of `root` in another language, as Saleor's translations show
    them; None when `root` has no translation in that language."""
    fields = translated_fields(root, language_code, ("name", "description"))
    if fields is None:
        return None
    return DescribedTranslation(
        id=translation_id(type(root).__name__, root.pk, language_code),
        name=fields["name"],
        slug=root.slug,
        text=fields["description"],
    )
