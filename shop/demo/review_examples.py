"""Work waiting for the chambers after `make demo`: two producers propose changes to approved
products, so the Agriculture and CMA reviewers each find a side-by-side change in their queue.

Proposed through the producers' own service, as the portal would. A product that already has a
change (waiting or decided) gets no new one, so loading again changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from catalogue.models import Product
from producers.models import ProductRevision
from producers.services.submission import product_revision_propose
from shop.accounts.models import User
from shop.demo.data import DEMO_EMAIL_DOMAIN, Text
from shop.demo.rows import CREATED, UNCHANGED


@dataclass(frozen=True)
class ChangeSpec:
    product: str  # slug
    proposed_by: str  # the owner's login, before the demo domain
    description: Text


CHANGES = (
    ChangeSpec(
        "rocamadour-aop",
        "ferme",
        Text(
            "Le petit palet de chèvre au lait cru du causse, crémeux et noisetté. Nos chèvres "
            "pâturent les pelouses sèches du causse de mars à novembre ; affiné dix à quinze "
            "jours, il se déguste nature, ou rôti sur du pain grillé et une salade aux noix.",
            "The small raw goat's milk disc of the limestone plateau, creamy and nutty. Our goats "
            "graze the dry grasslands of the plateau from March to November; ripened ten to "
            "fifteen days, eat it plain, or warm on toast over a walnut salad.",
        ),
    ),
    ChangeSpec(
        "couteau-le-quercynois",
        "atelier",
        Text(
            "Lame forgée en acier carbone XC75, manche en noyer du Quercy séché trois ans, mitres "
            "en laiton. Chaque couteau est poinçonné à l'atelier de Figeac. Huiler la lame de "
            "temps en temps.",
            "Forged XC75 carbon-steel blade, Quercy walnut handle dried for three years, brass "
            "bolsters. Each knife is stamped in the Figeac workshop. Oil the blade now and then.",
        ),
    ),
)


def review_examples_load(*, count: Callable[[str, str], None]) -> None:
    """Propose each demo change once, as its producer's owner."""
    for spec in CHANGES:
        product = Product.objects.get(slug=spec.product)
        if ProductRevision.objects.filter(product=product).exists():
            count("Changes waiting for review", UNCHANGED)
            continue
        owner = User.objects.get(email=f"{spec.proposed_by}@{DEMO_EMAIL_DOMAIN}")
        product_revision_propose(
            user=owner,
            product=product,
            changes={
                "description": spec.description.fr,
                "translations": {"en": {"description": spec.description.en}},
            },
        )
        count("Changes waiting for review", CREATED)
