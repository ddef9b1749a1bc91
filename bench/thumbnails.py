"""Thumbnail throughput: our pipeline against Pillow alone doing the same resizes.

Both turn the same photos into the same WebP sizes (settings.THUMBNAIL_SIZES) with the same
encoder settings. The baseline is what a plain Pillow script does: open, then for each size
copy the picture, `thumbnail()` it with Lanczos and save it. Ours is
`catalogue.images.thumbnails_make`, which also checks the file as uploads are checked. Figures are
images per second on one core (one process), the median of several rounds.
"""

import io
import random
import statistics
import time

from django.conf import settings
from PIL import Image, ImageDraw, ImageFilter

from bench.report import table, yes_no
from bench.runner import BenchContext
from catalogue.images import THUMBNAIL_QUALITY, thumbnails_make

# Phone photos as producers upload them (12 and 8 megapixels), and a smaller scanned label.
PHOTO_SIZES = ((4000, 3000), (3000, 4000), (3264, 2448), (1600, 1200))
ROUNDS = 5
WEBP_METHOD = 4


def _photo(width: int, height: int, seed: int) -> bytes:
    """A JPEG with a photo's texture (shapes, gradients, grain), made the same on every run."""
    rng = random.Random(seed)
    small = Image.new("RGB", (width // 8, height // 8))
    draw = ImageDraw.Draw(small)
    for _ in range(60):
        x, y = rng.randrange(small.width), rng.randrange(small.height)
        radius = rng.randint(10, max(11, small.width // 4))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    picture = small.filter(ImageFilter.GaussianBlur(6)).resize((width, height), Image.BICUBIC)
    grain = Image.effect_noise((width, height), 24).convert("RGB")
    picture = Image.blend(picture, grain, 0.12)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def pillow_alone(content: bytes, *, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """The baseline: plain Pillow, each size from the full picture."""
    made: dict[int, bytes] = {}
    with Image.open(io.BytesIO(content)) as image:
        image = image.convert("RGB")
        for size in sizes:
            copy = image.copy()
            copy.thumbnail((size, size), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, format="WEBP", quality=THUMBNAIL_QUALITY, method=WEBP_METHOD)
            made[size] = buffer.getvalue()
    return made


def _images_per_second(make, photos: list[bytes], sizes: tuple[int, ...]) -> float:
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for content in photos:
            make(content, sizes=sizes)
        rounds.append(len(photos) / (time.perf_counter() - started))
    return statistics.median(rounds)


def run(context: BenchContext) -> None:
    sizes = tuple(settings.THUMBNAIL_SIZES)
    described = ", ".join(f"{width}x{height}" for width, height in PHOTO_SIZES)
    context.say(f"    making {len(PHOTO_SIZES)} test photos ({described})")
    photos = [_photo(width, height, seed) for seed, (width, height) in enumerate(PHOTO_SIZES)]
    context.say(
        f"    thumbnails of {', '.join(map(str, sizes))} px, WebP quality {THUMBNAIL_QUALITY}, "
        f"median of {ROUNDS} rounds"
    )
    baseline = _images_per_second(pillow_alone, photos, sizes)
    ours = _images_per_second(thumbnails_make, photos, sizes)
    rows = [
        ("Pillow alone (baseline)", f"{baseline:.2f}", "1.00"),
        ("catalogue.images.thumbnails_make", f"{ours:.2f}", f"{ours / baseline:.2f}"),
    ]
    context.say("")
    context.say(table(("pipeline", "images/s per core", "vs Pillow alone"), rows))
    context.say(
        f"\nThumbnails: {ours:.2f} images/s per core against Pillow alone {baseline:.2f}; "
        f"beats it: {yes_no(ours > baseline)}"
    )
