"""Reads of the checkout: its lines grouped per seller, delivery options, promo code, totals
and VAT."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef

from catalogue.models import Product, ProductVariant, Seller
from catalogue.selectors import products_for_sale, today
from shop.checkout.models import Checkout, CheckoutDelivery, CheckoutLine
from shop.compiled_reads import CompiledRead, Placeholder
from shop.discounts.models import Voucher
from shop.discounts.pricing import allocate, covers_the_rest, goods_discount, shipping_discount
from shop.discounts.selectors import voucher_refusal
from shop.orders.vat import VatLine, vat_breakdown
from shop.shipping.countries import FRANCE
from shop.shipping.selectors import DeliveryOption, delivery_options, rates_to


@dataclass
class SummaryLine:
    line: CheckoutLine
    variant: ProductVariant
    product: Product
    unit_price: Decimal
    vat_rate: Decimal
    is_for_sale: bool
    discount: Decimal = Decimal("0.00")  # the line's share of the promo code, in cents

    @property
    def quantity(self) -> int:
        return self.line.quantity

    @property
    def total(self) -> Decimal:
        """The line before the promo code."""
        return self.unit_price * self.line.quantity

    @property
    def discounted_total(self) -> Decimal:
        """The line as the shopper pays it."""
        return self.total - self.discount

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
    shipping_discount: Decimal = Decimal("0.00")  # free delivery by promo code

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

    @property
    def shipping_paid(self) -> Decimal:
        return self.shipping_price - self.shipping_discount


@dataclass
class CheckoutSummary:
    """The checkout per seller. `subtotal` and `shipping_total` are before the promo code,
    `discount` is what it takes off (zero while `voucher_refusal` says it does not apply) and
    `total` what the shopper pays."""

    checkout: Checkout
    country: str
    groups: list[SellerGroup]
    voucher: Voucher | None = None
    voucher_refusal: ValidationError | None = None

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
    def goods_discount(self) -> Decimal:
        return sum((line.discount for line in self.lines), Decimal("0.00"))

    @property
    def shipping_discount(self) -> Decimal:
        return sum((group.shipping_discount for group in self.groups), Decimal("0.00"))

    @property
    def discount(self) -> Decimal:
        return self.goods_discount + self.shipping_discount

    @property
    def discounted_subtotal(self) -> Decimal:
        return self.subtotal - self.goods_discount

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping_total - self.discount

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

    def delivery_choose(self, group: SellerGroup, option: DeliveryOption) -> None:
        """Take `option` (one of `group.options`) for the group's delivery; the promo code's
        discount is shared again, as free delivery and the least charge depend on it."""
        group.chosen = option
        _discount_share(self)

    @property
    def vat_lines(self) -> list[VatLine]:
        """Totals and VAT per rate, shipping included, as the shopper pays them."""
        return vat_breakdown(
            ([(line.vat_rate, line.discounted_total) for line in group.lines], group.shipping_paid)
            for group in self.groups
        )


@dataclass(frozen=True)
class CartTotals:
    """How many items the cart holds and their price, before delivery and promo code."""

    quantity: int
    subtotal: Decimal

    @property
    def is_empty(self) -> bool:
        return not self.quantity


_lines_with_prices = CompiledRead(
    lambda checkout_id: (
        CheckoutLine.objects.filter(checkout_id=checkout_id)
        .select_related("variant")
        .only("quantity", "variant__price")
    ),
    checkout_id=Placeholder.integer,
)


def checkout_totals(*, checkout: Checkout) -> CartTotals:
    """The cart's totals in one query, for pages that show no more of it (its summary's
    `quantity` and `subtotal`, without the lines, delivery and promo code)."""
    lines = _lines_with_prices.all(checkout_id=checkout.pk)
    return CartTotals(
        quantity=sum(line.quantity for line in lines),
        subtotal=sum((line.quantity * line.variant.price for line in lines), Decimal("0.00")),
    )


@lru_cache(maxsize=4)
def product_for_sale_test(product: str, day: date) -> Exists:
    """Whether the product that the outer query's field `product` points at is for sale on `day`
    (catalogue.selectors.products_for_sale). Built once a day, as every cart page and every
    addition to a cart ask: a query copies the expressions it uses, never changes them."""
    return Exists(products_for_sale(on=day).filter(pk=OuterRef(product)))


# Read with a checkout: its summary prices delivery for the shipping address's country.
CHECKOUT_ADDRESSES = ("shipping_address", "billing_address")


_checkout_with_token = CompiledRead(
    lambda token: Checkout.objects.select_related(*CHECKOUT_ADDRESSES).filter(token=token),
    token=Placeholder.uuid,
)


def checkout_by_token(*, token: str | UUID | None) -> Checkout | None:
    """The checkout with this token, or None for a missing or malformed token."""
    try:
        token = UUID(str(token))
    except (ValueError, TypeError):
        return None
    return _checkout_with_token.first(token=token)


# Every cart page reads the lines so: compiled once (shop.compiled_reads).
_summary_lines = CompiledRead(
    lambda checkout_id, day: (
        CheckoutLine.objects.filter(checkout_id=checkout_id)
        .select_related("variant__product__seller__producer")
        .defer("variant__product__search_vector")
        .annotate(product_for_sale=product_for_sale_test("variant__product_id", day))
    ),
    checkout_id=Placeholder.integer,
    day=Placeholder.day,
)
_deliveries = CompiledRead(
    lambda checkout_id: CheckoutDelivery.objects.filter(checkout_id=checkout_id),
    checkout_id=Placeholder.integer,
)


def checkout_summary(*, checkout: Checkout, country: str | None = None) -> CheckoutSummary:
    """The checkout grouped per seller with delivery options priced for `country` (default: the
    shipping address's country, else France)."""
    if country is None:
        address = checkout.shipping_address
        country = address.country if address else FRANCE
    lines = _summary_lines.all(checkout_id=checkout.pk, day=today())
    chosen = {
        delivery.seller_id: delivery.method for delivery in _deliveries.all(checkout_id=checkout.pk)
    }
    groups: dict[int, SellerGroup] = {}
    for line in lines:
        line.checkout = checkout
        product = line.variant.product
        group = groups.setdefault(product.seller_id, SellerGroup(seller=product.seller))
        group.lines.append(
            SummaryLine(
                line=line,
                variant=line.variant,
                product=product,
                unit_price=line.variant.price,
                vat_rate=product.vat_percent,
                is_for_sale=line.product_for_sale,
            )
        )
    rates = rates_to(country) if groups else []
    for group in groups.values():
        group.options = delivery_options(
            seller=group.seller,
            weight_grams=group.weight_grams,
            has_chilled=group.has_chilled,
            country=country,
            rates=rates,
        )
        method = chosen.get(group.seller.pk)
        group.chosen = next((o for o in group.options if o.method == method), None)
    ordered = sorted(groups.values(), key=lambda group: group.seller.name)
    summary = CheckoutSummary(checkout=checkout, country=country, groups=ordered)
    if checkout.voucher_id is not None:
        _voucher_apply(summary, Voucher.objects.filter(pk=checkout.voucher_id).first())
    return summary


def _voucher_apply(summary: CheckoutSummary, voucher: Voucher | None) -> None:
    """Check the promo code against the checkout and share its discount (_discount_share)."""
    summary.voucher = voucher
    if voucher is None:
        return
    summary.voucher_refusal = voucher_refusal(
        voucher=voucher, subtotal=summary.subtotal, email=summary.checkout.email
    )
    _discount_share(summary)


def _discount_share(summary: CheckoutSummary) -> None:
    """Share the promo code's discount over the lines (pro rata, in cents) and zero the
    delivery of every group for free delivery; when that leaves less than the least charge,
    the code takes off everything (shop.discounts.pricing.MINIMUM_CHARGE). Nothing when the
    code does not apply now."""
    voucher = summary.voucher
    if voucher is None or summary.voucher_refusal is not None:
        return
    for group in summary.groups:
        group.shipping_discount = shipping_discount(voucher=voucher, shipping=group.shipping_price)
    amount = goods_discount(voucher=voucher, subtotal=summary.subtotal)
    left_to_pay = summary.subtotal - amount + summary.shipping_total - summary.shipping_discount
    if covers_the_rest(left_to_pay=left_to_pay):
        amount = summary.subtotal
        for group in summary.groups:
            group.shipping_discount = group.shipping_price
    lines = summary.lines
    for line, share in zip(
        lines, allocate(amount=amount, weights=[line.total for line in lines]), strict=True
    ):
        line.discount = share
