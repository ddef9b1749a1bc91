"""Pictures drawn by code for the demo products, and the proof documents of label claims.

Everything is deterministic: the same spec gives the same picture, and nothing is downloaded.
"""

import io
import textwrap
import zlib
from collections.abc import Callable
from random import Random

from PIL import Image, ImageDraw

from shop.demo import pictures_food, pictures_goods
from shop.demo.canvas import Canvas, font, printable
from shop.demo.data import PictureSpec

Drawing = Callable[[PictureSpec, Random], Canvas]

DRAWINGS: dict[str, Drawing] = {
    "cheese": pictures_food.cheese,
    "cheese_platter": pictures_food.cheese_platter,
    "walnuts": pictures_food.walnuts,
    "kernels": pictures_food.kernels,
    "strawberries": pictures_food.strawberries,
    "melon": pictures_food.melon,
    "saffron": pictures_food.saffron,
    "truffle": pictures_food.truffle,
    "jar": pictures_food.jar,
    "tin": pictures_food.tin,
    "cake": pictures_food.cake,
    "lamb_leg": pictures_food.lamb_leg,
    "lamb_chops": pictures_food.lamb_chops,
    "meat_parcel": pictures_food.meat_parcel,
    "magret": pictures_food.magret,
    "bottle": pictures_food.bottle,
    "bottle_glass": pictures_food.bottle_glass,
    "bowl": pictures_goods.bowl,
    "pitcher": pictures_goods.pitcher,
    "knife": pictures_goods.knife,
    "truffle_knife": pictures_goods.truffle_knife,
    "knife_set": pictures_goods.knife_set,
    "belt": pictures_goods.belt,
    "card_holder": pictures_goods.card_holder,
    "board": pictures_goods.board,
    "tshirt": pictures_goods.tshirt,
    "tote": pictures_goods.tote,
    "mug": pictures_goods.mug,
    "cap": pictures_goods.cap,
    "poster": pictures_goods.poster,
    "landscape": pictures_goods.landscape,
}


def picture_render(spec: PictureSpec) -> bytes:
    """The 800 x 800 JPEG of `spec`; its random details are seeded by the spec itself."""
    seed = zlib.crc32(f"{spec.drawing}|{spec.colour}|{spec.label}".encode())
    return DRAWINGS[spec.drawing](spec, Random(seed)).jpeg()


def proof_document_render(*, title: str, lines: list[str]) -> bytes:
    """A one-page PDF standing for a label proof, marked as a demonstration document."""
    page = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((40, 40, 787, 1129), outline=120, width=3)
    header = [
        ("DOCUMENT DE DÉMONSTRATION", 34, 0, 90),
        ("Sans valeur juridique : données inventées pour la démo Oh my Lot !", 18, 90, 140),
        (title, 28, 0, 230),
    ]
    for text, size, shade, top in header:
        draw.text((80, top), printable(text), font=font(size), fill=shade)
    top = 300
    for line in lines:
        for part in textwrap.wrap(printable(line), width=60, subsequent_indent="    "):
            draw.text((80, top), part, font=font(20), fill=30)
            top += 32
        top += 12
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=100, title=printable(title), author="Oh my Lot !")
    return buffer.getvalue()
