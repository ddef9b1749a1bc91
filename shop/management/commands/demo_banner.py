"""`python manage.py demo_banner`: where the demo runs and how to log in."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.demo.data import ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo site's addresses and the demo logins with their password."

    def handle(self, *args, **options) -> None:
        base = settings.PUBLIC_URL
        width = max(len(account.email) for account in ACCOUNTS)
        lines = [
            "",
            "=" * 72,
            "  Oh my Lot ! — demo shop",
            "=" * 72,
            f"  Shop          {base}/",
            f"  Producers     {base}/fr/producteur/",
            f"  Chambers      {base}/fr/chambre/",
            f"  Admin         {base}/admin/",
            f"  GraphQL API   {base}/graphql/",
            f"  Health check  {base}/healthz",
            "",
            f"  Demo logins (password for all: {DEMO_PASSWORD})",
            *(f"    {account.email:<{width}}  {account.role}" for account in ACCOUNTS),
            "=" * 72,
            "",
        ]
        self.stdout.write("\n".join(lines))
