"""Content pages as Saleor's storefront reads them: our legal texts (notice, terms of sale,
privacy and cookies, consumer mediator), the same texts as the shop's legal pages."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.template import Context
from django.template.loader import get_template
from django.template.loader_tags import BlockNode
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from shop.graphql.core.ids import to_global_id
from shop.graphql.core.translations import language_of
from shop.storefront.views.legal import LEGAL_TEXT_LANGUAGES, legal_context, legal_text_language

PAGE_TYPE = "legal"
# When the legal texts went online with the shop.
LEGAL_TEXTS_PUBLISHED = datetime(2026, 11, 24, 14, 21, 4, tzinfo=UTC)
# slug -> (template name, title)
LEGAL_PAGES: dict[str, tuple[str, Promise]] = {
    "legal-notice": ("notice", _("Legal notice")),
    "terms-of-sale": ("terms", _("Terms of sale")),
    "privacy": ("privacy", _("Privacy and cookies")),
    "mediator": ("mediator", _("Consumer mediator")),
}


@dataclass(frozen=True)
class PageValue:
    slug: str
    template: str
    title: Promise

    @property
    def id(self) -> str:
        return to_global_id("Page", self.slug)


def legal_pages() -> list[PageValue]:
    return [PageValue(slug, template, title) for slug, (template, title) in LEGAL_PAGES.items()]


def legal_page(slug: str | None) -> PageValue | None:
    found = LEGAL_PAGES.get(slug or "")
    return PageValue(slug, *found) if found else None


def legal_html(page: PageValue, language: str | None = None) -> str:
    """The page's text in HTML, in `language` when it is written in it, else English."""
    language = legal_text_language(language)
    template = get_template(f"storefront/legal/{page.template}.{language}.html")
    block = next(
        node
        for node in template.template.nodelist.get_nodes_by_type(BlockNode)
        if node.name == "legal"
    )
    return block.nodelist.render(Context(legal_context(language))).strip()


def legal_content(page: PageValue, language_code=None) -> dict:
    """The page's text as an Editor.js document: one block of HTML."""
    language = language_of(language_code) if language_code else None
    return {"blocks": [{"type": "paragraph", "data": {"text": legal_html(page, language)}}]}


def has_own_text(language_code) -> bool:
    return language_of(language_code) in LEGAL_TEXT_LANGUAGES
