"""`manage.py demo_scale --products 10000`: top the demo catalogue up to that many products."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from shop.demo.scale import ScaleError, catalogue_scale


class Command(BaseCommand):
    help = "Add generated producers and products until the catalogue holds --products (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--products", type=int, required=True, help="products wanted in all")

    def handle(self, *args, **options) -> None:
        if options["products"] < 0:
            raise CommandError("--products must be zero or more.")
        try:
            summary = catalogue_scale(products=options["products"], progress=self.stdout.write)
        except ScaleError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.products_after:,} products ({summary.products_created:,} added, "
                f"{summary.producers_created:,} producers) in {summary.seconds:.1f} s."
            )
        )
