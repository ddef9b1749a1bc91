"""The badges the project draws: one per official sign, and the "Approuvé Oh my Lot !" mark.

Each badge is described once (shape, colours, words) and rendered two ways: SVG for the pages,
PNG with Pillow for the pictures (share images, posters). Official signs are round; the brand
mark is a rectangle in the brand's colours with its name spelt out, so it can never pass for an
official sign (DOMAIN.md: a collective brand, not a quality sign).
"""

from dataclasses import dataclass
from html import escape

from PIL import Image, ImageDraw

from branding.drawing import fitting_font
from branding.theme import COLOURS, colour

BRAND_MARK_WORDS = ("Approuvé", "Oh my Lot !")
BRAND_MARK_RATIO = 2.5  # width / height
# Drawn this many times larger, then scaled down: smooth edges.
_OVERSAMPLE = 4


@dataclass(frozen=True)
class SignBadge:
    """How one official sign is drawn: its short words and colours (fill, text)."""

    words: str
    fill: str
    ink: str = "#ffffff"


SIGN_BADGES: dict[str, SignBadge] = {
    "aop": SignBadge("AOP", "#b0182a", "#ffd23f"),
    "aoc": SignBadge("AOC", "#8c1c2c"),
    "igp": SignBadge("IGP", "#1b4f9c", "#ffd23f"),
    "label-rouge": SignBadge("Label Rouge", "#c4161c"),
    "stg": SignBadge("STG", "#6a3d9a", "#ffd23f"),
    "ab": SignBadge("AB", "#2e7d32"),
    "artisan": SignBadge("Artisan", "#5d4037"),
    "artisan-d-art": SignBadge("Artisan d'art", "#4e342e"),
    "maitre-artisan": SignBadge("Maître artisan", "#3e2723"),
    "epv": SignBadge("EPV", "#37474f"),
    "ig-artisanale": SignBadge("IG", "#00695c"),
}


def sign_badge(code: str, name: str) -> SignBadge:
    """The badge of the sign `code`; a sign the project has no drawing for gets a grey one."""
    return SIGN_BADGES.get(code) or SignBadge(name[:12], "#455a64")


def _svg_font_size(words: str) -> int:
    return 30 if len(words) <= 3 else 18 if len(words) <= 7 else 13


def sign_badge_svg(*, code: str, name: str, size: int = 48) -> str:
    """The round badge of a sign as inline SVG, named for screen readers by `name`."""
    badge = sign_badge(code, name)
    words = escape(badge.words)
    return (
        f'<svg class="sign-badge" role="img" aria-label="{escape(name)}" width="{size}" '
        f'height="{size}" viewBox="0 0 100 100" xmlns="http://www.w3.org/2000/svg">'
        f'<circle cx="50" cy="50" r="47" fill="{badge.fill}" stroke="{badge.ink}" '
        f'stroke-width="4"/><text x="50" y="50" dominant-baseline="central" '
        f'text-anchor="middle" font-family="sans-serif" font-weight="700" '
        f'font-size="{_svg_font_size(badge.words)}" fill="{badge.ink}">{words}</text></svg>'
    )


def brand_mark_svg(*, label: str, height: int = 40) -> str:
    """The "Approuvé Oh my Lot !" mark as inline SVG; `label` names it for screen readers."""
    width = round(height * BRAND_MARK_RATIO)
    top, bottom = (escape(word) for word in BRAND_MARK_WORDS)
    return (
        f'<svg class="brand-mark" role="img" aria-label="{escape(label)}" width="{width}" '
        f'height="{height}" viewBox="0 0 250 100" xmlns="http://www.w3.org/2000/svg">'
        f'<rect x="3" y="3" width="244" height="94" rx="14" fill="{COLOURS["lot-blue"]}" '
        f'stroke="{COLOURS["ochre"]}" stroke-width="6"/>'
        f'<text x="125" y="36" text-anchor="middle" font-family="sans-serif" font-size="26" '
        f'fill="{COLOURS["causse"]}">{top}</text>'
        f'<text x="125" y="76" text-anchor="middle" font-family="sans-serif" font-weight="700" '
        f'font-size="34" fill="#ffffff">{bottom}</text></svg>'
    )


def sign_badge_image(*, code: str, name: str, size: int) -> Image.Image:
    """The round badge of a sign as an RGBA picture `size` pixels wide."""
    badge = sign_badge(code, name)
    big = size * _OVERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    edge = round(big * 0.04)
    draw.ellipse((edge // 2, edge // 2, big - edge // 2, big - edge // 2), fill=badge.fill)
    draw.ellipse(
        (edge, edge, big - edge, big - edge), outline=badge.ink, width=max(1, round(big * 0.04))
    )
    face = fitting_font(badge.words, "bold", round(big * 0.3), big * 0.78)
    draw.text((big / 2, big / 2), badge.words, font=face, fill=badge.ink, anchor="mm")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def brand_mark_image(*, height: int) -> Image.Image:
    """The "Approuvé Oh my Lot !" mark as an RGBA picture `height` pixels high."""
    width = round(height * BRAND_MARK_RATIO)
    big_w, big_h = width * _OVERSAMPLE, height * _OVERSAMPLE
    image = Image.new("RGBA", (big_w, big_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    border = round(big_h * 0.06)
    draw.rounded_rectangle(
        (0, 0, big_w - 1, big_h - 1),
        radius=round(big_h * 0.14),
        fill=colour("lot-blue"),
        outline=colour("ochre"),
        width=border,
    )
    top, bottom = BRAND_MARK_WORDS
    draw.text(
        (big_w / 2, big_h * 0.33),
        top,
        font=fitting_font(top, "regular", round(big_h * 0.26), big_w * 0.8),
        fill=colour("causse"),
        anchor="mm",
    )
    draw.text(
        (big_w / 2, big_h * 0.7),
        bottom,
        font=fitting_font(bottom, "bold", round(big_h * 0.34), big_w * 0.86),
        fill=(255, 255, 255),
        anchor="mm",
    )
    return image.resize((width, height), Image.Resampling.LANCZOS)


def logo_svg(*, label: str, height: int = 44) -> str:
    """The brand's logo (a sun over the Lot's meander, and the name) as inline SVG."""
    width = round(height * 4.2)
    return (
        f'<svg class="logo" role="img" aria-label="{escape(label)}" width="{width}" '
        f'height="{height}" viewBox="0 0 420 100" xmlns="http://www.w3.org/2000/svg">'
        f'<circle cx="50" cy="44" r="24" fill="{COLOURS["ochre"]}"/>'
        f'<path d="M6 78 C 26 58, 46 98, 66 78 S 94 62, 96 74" fill="none" '
        f'stroke="{COLOURS["lot-blue"]}" stroke-width="10" stroke-linecap="round"/>'
        f'<text x="112" y="68" font-family="Georgia, serif" font-weight="700" font-size="52" '
        f'fill="{COLOURS["accent"]}">Oh my Lot !</text></svg>'
    )


def logo_image(*, height: int) -> Image.Image:
    """The brand's logo as an RGBA picture `height` pixels high, drawn like `logo_svg`."""
    scale = height * _OVERSAMPLE / 100
    image = Image.new("RGBA", (round(420 * scale), round(100 * scale)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([v * scale for v in (26, 20, 74, 68)], fill=colour("ochre"))
    river = [(6, 78), (26, 66), (46, 86), (66, 78), (82, 70), (96, 74)]
    draw.line(
        [(x * scale, y * scale) for x, y in river],
        fill=colour("lot-blue"),
        width=round(10 * scale),
        joint="curve",
    )
    face = fitting_font("Oh my Lot !", "heading", round(52 * scale), 300 * scale)
    draw.text(
        (112 * scale, 68 * scale), "Oh my Lot !", font=face, fill=colour("accent"), anchor="ls"
    )
    return image.resize((round(420 * height / 100), height), Image.Resampling.LANCZOS)
