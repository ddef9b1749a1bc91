"""Rich text as Saleor's clients read it: Editor.js JSON, one paragraph per block of text."""

import re
from html import escape

SEO_DESCRIPTION_LENGTH = 300
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def rich_text(text: str | None) -> dict | None:
    """Plain text as an Editor.js document (escaped, line breaks kept; JSONString fields print
    it as JSON); None for no text."""
    if not text or not text.strip():
        return None
    blocks = [
        {"type": "paragraph", "data": {"text": escape(part.strip()).replace("\n", "<br>")}}
        for part in _PARAGRAPH_BREAK.split(text.strip())
        if part.strip()
    ]
    return {"blocks": blocks}


def seo_description(text: str | None) -> str:
    """The start of a text, on one line, for search engines' snippets."""
    flat = " ".join((text or "").split())
    if len(flat) <= SEO_DESCRIPTION_LENGTH:
        return flat
    return flat[: SEO_DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
