"""Bulk stock and price updates from a CSV file: a preview with line-level errors, then all the
lines at once or none.

The file has a header naming its columns: `sku` (or `référence`), `price` (or `prix`) and `stock`,
separated by commas, semicolons or tabs (spreadsheets in French write semicolons and decimal
commas). An empty price or stock keeps the current value. Only the producer's own SKUs are known:
another producer's SKU is refused like one that does not exist.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.models import ProductVariant
from producers.error_codes import ProducerErrorCode
from producers.models import Producer
from producers.permissions import member_require
from shop.accounts.models import User

CSV_MAX_BYTES = 1024 * 1024
CSV_MAX_LINES = 5000
_HEADERS = {
    "sku": "sku",
    "référence": "sku",
    "reference": "sku",
    "price": "price",
    "prix": "price",
    "stock": "stock",
    "quantité": "stock",
}
_MAX_PRICE = Decimal("99999999.99")


@dataclass
class StockLine:
    """One line of the file: what it changes, or why it cannot."""

    number: int
    sku: str
    price: Decimal | None = None
    stock: int | None = None
    product_name: str = ""
    current_price: Decimal | None = None
    current_stock: int | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class StockPreview:
    lines: list[StockLine] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def is_valid(self) -> bool:
        return bool(self.lines) and not self.errors and not any(line.errors for line in self.lines)

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(1 for line in self.lines if line.errors)


def csv_text_read(content: bytes) -> str:
    """The text of an uploaded CSV (UTF-8, or the Windows encoding spreadsheets use)."""
    if len(content) > CSV_MAX_BYTES:
        raise ValidationError(
            _("This file is too large: at most %(lines)s lines.") % {"lines": CSV_MAX_LINES},
            code=ProducerErrorCode.INVALID_CSV.value,
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _price(text: str, line: StockLine) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace("€", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value <= 0 or value > _MAX_PRICE:
        line.errors.append(_("The price “%(value)s” is not a positive amount.") % {"value": text})
        return None
    if value != value.quantize(Decimal("0.01")):
        line.errors.append(_("The price “%(value)s” has more than two decimals.") % {"value": text})
        return None
    return value


def _stock(text: str, line: StockLine) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        line.errors.append(
            _("The stock “%(value)s” is not a whole number, 0 or more.") % {"value": text}
        )
        return None
    return int(text)


def _rows(text: str, preview: StockPreview) -> list[tuple[int, dict[str, str]]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    columns = [_HEADERS.get(name.strip().lower()) for name in header or []]
    if "sku" not in columns or not {"price", "stock"} & set(columns):
        preview.errors.append(
            _("The first line must name the columns: sku, and price or stock (or both).")
        )
        return []
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= CSV_MAX_LINES:
            preview.errors.append(
                _("This file is too large: at most %(lines)s lines.") % {"lines": CSV_MAX_LINES}
            )
            break
        row = {name: cell.strip() for name, cell in zip(columns, cells, strict=False) if name}
        rows.append((number, row))
    return rows


def _preview(*, producer: Producer, text: str, lock: bool) -> StockPreview:
    preview = StockPreview()
    rows = _rows(text, preview)
    variants = ProductVariant.objects.filter(product__seller_id=producer.seller_id)
    if lock:
        variants = variants.select_for_update(of=("self",))
    skus = [row.get("sku", "") for _number, row in rows]
    known = {
        variant.sku: variant
        for variant in variants.filter(sku__in=skus).select_related("product").order_by("pk")
    }
    seen: set[str] = set()
    for number, row in rows:
        line = StockLine(number=number, sku=row.get("sku", ""))
        line.price = _price(row.get("price", ""), line)
        line.stock = _stock(row.get("stock", ""), line)
        variant = known.get(line.sku)
        if variant is None:
            line.errors.append(_("No product of yours has the SKU “%(sku)s”.") % {"sku": line.sku})
        else:
            line.product_name = str(variant)
            line.current_price, line.current_stock = variant.price, variant.stock_quantity
        if line.sku in seen:
            line.errors.append(_("This SKU is already on an earlier line."))
        seen.add(line.sku)
        if not line.errors and line.price is None and line.stock is None:
            line.errors.append(_("Give a price, a stock or both."))
        preview.lines.append(line)
    if not rows and not preview.errors:
        preview.errors.append(_("The file has no lines to apply."))
    return preview


def stock_csv_preview(*, user: User, producer: Producer, content: bytes) -> StockPreview:
    """What the file would change, line by line, with each line's errors; changes nothing."""
    member_require(user=user, producer=producer)
    try:
        text = csv_text_read(content)
    except ValidationError as error:
        return StockPreview(errors=error.messages)
    return _preview(producer=producer, text=text, lock=False)


@transaction.atomic
def stock_csv_apply(*, user: User, producer: Producer, content: bytes) -> int:
    """Apply every line of the file, or none: returns how many variants changed.

    The producer's variants named by the file are locked and the file is checked again against
    them; any wrong line raises ValidationError (INVALID_CSV) listing the errors, and nothing
    changes.
    """
    member_require(user=user, producer=producer)
    preview = _preview(producer=producer, text=csv_text_read(content), lock=True)
    if not preview.is_valid:
        messages = preview.errors + [
            _("Line %(number)s: %(error)s") % {"number": line.number, "error": error}
            for line in preview.lines
            for error in line.errors
        ]
        raise ValidationError(messages, code=ProducerErrorCode.INVALID_CSV.value)
    variants = ProductVariant.objects.filter(
        product__seller_id=producer.seller_id, sku__in=[line.sku for line in preview.lines]
    )
    by_sku = {variant.sku: variant for variant in variants}
    for line in preview.lines:
        variant = by_sku[line.sku]
        if line.price is not None:
            variant.price = line.price
        if line.stock is not None:
            variant.stock_quantity = line.stock
        variant.save(update_fields=["price", "stock_quantity"])
    return len(preview.lines)
