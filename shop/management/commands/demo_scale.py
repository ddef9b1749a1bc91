"""`manage.py demo_scale --products 10000 --orders 100000`: top the demo up to those sizes."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.demo.scale import ScaleError, catalogue_scale
from shop.demo.scale_orders import HistoryError, orders_history_scale


class Command(BaseCommand):
    help = (
        "Add generated producers and products until the catalogue holds --products, then past "
        "orders until the history holds --orders (idempotent)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--products", type=int, required=True, help="products wanted in all")
        parser.add_argument("--orders", type=int, default=0, help="past orders wanted in all")

    def handle(self, *args, **options) -> None:
        if options["products"] < 0 or options["orders"] < 0:
            raise CommandError("--products and --orders must be zero or more.")
        try:
            summary = catalogue_scale(products=options["products"], progress=self.stdout.write)
            history = orders_history_scale(orders=options["orders"], progress=self.stdout.write)
        except (ScaleError, HistoryError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.products_after:,} products ({summary.products_created:,} added, "
                f"{summary.producers_created:,} producers) in {summary.seconds:.1f} s."
            )
        )
        if options["orders"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{history.orders_before + history.orders_created:,} past orders "
                    f"({history.orders_created:,} added, {history.lines_created:,} lines) "
                    f"in {history.seconds:.1f} s."
                )
            )
