"""A small drawing surface for the demo pictures: Pillow shapes on an 800 x 800 grid.

Shapes are drawn at twice the size and scaled down at the end, which smooths their edges.
Colours are "#rrggbb" strings; coordinates are in the 800 x 800 grid.
"""

import io
import math
import unicodedata
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

SIZE = 800
SCALE = 2

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved towards `other` by `amount` (0 to 1)."""
    a, b = rgb(colour), rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def lighten(colour: str, amount: float) -> str:
    return mix(colour, "#ffffff", amount)


def darken(colour: str, amount: float) -> str:
    return mix(colour, "#000000", amount)


def is_light(colour: str) -> bool:
    red, green, blue = rgb(colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue > 150


def egg(cx: float, cy: float, rx: float, ry: float, taper: float = 0.4, angle: float = 0) -> list:
    """The outline of an egg (narrower at the bottom by `taper`), turned by `angle` degrees."""
    points = []
    turn = math.radians(angle)
    for step in range(72):
        theta = 2 * math.pi * step / 72
        x = rx * math.cos(theta) * (1 - taper * max(0.0, math.sin(theta)))
        y = ry * math.sin(theta)
        points.append(
            (
                cx + x * math.cos(turn) - y * math.sin(turn),
                cy + x * math.sin(turn) + y * math.cos(turn),
            )
        )
    return points


def rotated_rectangle(cx: float, cy: float, length: float, width: float, angle: float) -> list:
    """The corners of a `length` x `width` rectangle centred on (cx, cy), turned by `angle`."""
    turn = math.radians(angle)
    dx, dy = math.cos(turn), math.sin(turn)
    half_l, half_w = length / 2, width / 2
    return [
        (cx + sx * half_l * dx - sy * half_w * dy, cy + sx * half_l * dy + sy * half_w * dx)
        for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))
    ]


# A system font with the accented letters of French, when one is installed; Pillow's own default
# font lacks them, so text drawn with it is folded to unaccented letters.
FONT_FILES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "FreeSans.ttf")


@lru_cache(maxsize=1)
def _system_font_file() -> str:
    for name in FONT_FILES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return ""


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font of `size` pixels: a system one with accents if there is one, else Pillow's."""
    name = _system_font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def printable(text: str) -> str:
    """`text` as the font can draw it: unaccented when only Pillow's default font is there."""
    if _system_font_file():
        return text
    text = text.replace("\u2014", "-").replace("\u2013", "-").replace("\u2019", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Canvas:
    """An RGB picture with a soft background and a table top, ready for shapes."""

    def __init__(self, background: str, table: str | None = None, horizon: float = 600) -> None:
        full = SIZE * SCALE
        strip = Image.linear_gradient("L").crop((0, 0, 1, 256)).resize((1, full))
        channels = [
            strip.point(lambda value, a=a, b=b: round(a + (b - a) * value / 255))
            for a, b in zip(
                rgb(lighten(background, 0.25)), rgb(darken(background, 0.06)), strict=True
            )
        ]
        self.image = Image.merge("RGB", channels).resize((full, full), Image.Resampling.NEAREST)
        self.draw = ImageDraw.Draw(self.image)
        if table:
            self.rectangle((0, horizon, SIZE, SIZE), table)
            self.rectangle((0, horizon, SIZE, horizon + 6), darken(table, 0.12))

    @staticmethod
    def _scaled(values) -> list[float]:
        return [value * SCALE for value in values]

    def _points(self, points) -> list[tuple[float, float]]:
        return [(x * SCALE, y * SCALE) for x, y in points]

    def ellipse(self, box: Box, fill: str | None, outline: str | None = None, width: float = 0):
        self.draw.ellipse(self._scaled(box), fill=fill, outline=outline, width=round(width * SCALE))

    def circle(self, cx: float, cy: float, radius: float, fill: str, **options) -> None:
        self.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill, **options)

    def rectangle(
        self,
        box: Box,
        fill: str | None,
        radius: float = 0,
        outline: str | None = None,
        width: float = 0,
    ) -> None:
        self.draw.rounded_rectangle(
            self._scaled(box),
            radius=round(radius * SCALE),
            fill=fill,
            outline=outline,
            width=round(width * SCALE),
        )

    def polygon(self, points, fill: str | None, outline: str | None = None, width: float = 0):
        self.draw.polygon(
            self._points(points), fill=fill, outline=outline, width=round(width * SCALE)
        )

    def line(self, points, fill: str, width: float) -> None:
        self.draw.line(self._points(points), fill=fill, width=round(width * SCALE), joint="curve")

    def arc(self, box: Box, start: float, end: float, fill: str, width: float) -> None:
        self.draw.arc(self._scaled(box), start, end, fill=fill, width=round(width * SCALE))

    def chord(self, box: Box, start: float, end: float, fill: str) -> None:
        self.draw.chord(self._scaled(box), start, end, fill=fill)

    def pieslice(self, box: Box, start: float, end: float, fill: str) -> None:
        self.draw.pieslice(self._scaled(box), start, end, fill=fill)

    def text(self, xy: Point, text: str, size: float, fill: str, max_width: float = 0) -> None:
        """`text` centred on `xy`, made smaller if needed to fit in `max_width`."""
        text = printable(text)
        face = font(round(size * SCALE))
        if max_width:
            while face.getlength(text) > max_width * SCALE and size > 10:
                size -= 2
                face = font(round(size * SCALE))
        self.draw.text(self._points([xy])[0], text, font=face, fill=fill, anchor="mm")

    def shadow(self, box: Box, colour: str = "#000000", strength: float = 0.22) -> None:
        """A soft shadow: a blurred ellipse darkening what is under `box`."""
        left, top, right, bottom = (round(v * SCALE) for v in box)
        margin = 30 * SCALE
        mask = Image.new("L", (right - left + 2 * margin, bottom - top + 2 * margin), 0)
        ImageDraw.Draw(mask).ellipse(
            (margin, margin, margin + right - left, margin + bottom - top),
            fill=round(255 * strength),
        )
        mask = mask.filter(ImageFilter.GaussianBlur(12 * SCALE))
        self.image.paste(rgb(colour), (left - margin, top - margin), mask)

    def cylinder(
        self, cx: float, top: float, rx: float, ry: float, height: float, lid: str, side: str
    ) -> None:
        """An upright cylinder seen from slightly above (cheese, tin, mug, cake)."""
        self.ellipse((cx - rx, top + height - ry, cx + rx, top + height + ry), side)
        self.rectangle((cx - rx, top, cx + rx, top + height), side)
        self.ellipse((cx - rx, top - ry, cx + rx, top + ry), lid)

    def hatch(self, outline: list, colour: str, spacing: float, width: float) -> None:
        """Criss-cross lines inside the polygon `outline` (scored skin, burlap)."""
        points = self._points(outline)
        left = round(min(x for x, _ in points))
        top = round(min(y for _, y in points))
        size = (
            round(max(x for x, _ in points)) - left + 1,
            round(max(y for _, y in points)) - top + 1,
        )
        mask = Image.new("L", size, 0)
        mask_draw = ImageDraw.Draw(mask)
        span = max(size)
        for offset in range(-span, span, round(spacing * SCALE)):
            mask_draw.line([(offset, 0), (offset + span, span)], fill=255, width=round(width * 2))
            mask_draw.line([(offset + span, 0), (offset, span)], fill=255, width=round(width * 2))
        clip = Image.new("L", size, 0)
        ImageDraw.Draw(clip).polygon([(x - left, y - top) for x, y in points], fill=255)
        self.image.paste(rgb(colour), (left, top), ImageChops.multiply(mask, clip))

    def jpeg(self) -> bytes:
        picture = self.image.reduce(SCALE)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=90, optimize=True)
        return buffer.getvalue()
