"""The demo's promo codes, run by the brand team with its campaigns: a welcome for the summer's
visitors, free delivery to bring them back at the start of the school year.

Each code is valid while its campaign runs (from its first day to the end of its last, Paris
time); dates are set when the code is created, like the campaigns'.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from branding.models import Campaign
from shop.demo.data import Text
from shop.demo.rows import translations_of, upsert
from shop.discounts.models import Voucher, VoucherKind


@dataclass(frozen=True)
class VoucherSpec:
    code: str
    name: Text
    kind: VoucherKind
    value: int  # percent, or euro cents
    minimum_subtotal: int  # euro cents
    campaign: str  # the campaign's tag
    usage_limit: int | None = None
    once_per_email: bool = False


VOUCHERS = (
    VoucherSpec(
        code="BIENVENUE-ETE",
        name=Text("Bienvenue de l'été dans le Lot", "Summer welcome to the Lot"),
        kind=VoucherKind.PERCENTAGE,
        value=10,
        minimum_subtotal=3000,
        campaign="ete",
        usage_limit=500,
        once_per_email=True,
    ),
    VoucherSpec(
        code="RENTREE-LIVRAISON",
        name=Text("Livraison offerte de la rentrée", "Back-to-school free delivery"),
        kind=VoucherKind.FREE_SHIPPING,
        value=0,
        minimum_subtotal=4500,
        campaign="rentree",
    ),
)


def _midnight(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def vouchers_load(*, count: Callable[[str, str], None]) -> None:
    """Create or bring up to date the demo's promo codes (after the campaigns); their dates
    only on creation."""
    for spec in VOUCHERS:
        campaign = Campaign.objects.get(tag=spec.campaign)
        _voucher, outcome = upsert(
            Voucher,
            lookup={"code": spec.code},
            values={
                "name": spec.name.fr,
                "translations": translations_of(name=spec.name),
                "kind": spec.kind,
                "value": spec.value,
                "minimum_subtotal": spec.minimum_subtotal,
                "usage_limit": spec.usage_limit,
                "once_per_email": spec.once_per_email,
                "campaign": campaign,
            },
            create_only={
                "valid_from": _midnight(campaign.starts_on),
                "valid_until": _midnight(campaign.ends_on + timedelta(days=1)),
            },
        )
        count("Promo codes", outcome)
