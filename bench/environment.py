"""The benchmarks' own world: their database, media and production-like settings.

The bench never touches the development or test database. With DATABASE_URL set, it uses the
database `ohmylot_bench` (or BENCH_DATABASE) on the same server (created when missing); without,
the embedded server's. Media, proofs and collected static files go under `.data/bench-*`.
Settings are production-like (DEBUG=0) without HTTPS redirects, Celery runs inline so the
demo's thumbnails are made as it loads, and pages keep their parts in local memory.
"""

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("DATA_DIR", ROOT / ".data"))
# Several people sharing a server may each keep their own (BENCH_DATABASE=...).
BENCH_DATABASE = os.environ.get("BENCH_DATABASE") or "ohmylot_bench"
BENCH_HOST = "127.0.0.1"


def url_with_database(url: str, database: str) -> str:
    """`url` pointing at `database` on the same server, with the same credentials."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def url_for_display(url: str) -> str:
    """`url` without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def database_ensure(url: str) -> None:
    """Create the database of `url` when the server lacks it."""
    database = urlsplit(url).path.lstrip("/")
    maintenance = url_with_database(url, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def bench_database_url() -> str:
    """The bench database: `ohmylot_bench` beside DATABASE_URL's, or on the embedded server."""
    configured = os.environ.get("DATABASE_URL", "").strip()
    if configured:
        url = url_with_database(configured, BENCH_DATABASE)
        database_ensure(url)
        return url
    from shop.embedded_db import embedded_database_url

    return embedded_database_url(DATA_DIR / "postgres", database=BENCH_DATABASE)


def environment_configure(database_url: str) -> dict[str, str]:
    """Set the bench's settings in this process's environment (before Django starts) and return
    the environment for the processes it starts."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "shop.settings",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(DATA_DIR / "bench-media"),
            "PRIVATE_MEDIA_ROOT": str(DATA_DIR / "bench-private"),
            "STATIC_ROOT": str(DATA_DIR / "bench-static"),
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": BENCH_HOST,
            "SECURE_SSL_REDIRECT": "0",
            # One log line per request would drown the figures; the stack logs its own.
            "LOG_FORMAT": "text",
        }
    )
    # Celery inline, and the pages' cache in this process's memory (the bench empties it).
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
        os.environ.pop(name, None)
    return dict(os.environ)


def data_prepare(*, products: int, say: Callable[[str], None]) -> None:
    """Migrate the bench database, load the demo and scale it to `products`; collect static
    files. Loading and scaling are skipped when the catalogue is at that size already."""
    from django.core.management import call_command

    from catalogue.models import Product
    from shop.demo.loader import demo_load
    from shop.demo.scale import catalogue_scale

    started = time.perf_counter()
    say("==> Migrating the bench database")
    call_command("migrate", interactive=False, verbosity=0)
    held = Product.objects.count()
    if held >= products:
        say(f"==> The catalogue holds {held:,} products: loading and scaling skipped")
    else:
        say("==> Loading the demo")
        demo_load(progress=lambda line: say(f"    {line}"))
        say(f"==> Scaling the catalogue to {products:,} products")
        summary = catalogue_scale(products=products, progress=lambda line: say(f"    {line}"))
        say(f"    scaled in {summary.seconds:.1f} s")
    say("==> Vacuuming and analysing the catalogue (what autovacuum does on a served database)")
    catalogue_vacuum()
    say("==> Collecting static files (production storage)")
    call_command("collectstatic", interactive=False, verbosity=0)
    say(f"    data ready in {time.perf_counter() - started:.1f} s")


def catalogue_vacuum() -> None:
    """VACUUM (ANALYZE) the catalogue's tables: the planner's statistics for every table the
    pages read (the claims too), and the visibility map that lets index-only scans skip the
    table, as autovacuum keeps them on a served database. Loading and scaling leave neither."""
    from django.apps import apps
    from django.db import connection

    tables = [model._meta.db_table for model in apps.get_app_config("catalogue").get_models()]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(table)}")
