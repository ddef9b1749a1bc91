"""Drawings of the food products: cheese, walnuts, fruit, saffron, truffles, meat, jars, wine."""

import math
from random import Random

from shop.demo.canvas import Canvas, darken, egg, is_light, lighten, rotated_rectangle
from shop.demo.data import PictureSpec

WOOD = "#b98a5e"
LINEN = "#efe6d2"


def _thyme(c: Canvas, x: float, y: float, length: float, angle: float) -> None:
    turn = math.radians(angle)
    end = (x + length * math.cos(turn), y + length * math.sin(turn))
    c.line([(x, y), end], "#5d6b3a", 4)
    for step in range(1, 7):
        px = x + (end[0] - x) * step / 7
        py = y + (end[1] - y) * step / 7
        for side in (-1, 1):
            c.polygon(egg(px, py + side * 9, 5, 10, 0.2, angle + 90 * side), "#7d8f4e")


def cheese(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#f3e7cc", table="#d9c39a")
    c.shadow((140, 560, 660, 660))
    c.rectangle((110, 500, 690, 640), WOOD, radius=28)
    c.rectangle((110, 500, 690, 590), lighten(WOOD, 0.12), radius=28)
    for x, y in ((290, 470), (510, 475), (400, 540)):
        c.shadow((x - 110, y + 10, x + 110, y + 60), strength=0.3)
        c.cylinder(x, y, 100, 36, 30, "#f8f1dc", "#e6d5ad")
        c.ellipse((x - 60, y - 22, x + 40, y + 10), "#fcf8ec")
        for _ in range(18):
            px, py = x + rng.uniform(-80, 80), y + rng.uniform(-22, 22)
            c.circle(px, py, rng.uniform(2, 4), "#eadbb5")
    _thyme(c, 560, 600, 130, -12)
    _thyme(c, 150, 600, 110, 8)
    return c


def cheese_platter(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#efe4cf", table="#c9b28a")
    c.shadow((110, 420, 690, 690))
    c.ellipse((100, 370, 700, 670), "#f6f3ec", outline="#d8d0c0", width=6)
    crusts = (("#fbf7ea", "#efe6cc"), ("#f3e6c4", "#e3d1a4"), ("#e6cf9c", "#cfb27a"))
    places = [(260, 430), (400, 420), (540, 430), (250, 520), (400, 530), (550, 520)]
    for index, (x, y) in enumerate(places):
        lid, side = crusts[index % 3]
        c.cylinder(x, y, 66, 26, 24, lid, side)
    return c


def _walnut(c: Canvas, x: float, y: float, r: float, rng: Random) -> None:
    shell = rng.choice(("#b07a45", "#a26d3b", "#bb8752"))
    c.shadow((x - r, y + r * 0.5, x + r, y + r * 1.2), strength=0.25)
    c.ellipse(
        (x - r, y - r * 0.92, x + r, y + r * 0.92), shell, outline=darken(shell, 0.3), width=3
    )
    c.line([(x, y - r * 0.9), (x + r * 0.05, y), (x, y + r * 0.9)], darken(shell, 0.35), 4)
    for _ in range(9):
        angle = rng.uniform(0, 360)
        radius = rng.uniform(0.25, 0.7) * r
        box = (x - radius, y - radius, x + radius, y + radius)
        c.arc(box, angle, angle + rng.uniform(25, 60), darken(shell, 0.22), 3)


def walnuts(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#e9dcc0")
    outline = [(60, 260), (740, 230), (760, 760), (40, 740)]
    c.polygon(outline, "#c8ad7c")
    c.hatch(outline, "#b39566", 14, 2)
    for x, y, r in (
        (250, 380, 95),
        (430, 340, 100),
        (600, 420, 92),
        (320, 560, 100),
        (510, 580, 98),
        (680, 610, 80),
        (150, 560, 78),
    ):
        _walnut(c, x, y, r, rng)
    return c


def _kernel(c: Canvas, x: float, y: float, size: float, rng: Random) -> None:
    colour = rng.choice(("#d2a468", "#c8955a", "#dcb47c"))
    for dx, dy in ((-0.5, -0.35), (0.5, -0.35), (-0.45, 0.4), (0.45, 0.4)):
        c.polygon(
            egg(x + dx * size, y + dy * size, size * 0.55, size * 0.42, 0.25, rng.uniform(-30, 30)),
            colour,
            outline=darken(colour, 0.25),
            width=2,
        )
    c.line([(x, y - size * 0.7), (x, y + size * 0.7)], darken(colour, 0.35), 3)


def kernels(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#efe3cc", table=WOOD)
    c.shadow((170, 560, 630, 690))
    c.ellipse((160, 360, 640, 480), "#e7e1d6")
    for _ in range(22):
        _kernel(c, rng.uniform(240, 560), rng.uniform(360, 440), rng.uniform(34, 44), rng)
    c.chord((160, 250, 640, 650), 0, 180, "#f5f1ea")
    c.arc((160, 360, 640, 480), 0, 180, "#d8d0c2", 6)
    for x, y in ((180, 640), (620, 650), (680, 600)):
        _kernel(c, x, y, 36, rng)
    return c


def _strawberry(c: Canvas, x: float, y: float, size: float, angle: float, rng: Random) -> None:
    red = rng.choice(("#d62f2f", "#c92231", "#e0403a"))
    c.polygon(egg(x, y, size, size * 1.1, 0.45, angle), red, outline=darken(red, 0.2), width=2)
    for _ in range(14):
        px, py = x + rng.uniform(-0.6, 0.6) * size, y + rng.uniform(-0.5, 0.7) * size
        c.ellipse((px - 3, py - 4, px + 3, py + 4), "#f4d35e")
    for leaf in range(5):
        turn = math.radians(angle - 90 + (leaf - 2) * 35)
        tip = (x + math.cos(turn) * size * 0.75, y - size * 0.95 + math.sin(turn) * size * 0.4)
        c.polygon([(x - 10, y - size * 0.95), tip, (x + 10, y - size * 0.95)], "#3f8a3a")


def strawberries(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#f6e3e0", table="#e9d2b5")
    c.shadow((150, 600, 650, 700))
    for x, y in (
        (250, 430),
        (360, 400),
        (470, 420),
        (560, 440),
        (300, 480),
        (420, 470),
        (520, 490),
    ):
        _strawberry(c, x, y, 58, rng.uniform(-20, 20), rng)
    c.polygon([(150, 470), (650, 470), (610, 670), (190, 670)], "#8db36b")
    for x in range(180, 640, 40):
        c.line([(x, 480), (x + 8, 660)], "#7aa35a", 6)
    _strawberry(c, 640, 640, 46, 30, rng)
    return c


def saffron(spec: PictureSpec, rng: Random) -> Canvas:
    petal = spec.colour or "#9b6cc9"
    c = Canvas("#f1e9f2", table="#e3d6c6")
    c.line([(330, 640), (320, 420)], "#4f7a3a", 10)
    c.polygon(egg(300, 560, 18, 90, 0.3, 20), "#5e8f45")
    for index in range(6):
        angle = index * 60 + 15
        turn = math.radians(angle)
        cx, cy = 320 + math.cos(turn) * 95, 330 + math.sin(turn) * 80
        c.polygon(egg(cx, cy, 105, 52, 0.2, angle), petal, outline=darken(petal, 0.2), width=3)
    c.circle(320, 330, 40, lighten(petal, 0.35))
    for angle in (-60, -100, -140):
        turn = math.radians(angle)
        c.line([(320, 330), (320 + math.cos(turn) * 120, 330 + math.sin(turn) * 110)], "#c8102e", 8)
    c.shadow((470, 600, 650, 660))
    c.rectangle((490, 410, 630, 630), "#f7f3f0", radius=24, outline="#cfc4c8", width=4)
    c.rectangle((505, 470, 615, 615), "#f2e8e4", radius=14)
    for _ in range(26):
        x, y = rng.uniform(515, 605), rng.uniform(500, 605)
        angle = math.radians(rng.uniform(0, 180))
        c.line([(x, y), (x + math.cos(angle) * 26, y + math.sin(angle) * 26)], "#b5121b", 4)
    c.rectangle((500, 380, 620, 420), "#8a6a3a", radius=8)
    return c


def _truffle(c: Canvas, x: float, y: float, r: float, rng: Random) -> None:
    c.shadow((x - r, y + r * 0.4, x + r, y + r * 1.15), strength=0.35)
    c.circle(x, y, r, "#2b2321")
    for _ in range(60):
        angle, distance = rng.uniform(0, 2 * math.pi), rng.uniform(0, 0.92) * r
        px, py = x + math.cos(angle) * distance, y + math.sin(angle) * distance
        c.circle(px, py, rng.uniform(4, 9), rng.choice(("#3a302c", "#211a19", "#453934")))


def truffle(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas(spec.colour or "#e7dcc8", table=WOOD)
    _truffle(c, 300, 470, 120, rng)
    _truffle(c, 480, 530, 80, rng)
    c.shadow((470, 600, 690, 690))
    c.ellipse((480, 560, 680, 670), "#3b2e2a", outline="#241c1a", width=5)
    for _ in range(7):
        y = rng.uniform(580, 650)
        points = [(500 + step * 30, y + rng.uniform(-8, 8)) for step in range(6)]
        c.line(points, "#d9cfc4", 3)
    return c


def jar(spec: PictureSpec, rng: Random) -> Canvas:
    content = spec.colour or "#e9c98f"
    c = Canvas("#efe5d6", table="#cdb38d")
    c.shadow((270, 600, 530, 680))
    c.rectangle((280, 320, 520, 650), lighten(content, 0.35), radius=40)
    c.rectangle((295, 345, 505, 635), content, radius=32)
    c.rectangle((312, 360, 332, 610), lighten(content, 0.45), radius=8)
    c.rectangle((270, 270, 530, 335), "#b8922c", radius=14)
    c.rectangle((270, 318, 530, 335), "#9c7a20", radius=6)
    c.rectangle((315, 430, 485, 540), "#fbf6ea", radius=10, outline="#8c6d3f", width=3)
    c.text((400, 485), spec.label, 34, "#5b3a1e", max_width=150)
    return c


def tin(spec: PictureSpec, rng: Random) -> Canvas:
    label = spec.colour or "#8c2f39"
    c = Canvas("#ede3d3", table="#c7ad86")
    c.shadow((240, 600, 560, 690))
    c.cylinder(400, 330, 150, 42, 290, "#d9d9d9", label)
    c.ellipse((262, 298, 538, 362), "#c4c4c4", outline="#b0b0b0", width=4)
    c.rectangle((250, 360, 550, 375), darken(label, 0.2))
    c.rectangle((250, 570, 550, 585), darken(label, 0.2))
    c.text((400, 470), spec.label, 52, "#f6e9c8", max_width=260)
    return c


def melon(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#f3ead3", table="#d4bf93")
    c.shadow((150, 560, 480, 660))
    c.circle(310, 450, 160, "#c9d39b", outline="#9aa56a", width=4)
    for half_width in (45, 95, 140):
        rib = (310 - half_width, 292, 310 + half_width, 608)
        c.arc(rib, 270, 90, "#8f9a5c", 4)
        c.arc(rib, 90, 270, "#8f9a5c", 4)
    c.shadow((430, 590, 700, 670))
    c.pieslice((430, 430, 700, 700), 180, 360, "#6f8f3a")
    c.pieslice((445, 445, 685, 685), 180, 360, "#f6d58a")
    c.pieslice((460, 460, 670, 670), 180, 360, "#f29f4b")
    c.pieslice((520, 520, 610, 610), 180, 360, "#f7c27a")
    return c


def cake(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#f1e6d6", table="#c9ab80")
    c.shadow((150, 560, 650, 680))
    c.ellipse((140, 480, 660, 660), "#f7f4ee", outline="#ddd5c7", width=5)
    c.cylinder(400, 430, 200, 70, 110, "#c58b52", "#a8683a")
    for index in range(8):
        angle = math.radians(index * 45)
        _kernel(c, 400 + math.cos(angle) * 130, 430 + math.sin(angle) * 42, 30, rng)
    _kernel(c, 400, 430, 34, rng)
    return c


def _bone(c: Canvas, x1: float, y1: float, x2: float, y2: float, width: float) -> None:
    c.line([(x1, y1), (x2, y2)], "#efe6d5", width)
    c.circle(x2, y2, width * 0.8, "#f5eee2")


def lamb_leg(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#eee3da", table="#d9c7b0")
    c.polygon([(110, 330), (700, 300), (720, 690), (90, 700)], "#f4efe6")
    c.shadow((180, 560, 620, 660))
    _bone(c, 520, 420, 660, 350, 36)
    c.polygon(egg(360, 480, 230, 140, 0.35, -10), "#f2d9c7")
    c.polygon(egg(360, 485, 200, 112, 0.35, -10), "#d9786b")
    c.polygon(egg(330, 480, 120, 60, 0.3, -10), "#e38f82")
    _thyme(c, 160, 640, 170, -20)
    return c


def lamb_chops(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#efe3d8", table="#cdb79a")
    c.shadow((150, 560, 650, 670))
    for index, angle in enumerate((-25, 0, 25)):
        turn = math.radians(angle - 90)
        x, y = 280 + index * 120, 520
        _bone(c, x, y, x + math.cos(turn) * 230, y + math.sin(turn) * 230, 24)
        c.polygon(egg(x, y + 20, 95, 75, 0.15, angle), "#f2d9c7")
        c.polygon(egg(x, y + 25, 75, 55, 0.15, angle), "#d46f63")
    _thyme(c, 560, 660, 160, -8)
    return c


def meat_parcel(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#ece2d5", table="#bfa280")
    c.shadow((140, 560, 660, 690))
    c.rectangle((150, 330, 650, 640), "#d8b98a", radius=18)
    c.polygon([(150, 330), (400, 470), (650, 330)], "#cfae7c")
    c.line([(400, 330), (400, 640)], "#7c4f2a", 8)
    c.line([(150, 485), (650, 485)], "#7c4f2a", 8)
    c.ellipse((330, 430, 400, 485), None, outline="#7c4f2a", width=7)
    c.ellipse((400, 430, 470, 485), None, outline="#7c4f2a", width=7)
    c.polygon(rotated_rectangle(560, 580, 150, 70, -10), "#fbf6ea", outline="#8c6d3f", width=3)
    c.text((560, 580), "QUERCY", 26, "#7a2e24")
    return c


def magret(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#efe2d6", table="#7b5434")
    c.rectangle((120, 450, 680, 690), "#a47249", radius=24)
    c.shadow((170, 500, 630, 640))
    c.polygon(egg(400, 510, 250, 110, 0.3, 0), "#8e2f2f")
    skin = egg(400, 490, 240, 100, 0.3, 0)
    c.polygon(skin, "#f0d7b4")
    c.hatch(skin, "#c79a6a", 46, 4)
    return c


def _bottle_shape(c: Canvas, x: float, wine: str, label: str) -> None:
    glass = wine if is_light(wine) else "#223b2b"
    c.shadow((x - 90, 640, x + 90, 700))
    c.rectangle((x - 75, 330, x + 75, 680), glass, radius=30)
    c.ellipse((x - 75, 270, x + 75, 390), glass)
    c.rectangle((x - 26, 160, x + 26, 320), glass, radius=8)
    c.rectangle((x - 30, 140, x + 30, 230), "#7a1f2b" if is_light(wine) else "#a8832a", radius=8)
    c.rectangle((x - 60, 350, x - 42, 640), lighten(glass, 0.25), radius=9)
    c.rectangle((x - 62, 440, x + 62, 580), "#f8f2e4", radius=6)
    c.rectangle((x - 62, 440, x + 62, 452), "#8c2032")
    c.text((x, 505), label, 24, "#3a2418", max_width=112)
    c.line([(x - 30, 545), (x + 30, 545)], "#8c2032", 3)


def bottle(spec: PictureSpec, rng: Random) -> Canvas:
    c = Canvas("#f0e2de", table="#c9ab8a", horizon=640)
    _bottle_shape(c, 400, spec.colour or "#4a0d1c", spec.label or "VIN")
    return c


def bottle_glass(spec: PictureSpec, rng: Random) -> Canvas:
    wine = spec.colour or "#4a0d1c"
    c = Canvas("#efe1dc", table="#c9ab8a", horizon=640)
    _bottle_shape(c, 300, wine, spec.label or "VIN")
    c.shadow((470, 640, 640, 690))
    c.ellipse((490, 640, 620, 672), "#e9eef0", outline="#c4cdd1", width=3)
    c.line([(555, 655), (555, 520)], "#d7dee2", 8)
    c.chord((470, 300, 640, 540), 0, 180, "#eef3f5")
    c.chord((478, 360, 632, 532), 0, 180, wine)
    c.arc((470, 230, 640, 540), 0, 180, "#c4cdd1", 4)
    c.line([(470, 385), (478, 300)], "#c4cdd1", 4)
    c.line([(640, 385), (632, 300)], "#c4cdd1", 4)
    return c
