"""Reads of the checkout: its lines grouped per seller, delivery options, totals and VAT."""

from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from catalogue.models import Product, ProductVariant, Seller
from catalogue.selectors import products_for_sale
from shop.checkout.models import Checkout, CheckoutLine
from shop.orders.vat import VatLine, vat_breakdown
from shop.shipping.countries import FRANCE
from shop.shipping.selectors import DeliveryOption, delivery_options


@dataclass
class SummaryLine:
    line: CheckoutLine
    variant: ProductVariant
    product: Product
    unit_price: Decimal
    vat_rate: Decimal
    is_for_sale: bool

    @property
    def quantity(self) -> int:
        return self.line.quantity

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.line.quantity

    @property
    def is_in_stock(self) -> bool:
        return self.line.quantity <= self.variant.stock_quantity


@dataclass
class SellerGroup:
    """One seller's lines: they travel together and get one delivery method."""

    seller: Seller
    lines: list[SummaryLine] = field(default_factory=list)
    options: list[DeliveryOption] = field(default_factory=list)
    chosen: DeliveryOption | None = None

    @property
    def subtotal(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    @property
    def weight_grams(self) -> int:
        return sum(line.variant.weight_grams * line.quantity for line in self.lines)

    @property
    def has_chilled(self) -> bool:
        return any(line.product.is_chilled for line in self.lines)

    @property
    def shipping_price(self) -> Decimal:
        return self.chosen.price if self.chosen else Decimal("0.00")


@dataclass
class CheckoutSummary:
    checkout: Checkout
    country: str
    groups: list[SellerGroup]

    @property
    def lines(self) -> list[SummaryLine]:
        return [line for group in self.groups for line in group.lines]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def subtotal(self) -> Decimal:
        return sum((group.subtotal for group in self.groups), Decimal("0.00"))

    @property
    def shipping_total(self) -> Decimal:
        return sum((group.shipping_price for group in self.groups), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping_total

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def has_alcohol(self) -> bool:
        return any(line.product.is_alcohol for line in self.lines)

    @property
    def withdrawal_excluded(self) -> list[Product]:
        """Products of the cart that the 14-day withdrawal right does not cover."""
        seen = {line.product.pk: line.product for line in self.lines}
        return [product for product in seen.values() if product.is_withdrawal_excluded]

    @property
    def vat_lines(self) -> list[VatLine]:
        """Totals and VAT per rate, shipping included."""
        return vat_breakdown(
            ([(line.vat_rate, line.total) for line in group.lines], group.shipping_price)
            for group in self.groups
        )


def checkout_by_token(*, token: str | UUID | None) -> Checkout | None:
    """The checkout with this token, or None for a missing or malformed token."""
    try:
        return Checkout.objects.get(token=UUID(str(token)))
    except (ValueError, TypeError, Checkout.DoesNotExist):
        return None


def checkout_summary(*, checkout: Checkout, country: str | None = None) -> CheckoutSummary:
    """The checkout grouped per seller with delivery options priced for `country` (default: the
    shipping address's country, else France)."""
    if country is None:
        address = checkout.shipping_address
        country = address.country if address else FRANCE
    lines = list(checkout.lines.select_related("variant__product__seller"))
    product_ids = {line.variant.product_id for line in lines}
    for_sale = set(products_for_sale().filter(pk__in=product_ids).values_list("pk", flat=True))
    chosen = {delivery.seller_id: delivery.method for delivery in checkout.deliveries.all()}
    groups: dict[int, SellerGroup] = {}
    for line in lines:
        product = line.variant.product
        group = groups.setdefault(product.seller_id, SellerGroup(seller=product.seller))
        group.lines.append(
            SummaryLine(
                line=line,
                variant=line.variant,
                product=product,
                unit_price=line.variant.price,
                vat_rate=product.vat_percent,
                is_for_sale=product.pk in for_sale,
            )
        )
    for group in groups.values():
        group.options = delivery_options(
            seller=group.seller,
            weight_grams=group.weight_grams,
            has_chilled=group.has_chilled,
            country=country,
        )
        method = chosen.get(group.seller.pk)
        group.chosen = next((o for o in group.options if o.method == method), None)
    ordered = sorted(groups.values(), key=lambda group: group.seller.name)
    return CheckoutSummary(checkout=checkout, country=country, groups=ordered)
