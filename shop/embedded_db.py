"""The embedded PostgreSQL used when no DATABASE_URL is configured.

A real PostgreSQL server from the `pgserver` wheel, its data under `.data/postgres`. It keeps
running after the process that started it exits, so `make demo` and `make test` share it and a
second start is instant.
"""

import warnings
from pathlib import Path
from urllib.parse import quote

EMBEDDED_DATABASE_NAME = "ohmylot"


def embedded_database_url(data_dir: Path, *, database: str = EMBEDDED_DATABASE_NAME) -> str:
    """Start (or reuse) the embedded server and return a URL for `database`, created if missing."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (root shells, CI): harmless here.
        warnings.simplefilter("ignore")
        import pgserver

        data_dir.mkdir(parents=True, exist_ok=True)
        server = pgserver.get_server(data_dir, cleanup_mode=None)
    exists = server.psql(f"select 1 from pg_database where datname = '{database}';")
    if "(1 row)" not in exists:
        server.psql(f'create database "{database}";')
    socket_dir = server.get_postmaster_info().socket_dir
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{database}"


def embedded_client_bin() -> Path:
    """The folder of the embedded server's own client tools (pg_dump, pg_restore, psql)."""
    from pgserver._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH
