"""What the load's shoppers pick from: pages of the scaled catalogue and variants to buy, read
from the bench database (the stack's copy holds the same rows)."""

import random
from urllib.parse import quote_plus

from bench.load_shoppers import BrowsePaths
from bench.load_stack import LoadError
from catalogue.models import ProductVariant
from catalogue.selectors import categories_all, products_for_sale

SAMPLE = 150  # products, producers and variants the shoppers pick from
SEARCHES = ("noix", "fromage de chèvre", "vin", "safran", "miel", "truffe", "couteau", "agneau")
CATEGORY_QUERIES = ("", "?sort=price_asc", "?sort=newest&page=2", "?in_stock=on&sort=name")
RACE_PRODUCT = "truffe-noire-fraiche-50-g"  # a demo product: its stock is set low
STOCK_AT_LEAST = 20  # variants bought by the other checkouts hold at least this many


def browse_paths(*, language: str, rng: random.Random) -> BrowsePaths:
    """Pages of every kind, a sample of the products and producers; in `language`."""
    prefix = f"/{language}"
    for_sale = products_for_sale()
    rows = list(for_sale.values_list("slug", "category__slug", "seller__slug"))
    seller_in = {category: seller for _slug, category, seller in rows}
    categories = [
        f"{prefix}/c/{category.slug}/{query}"
        for category in categories_all()
        for query in CATEGORY_QUERIES
    ]
    categories += [f"{prefix}/c/{slug}/?producer={seller}" for slug, seller in seller_in.items()]
    producers = sorted({seller for _slug, _category, seller in rows})
    return BrowsePaths(
        home=f"{prefix}/",
        categories=categories,
        products=[
            f"{prefix}/p/{slug}/" for slug, _c, _s in rng.sample(rows, min(SAMPLE, len(rows)))
        ],
        producers=[
            f"{prefix}/producers/{slug}/"
            for slug in rng.sample(producers, min(SAMPLE, len(producers)))
        ],
        searches=[f"{prefix}/search/?q={quote_plus(words)}" for words in SEARCHES],
    )


def checkout_variants(
    *, language: str, rng: random.Random
) -> tuple[list[tuple[int, str]], tuple[int, str]]:
    """(variant, product page) pairs with stock enough, and the variant the shoppers race for."""
    variants = list(
        ProductVariant.objects.filter(
            product__in=products_for_sale(), stock_quantity__gte=STOCK_AT_LEAST
        )
        .exclude(product__slug=RACE_PRODUCT)
        .values_list("pk", "product__slug")
    )
    race = (
        ProductVariant.objects.filter(product__slug=RACE_PRODUCT)
        .order_by("position", "pk")
        .values_list("pk", "product__slug")
        .first()
    )
    if race is None or not variants:
        raise LoadError(f"no variant to buy (the demo's {RACE_PRODUCT} is missing?)")
    page = f"/{language}/p/{{}}/"
    chosen = rng.sample(variants, min(SAMPLE, len(variants)))
    return [(pk, page.format(slug)) for pk, slug in chosen], (race[0], page.format(race[1]))
