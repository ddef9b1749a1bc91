"""The demo's three campaigns, the moments of the programme: summer, back-to-school, spring.

Dates are set when a campaign is created, from the day of that first load: the summer campaign
runs then (the home page shows it), back-to-school follows with its reminder, then spring. The
admin's preview shows each on its days. Banners are drawn here with Pillow.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from branding.models import Campaign
from catalogue.models import Product
from producers.models import Producer
from shop.demo.data import Text
from shop.demo.rows import UNCHANGED, UPDATED, translations_of, upsert

BANNER_SIZE = (1280, 640)


@dataclass(frozen=True)
class CampaignSpec:
    tag: str
    name: str
    headline: Text
    text: Text
    banner_alt: Text
    starts_in_days: int  # from the day of the first load
    lasts_days: int
    palette: tuple[str, str, str, str]  # sky, sun, hills, river
    products: tuple[str, ...]
    producers: tuple[str, ...]
    sends_reminder: bool = False


CAMPAIGNS = (
    CampaignSpec(
        tag="ete",
        name="Été dans le Lot",
        headline=Text("L'été dans le Lot, à emporter chez vous", "Summer in the Lot, to take home"),
        text=Text(
            "Vous avez goûté le Rocamadour au marché, le Cahors au domaine ? Scannez l'affiche "
            "des producteurs et retrouvez-les ici, même rentrés chez vous.",
            "Tasted Rocamadour at the market, Cahors at the estate? Scan the producers' poster "
            "and find them here, even back home.",
        ),
        banner_alt=Text(
            "Le soleil d'été sur les causses et les méandres du Lot",
            "The summer sun over the causses and the meanders of the Lot",
        ),
        starts_in_days=-20,
        lasts_days=60,
        palette=("#8ec9ef", "#f5c542", "#c9b37a", "#1d4e89"),
        products=("rocamadour-aop", "cahors-tradition", "cerneaux-de-noix-du-perigord-aop"),
        producers=("chevrerie-du-causse", "domaine-de-la-combe-haute"),
    ),
    CampaignSpec(
        tag="rentree",
        name="Rentrée",
        headline=Text("Le Lot vous manque ?", "Missing the Lot?"),
        text=Text(
            "Les producteurs rencontrés cet été livrent chez vous : noix, safran, vins de Cahors.",
            "The producers you met this summer deliver to your door: walnuts, saffron, Cahors.",
        ),
        banner_alt=Text(
            "Les couleurs d'automne sur la vallée du Lot",
            "Autumn colours over the Lot valley",
        ),
        starts_in_days=41,
        lasts_days=45,
        palette=("#f3d9b1", "#e07a2f", "#a0522d", "#1d4e89"),
        products=("noix-du-perigord-aop-1-kg", "safran-du-quercy-0-5-g", "cahors-grande-cuvee"),
        producers=("noyeraie-de-martel", "safraniere-de-cajarc"),
        sends_reminder=True,
    ),
    CampaignSpec(
        tag="printemps",
        name="Printemps",
        headline=Text("Le printemps revient dans le Lot", "Spring comes back to the Lot"),
        text=Text(
            "Fraises du Périgord, agneau du Quercy et premiers marchés de producteurs.",
            "Périgord strawberries, Quercy lamb and the first producers' markets.",
        ),
        banner_alt=Text("Les prés en fleurs au bord du Lot", "Meadows in bloom by the Lot"),
        starts_in_days=87,
        lasts_days=90,
        palette=("#cfe8f7", "#fbe38e", "#7fb069", "#2b6cb0"),
        products=("fraises-du-perigord-igp", "miel-de-chataignier"),
        producers=("jardins-du-quercy-blanc",),
    ),
)


def banner_render(palette: tuple[str, str, str, str]) -> bytes:
    """A banner: sky, sun, two ranges of hills and the meander of the river, as JPEG bytes."""
    sky, sun, hills, river = palette
    width, height = BANNER_SIZE
    image = Image.new("RGB", BANNER_SIZE, sky)
    draw = ImageDraw.Draw(image)
    draw.ellipse((880, 70, 1080, 270), fill=sun)
    far = [(0, 380), (220, 300), (470, 360), (760, 280), (1020, 350), (1280, 300)]
    draw.polygon([*far, (width, height), (0, height)], fill=_shade(hills, 0.25))
    near = [(0, 470), (300, 400), (640, 460), (980, 390), (1280, 450)]
    draw.polygon([*near, (width, height), (0, height)], fill=hills)
    meander = [(0, 600), (260, 540), (520, 610), (780, 530), (1040, 590), (1280, 540)]
    draw.line(meander, fill=river, width=44, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _shade(colour: str, amount: float) -> str:
    """`colour` moved towards white by `amount` (0 to 1): hills fade in the distance."""
    value = colour.lstrip("#")
    channels = [int(value[index : index + 2], 16) for index in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def campaigns_load(
    *,
    today: date,
    products: dict[str, Product],
    producers: dict[str, Producer],
    count: Callable[[str, str], None],
) -> None:
    """Create or bring up to date the demo campaigns; dates and banners only on creation."""
    for spec in CAMPAIGNS:
        starts_on = today + timedelta(days=spec.starts_in_days)
        campaign, outcome = upsert(
            Campaign,
            lookup={"tag": spec.tag},
            values={
                "name": spec.name,
                "headline": spec.headline.fr,
                "text": spec.text.fr,
                "banner_alt": spec.banner_alt.fr,
                "sends_reminder": spec.sends_reminder,
                "translations": translations_of(
                    headline=spec.headline, text=spec.text, banner_alt=spec.banner_alt
                ),
            },
            create_only={
                "starts_on": starts_on,
                "ends_on": starts_on + timedelta(days=spec.lasts_days - 1),
            },
        )
        if not campaign.banner:
            campaign.banner.save(
                f"{spec.tag}.jpg", ContentFile(banner_render(spec.palette)), save=False
            )
            campaign.save(update_fields=["banner"])
        wanted_products = {products[slug].pk for slug in spec.products}
        wanted_producers = {producers[slug].pk for slug in spec.producers}
        for related, wanted in (
            (campaign.featured_products, wanted_products),
            (campaign.featured_producers, wanted_producers),
        ):
            if set(related.values_list("pk", flat=True)) != wanted:
                related.set(wanted)
                outcome = UPDATED if outcome == UNCHANGED else outcome
        count("Campaigns", outcome)
