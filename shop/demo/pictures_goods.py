"""Drawings of crafts, merchandise and Lot landscapes."""

import math
from random import Random

from shop.demo.canvas import Box, Canvas, darken, egg, is_light, lighten
from shop.demo.data import PictureSpec

BRAND_BLUE = "#1d4f73"
BRAND_OCHRE = "#e0a43a"
BRASS = "#c9a227"
STEEL = "#d5d9dd"


def _grain(c: Canvas, box: Box, colour: str, rng: Random, lines: int = 9) -> None:
    left, top, right, bottom = box
    for index in range(lines):
        y = top + (bottom - top) * (index + 0.5) / lines
        points = [
            (x, y + 6 * math.sin(x / rng.uniform(30, 60)) + rng.uniform(-2, 2))
            for x in range(round(left) + 10, round(right) - 10, 20)
        ]
        c.line(points, darken(colour, 0.18), 2)


def bowl(spec: PictureSpec, rng: Random) -> Canvas:
    glaze = spec.colour or "#c9883a"
    c = Canvas("#ebe5dc", table="#cbbba3")
    c.shadow((180, 560, 620, 670))
    c.ellipse((170, 330, 630, 450), darken(glaze, 0.25))
    c.chord((170, 170, 630, 640), 0, 180, glaze)
    c.ellipse((170, 330, 630, 450), None, outline=lighten(glaze, 0.3), width=8)
    if spec.label == "wood":
        for index in range(5):
            c.arc(
                (210 + index * 25, 300 + index * 30, 590 - index * 25, 620 - index * 10),
                20,
                160,
                darken(glaze, 0.2),
                3,
            )
    else:
        c.chord((170, 170, 630, 640), 60, 120, darken(glaze, 0.12))
        c.rectangle((330, 610, 470, 640), "#cdb69a", radius=8)
    return c


def pitcher(spec: PictureSpec, rng: Random) -> Canvas:
    glaze = spec.colour or "#5f7f4f"
    c = Canvas("#ece6dc", table="#c9b89e")
    c.shadow((230, 600, 570, 690))
    c.arc((480, 300, 640, 520), 270, 90, darken(glaze, 0.1), 34)
    c.polygon(egg(400, 480, 160, 180, -0.25, 0), glaze)
    c.rectangle((300, 230, 500, 420), glaze, radius=40)
    c.polygon([(290, 250), (230, 215), (310, 300)], glaze)
    c.ellipse((300, 210, 500, 260), darken(glaze, 0.35))
    c.rectangle((290, 380, 510, 396), lighten(glaze, 0.25), radius=6)
    return c


def _along(x: float, y: float, angle: float, points) -> list:
    """`points` given along a knife (x towards the tip, y towards the edge), placed at (x, y)."""
    turn = math.radians(angle)
    dx, dy = math.cos(turn), math.sin(turn)
    return [(x + u * dx - v * dy, y + u * dy + v * dx) for u, v in points]


def _knife(c: Canvas, x: float, y: float, angle: float, handle: str, blade: float) -> None:
    """A knife whose bolster is at (x, y): the handle behind it, the blade ahead."""
    handle_shape = [(-250, -22), (-20, -22), (-20, 22), (-250, 24), (-262, 0)]
    c.polygon(_along(x, y, angle, handle_shape), handle, outline=darken(handle, 0.3), width=3)
    for u in (-70, -200):
        px, py = _along(x, y, angle, [(u, 0)])[0]
        c.circle(px, py, 7, BRASS)
    c.polygon(_along(x, y, angle, [(-22, -24), (6, -24), (6, 24), (-22, 24)]), BRASS)
    blade_shape = [
        (6, -18),
        (blade * 0.78, -18),
        (blade, -2),
        (blade * 0.9, 8),
        (blade * 0.55, 19),
        (6, 21),
    ]
    c.polygon(_along(x, y, angle, blade_shape), STEEL, outline="#9aa1a8", width=3)
    c.line(_along(x, y, angle, [(12, -10), (blade * 0.75, -10)]), "#eef0f2", 3)


def knife(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#e9e4dc", table="#8b6444", horizon=480)
    c.shadow((120, 500, 700, 600), strength=0.3)
    _knife(c, 390, 520, -10, spec.colour or "#6b4226", 290)
    return c


def truffle_knife(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#ebe3d6", table="#8b6444", horizon=480)
    c.shadow((150, 500, 620, 600), strength=0.3)
    _knife(c, 410, 520, -10, spec.colour or "#d9b36c", 150)
    c.shadow((570, 600, 720, 680), strength=0.35)
    c.circle(640, 600, 60, "#2b2321")
    for _ in range(30):
        angle, distance = rng.uniform(0, 2 * math.pi), rng.uniform(0, 52)
        c.circle(
            640 + math.cos(angle) * distance,
            600 + math.sin(angle) * distance,
            rng.uniform(3, 7),
            rng.choice(("#3a302c", "#211a19", "#453934")),
        )
    return c


def knife_set(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#e7e1d8", table="#8b6444", horizon=420)
    c.shadow((120, 560, 680, 720))
    c.rectangle((110, 400, 690, 700), "#a97c52", radius=14)
    c.rectangle((130, 420, 670, 680), "#3f5b3f", radius=8)
    for y in (480, 550, 620):
        _knife(c, 390, y, 0, spec.colour or "#6b4226", 250)
    return c


def belt(spec: PictureSpec, rng: Random) -> Canvas:
    leather = spec.colour or "#7a4a2a"
    c = Canvas("#ede4d8", table="#d4c2a4")
    c.shadow((170, 560, 610, 680))
    c.rectangle((390, 470, 690, 540), leather, radius=10)
    for x in range(540, 680, 36):
        c.circle(x, 505, 7, darken(leather, 0.45))
    for index, radius in enumerate(range(190, 40, -30)):
        c.circle(
            380,
            440,
            radius,
            darken(leather, 0.1 + 0.05 * (index % 2)),
            outline=darken(leather, 0.35),
            width=4,
        )
    c.circle(380, 440, 40, "#ede4d8")
    c.rectangle((560, 430, 660, 580), None, radius=14, outline=BRASS, width=14)
    c.line([(560, 505), (640, 505)], BRASS, 8)
    return c


def card_holder(spec: PictureSpec, rng: Random) -> Canvas:
    leather = spec.colour or "#9c5b2e"
    c = Canvas("#ece3d6", table="#c3ab8c")
    c.shadow((190, 560, 610, 680))
    c.rectangle((250, 300, 520, 470), "#2f6f9f", radius=12)
    c.rectangle((200, 360, 600, 640), leather, radius=26)
    c.rectangle((200, 460, 600, 640), darken(leather, 0.12), radius=26)
    for x in range(220, 590, 22):
        c.line([(x, 376), (x + 11, 376)], "#f1e2c6", 3)
        c.line([(x, 622), (x + 11, 622)], "#f1e2c6", 3)
    return c


def board(spec: PictureSpec, rng: Random) -> Canvas:
    wood = spec.colour or "#7b5434"
    c = Canvas("#ebe4da", table="#d6c6ae")
    c.shadow((120, 520, 700, 690))
    c.rectangle((110, 330, 600, 640), wood, radius=30)
    c.rectangle((560, 420, 720, 550), wood, radius=40)
    c.circle(665, 485, 24, "#d6c6ae")
    _grain(c, (110, 330, 600, 640), wood, rng)
    return c


def _brand_text(c: Canvas, x: float, y: float, size: float, colour: str) -> None:
    c.text((x, y - size * 0.55), "Oh my", size, colour)
    c.text((x, y + size * 0.55), "Lot !", size * 1.1, colour)


def tshirt(spec: PictureSpec, rng: Random) -> Canvas:
    cloth = spec.colour or BRAND_BLUE
    ink = BRAND_BLUE if is_light(cloth) else "#fdf8ee"
    c = Canvas("#e4ecef" if is_light(cloth) else "#efe6d6")
    outline = [
        (270, 160),
        (340, 140),
        (460, 140),
        (530, 160),
        (680, 260),
        (620, 360),
        (560, 320),
        (560, 700),
        (240, 700),
        (240, 320),
        (180, 360),
        (120, 260),
    ]
    c.shadow((230, 660, 570, 730))
    c.polygon(outline, cloth, outline=darken(cloth, 0.2), width=4)
    c.chord((340, 100, 460, 190), 0, 180, darken(cloth, 0.25))
    _brand_text(c, 400, 400, 64, ink)
    c.circle(400, 520, 10, BRAND_OCHRE)
    return c


def tote(spec: PictureSpec, rng: Random) -> Canvas:
    canvas_colour = spec.colour or "#e8dcc2"
    c = Canvas("#d9e4e8")
    c.shadow((210, 660, 590, 730))
    c.arc((270, 140, 390, 420), 180, 360, darken(canvas_colour, 0.2), 22)
    c.arc((410, 140, 530, 420), 180, 360, darken(canvas_colour, 0.2), 22)
    c.polygon(
        [(220, 280), (580, 280), (600, 700), (200, 700)],
        canvas_colour,
        outline=darken(canvas_colour, 0.2),
        width=4,
    )
    _brand_text(c, 400, 480, 70, BRAND_BLUE)
    return c


def mug(spec: PictureSpec, rng: Random) -> Canvas:
    body = spec.colour or BRAND_BLUE
    c = Canvas("#f0e6d8", table="#c8ab84")
    c.shadow((220, 620, 600, 700))
    c.ellipse((470, 360, 610, 560), None, outline=body, width=30)
    c.cylinder(370, 300, 150, 42, 330, "#4a2e1f", body)
    c.ellipse((220, 258, 520, 342), None, outline=lighten(body, 0.2), width=8)
    _brand_text(c, 370, 460, 54, "#fdf8ee")
    return c


def cap(spec: PictureSpec, rng: Random) -> Canvas:
    cloth = spec.colour or BRAND_OCHRE
    c = Canvas("#e6ecee", table="#d2c4ad", horizon=560)
    c.shadow((170, 580, 690, 680))
    c.polygon(egg(500, 600, 210, 52, 0, -4), darken(cloth, 0.2))
    c.chord((180, 340, 620, 800), 180, 360, cloth)
    c.rectangle((180, 556, 620, 572), darken(cloth, 0.1), radius=6)
    for x in (290, 400, 510):
        c.line([(400, 342), (x, 566)], darken(cloth, 0.15), 3)
    c.circle(400, 342, 14, darken(cloth, 0.25))
    c.text((400, 490), "Oh my Lot !", 44, BRAND_BLUE)
    return c


def landscape_scene(c: Canvas, box: Box, rng: Random) -> None:
    """Causse hills above the river Lot, a village on its cliff and the sun, inside `box`."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top

    def at(u: float, v: float) -> tuple[float, float]:
        return left + width * u, top + height * v

    c.rectangle(box, rng.choice(("#bfe0ef", "#cfe6ee", "#f3dcc2")))
    c.circle(*at(rng.uniform(0.12, 0.85), rng.uniform(0.12, 0.22)), height * 0.08, "#f6cf5b")
    palette = rng.choice((("#b9c48a", "#8fa668", "#6d8a4f"), ("#d8c48e", "#b7a56a", "#8a8f55")))
    for colour, level in zip(palette, (0.45, 0.58, 0.72), strict=True):
        phase, waves = rng.uniform(0, math.pi), rng.uniform(4, 8)
        points = [
            at(step / 40, level + 0.06 * math.sin(phase + waves * step / 40)) for step in range(41)
        ]
        c.polygon([*points, (right, bottom), (left, bottom)], colour)
    middle = rng.uniform(0.3, 0.7)
    cliff = [
        at(middle - 0.17, 0.52),
        at(middle + 0.15, 0.49),
        at(middle + 0.2, 0.8),
        at(middle - 0.22, 0.8),
    ]
    c.polygon(cliff, "#e3d3b0")
    houses = rng.randint(3, 6)
    for index in range(houses):
        x, y = at(middle - 0.15 + index * 0.3 / houses, 0.46 - 0.02 * (index % 2))
        c.rectangle((x, y, x + width * 0.045, y + height * 0.06), "#efe4cc")
        roof = [(x - 4, y), (x + width * 0.0225, y - height * 0.04), (x + width * 0.045 + 4, y)]
        c.polygon(roof, "#b5553c")
    river = [at(0, 0.9), at(rng.uniform(0.3, 0.7), rng.uniform(0.83, 0.88)), at(1, 0.92)]
    c.line(river, "#5f9fc4", height * 0.05)
    for _ in range(rng.randint(3, 6)):
        u = rng.choice((rng.uniform(0.03, middle - 0.25), rng.uniform(middle + 0.25, 0.97)))
        c.circle(*at(u, rng.uniform(0.66, 0.74)), height * 0.045, "#4f6e3a")


def landscape(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#bfe0ef")
    landscape_scene(c, (0, 0, 800, 800), rng)
    if spec.label:
        c.rectangle((160, 660, 640, 740), "#fdf8ee", radius=20)
        c.text((400, 700), spec.label, 40, BRAND_BLUE, max_width=440)
    return c


def poster(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#e9e2d6", table="#b88e62", horizon=690)
    c.shadow((190, 650, 610, 720))
    c.rectangle((180, 60, 620, 700), "#fdf8ee", outline="#d8ccb8", width=3)
    landscape_scene(c, (210, 90, 590, 540), rng)
    c.text((400, 590), spec.label.upper(), 30, BRAND_BLUE, max_width=360)
    c.text((400, 650), "Oh my Lot !", 26, BRAND_OCHRE)
    return c
