"""Share pictures (Open Graph, 1200 x 630) of products and sellers, composed with Pillow.

The picture is two panels side by side. On the left, the photo, cropped to a square and left as it
is: no mark is ever drawn on it, since for a wine the photo is its label and an AOP/IGP wine's
label must not carry the brand mark (DOMAIN.md). On the right, on the brand's paper: the logo, the
name, the seller and the price, the official signs in one row, and, below a rule and apart from
them, the "Approuvé Oh my Lot !" mark when the product carries it.
"""

import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw, ImageOps

from branding.badges import brand_mark_image, logo_image, sign_badge_image
from branding.drawing import fitting_font, font, wrapped
from branding.theme import colour

WIDTH, HEIGHT = 1200, 630
PHOTO_BOX = (0, 0, 630, 630)
PANEL_LEFT = 670
PANEL_WIDTH = WIDTH - PANEL_LEFT - 40
SIGN_SIZE = 84
SIGN_GAP = 16
SIGNS_TOP = 400
SIGNS_SHOWN = 5
RULE_Y = 506
BRAND_MARK_HEIGHT = 72
BRAND_MARK_TOP = 530
# Signs that protect a wine's name and label: the brand mark keeps off their wines entirely.
PROTECTED_WINE_SIGNS = frozenset({"aop", "aoc", "igp"})


@dataclass(frozen=True)
class ShareSubject:
    """What a share picture shows; the same subject always gives the same picture."""

    title: str
    subtitle: str
    price: Decimal | None
    photo_name: str  # the stored photo's file name, "" without a photo
    signs: tuple[tuple[str, str], ...]  # (code, name) of the official signs in force
    brand_approved: bool
    is_alcohol: bool = False

    @property
    def shows_brand_mark(self) -> bool:
        """The mark shows when approved, except on an AOP/IGP wine (DOMAIN.md)."""
        protected = self.is_alcohol and any(code in PROTECTED_WINE_SIGNS for code, _ in self.signs)
        return self.brand_approved and not protected

    def fingerprint(self) -> str:
        """A digest of everything drawn: a stored picture with another one is out of date."""
        return hashlib.sha256(repr(self).encode()).hexdigest()


def sign_position(index: int) -> tuple[int, int]:
    """The top-left corner of the `index`-th sign badge of the row."""
    return PANEL_LEFT + index * (SIGN_SIZE + SIGN_GAP), SIGNS_TOP


def brand_mark_box() -> tuple[int, int, int, int]:
    """Where the brand mark goes: bottom right of the panel, below the rule."""
    width = round(BRAND_MARK_HEIGHT * 2.5)
    right = PANEL_LEFT + PANEL_WIDTH
    return right - width, BRAND_MARK_TOP, right, BRAND_MARK_TOP + BRAND_MARK_HEIGHT


def _price_text(price: Decimal) -> str:
    whole, cents = f"{price:.2f}".split(".")
    return f"{whole},{cents} €"


def _photo_panel(photo: bytes | None) -> Image.Image:
    size = (PHOTO_BOX[2] - PHOTO_BOX[0], PHOTO_BOX[3] - PHOTO_BOX[1])
    if photo:
        with Image.open(io.BytesIO(photo)) as opened:
            return ImageOps.fit(opened.convert("RGB"), size, Image.Resampling.LANCZOS)
    panel = Image.new("RGB", size, colour("causse"))
    logo = logo_image(height=110)
    panel.paste(logo, ((size[0] - logo.width) // 2, (size[1] - logo.height) // 2), logo)
    return panel


def share_image_compose(subject: ShareSubject, photo: bytes | None) -> bytes:
    """The 1200 x 630 share picture of `subject`, as PNG bytes; `photo` is the stored photo."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour("paper"))
    image.paste(_photo_panel(photo), PHOTO_BOX[:2])
    draw = ImageDraw.Draw(image)
    logo = logo_image(height=56)
    image.paste(logo, (PANEL_LEFT, 36), logo)
    title_font = fitting_font(subject.title, "heading", 52, PANEL_WIDTH, smallest=40)
    y = 120
    for line in wrapped(subject.title, title_font, PANEL_WIDTH, max_lines=3):
        draw.text((PANEL_LEFT, y), line, font=title_font, fill=colour("ink"))
        y += 60
    draw.text((PANEL_LEFT, y + 4), subject.subtitle, font=font("regular", 28), fill=colour("muted"))
    if subject.price is not None:
        draw.text(
            (PANEL_LEFT, y + 48),
            _price_text(subject.price),
            font=font("bold", 40),
            fill=colour("accent"),
        )
    for index, (code, name) in enumerate(subject.signs[:SIGNS_SHOWN]):
        badge = sign_badge_image(code=code, name=name, size=SIGN_SIZE)
        image.paste(badge, sign_position(index), badge)
    draw.line((PANEL_LEFT, RULE_Y, PANEL_LEFT + PANEL_WIDTH, RULE_Y), fill=colour("line"), width=2)
    if subject.shows_brand_mark:
        mark = brand_mark_image(height=BRAND_MARK_HEIGHT)
        image.paste(mark, brand_mark_box()[:2], mark)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
