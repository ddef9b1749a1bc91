"""`python manage.py load_demo`: load the demo content; running it again changes nothing."""

import time

from django.core.management.base import BaseCommand, CommandError

from shop.demo.loader import DemoLoadError, demo_load


class Command(BaseCommand):
    help = "Load the demo producers, products, labels, pictures and accounts (idempotent)."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        try:
            summary = demo_load(progress=self.stdout.write)
        except DemoLoadError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        if summary.changes:
            message = f"Demo data loaded: {summary.changes} changes in {elapsed:.1f} s."
        else:
            message = f"Demo data already up to date: nothing changed ({elapsed:.1f} s)."
        self.stdout.write(self.style.SUCCESS(message))
