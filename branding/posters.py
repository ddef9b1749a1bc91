"""Stall posters: a printable A5 or A4 page with the producer's name, the brand and a QR code.

The QR code opens the producer's page with the campaign tag, so a tourist who scans it at the
market in August can order from home in October, and the order counts for the campaign. Pages are
drawn at 150 dots per inch with Pillow and written as PNG or PDF (one page, true paper size).
"""

import io
from typing import Literal

import segno
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw

from branding.badges import logo_image
from branding.drawing import fitting_font, font
from branding.theme import colour

DPI = 150
# Paper sizes in millimetres (ISO 216).
PAPER_MM = {"a5": (148, 210), "a4": (210, 297)}
PosterFormat = Literal["pdf", "png"]
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png"}
SCAN_INVITATION = _("Scan me, and order from home")


def paper_pixels(size: str) -> tuple[int, int]:
    """The page size in pixels at DPI."""
    width_mm, height_mm = PAPER_MM[size]
    return round(width_mm / 25.4 * DPI), round(height_mm / 25.4 * DPI)


def qr_image(url: str, *, width: int) -> Image.Image:
    """A QR code of `url` (error correction Q: it survives a crease), about `width` pixels wide,
    with its quiet zone, in sharp black modules on white."""
    code = segno.make(url, error="q", micro=False)
    rows = list(code.matrix_iter(scale=1, border=4))
    modules = len(rows)
    scale = max(1, width // modules)
    small = Image.new("1", (modules, modules), 1)
    small.putdata([0 if dark else 1 for row in rows for dark in row])
    return small.resize((modules * scale, modules * scale), Image.Resampling.NEAREST).convert("RGB")


def _centred(draw: ImageDraw.ImageDraw, y: float, text: str, face, fill, width: int) -> None:
    draw.text((width / 2, y), text, font=face, fill=fill, anchor="ma")


def _bilingual(message: Promise) -> tuple[str, str]:
    """`message` in French, then in English: the posters speak to locals and tourists."""
    with translation.override("fr"):
        french = str(message)
    with translation.override("en"):
        english = str(message)
    return french, english


def poster_render(
    *,
    producer_name: str,
    town: str,
    campaign_name: str,
    url: str,
    size: str,
    file_format: PosterFormat,
) -> bytes:
    """The stall poster as PDF or PNG bytes; `size` is "a5" or "a4"."""
    width, height = paper_pixels(size)
    unit = width / 100  # layout in hundredths of the page width
    page = Image.new("RGB", (width, height), colour("paper"))
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, width, round(22 * unit)), fill=colour("causse"))
    logo = logo_image(height=round(12 * unit))
    page.paste(logo, ((width - logo.width) // 2, round(5 * unit)), logo)

    name_font = fitting_font(producer_name, "heading", round(8 * unit), 88 * unit, smallest=20)
    _centred(draw, 28 * unit, producer_name, name_font, colour("ink"), width)
    _centred(draw, 38 * unit, town, font("regular", round(4.5 * unit)), colour("muted"), width)

    qr = qr_image(url, width=round(62 * unit))
    qr_top = round(47 * unit)
    page.paste(qr, ((width - qr.width) // 2, qr_top))

    y = qr_top + qr.height + 3 * unit
    french, english = _bilingual(SCAN_INVITATION)
    _centred(draw, y, french, font("bold", round(4.6 * unit)), colour("lot-blue"), width)
    if english != french:
        _centred(
            draw, y + 6.5 * unit, english, font("regular", round(4 * unit)), colour("ink"), width
        )
    footer = fitting_font(campaign_name, "regular", round(3.2 * unit), 90 * unit)
    draw.rectangle((0, height - round(9 * unit), width, height), fill=colour("lot-blue"))
    _centred(draw, height - 6.5 * unit, campaign_name, footer, colour("causse"), width)

    buffer = io.BytesIO()
    if file_format == "pdf":
        page.save(buffer, format="PDF", resolution=DPI)
    else:
        page.save(buffer, format="PNG", dpi=(DPI, DPI), optimize=True)
    return buffer.getvalue()
