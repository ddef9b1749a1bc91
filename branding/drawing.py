"""Small Pillow helpers shared by the brand's pictures: fonts and text that fits a width."""

from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from branding.theme import PICTURE_FONTS

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=64)
def font(kind: str, size: int) -> Font:
    """The brand's `kind` font ("regular", "bold", "heading") at `size` pixels.

    Falls back to Pillow's built-in font when no system font is installed.
    """
    for name in PICTURE_FONTS[kind]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def text_width(text: str, face: Font) -> float:
    return ImageDraw.Draw(Image.new("L", (1, 1))).textlength(text, font=face)


def fitting_font(text: str, kind: str, size: int, width: float, smallest: int = 10) -> Font:
    """The largest font of `kind`, at most `size` pixels, in which `text` fits `width`."""
    while size > smallest and text_width(text, font(kind, size)) > width:
        size -= 2
    return font(kind, size)


def wrapped(text: str, face: Font, width: float, max_lines: int) -> list[str]:
    """`text` cut into at most `max_lines` lines that fit `width`; an ellipsis ends a cut text."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if text_width(candidate, face) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines
