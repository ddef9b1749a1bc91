"""Parts of shopper pages that every visitor sees the same (product grids, filters, a producer's
profile), made once and kept in Django's cache: Redis when CACHE_URL is set, else each process's
memory; for STOREFRONT_CACHE_SECONDS at most (0: nothing is kept, as in development).

A part must depend on nothing but its key: its name and arguments (a slug, the page's query),
the language, the host (absolute addresses), the day (claims expire and campaigns run by the
day), the catalogue's version and the release of the code. Never on the visitor: no cart,
account, message or CSRF token goes into a part; pages render those around the parts, at each
request.

The catalogue's version (`catalogue.selectors.catalogue_versions`) is two counts the database
keeps of every change to what pages show, so a change shows on the next page view: the full
count, for a part that shows stock (`shows_stock`: a listing filtered on it), which a variant's
stock running out or coming back changes too; the content count, for a part that never shows
it (a product's page, whose stock is read at each view; the frame), which a sell-out leaves
kept. A part not sure to show no stock keeps the full count.
"""

import hashlib
import logging
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache as parts_cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from redis.exceptions import RedisError

from catalogue.selectors import CatalogueVersions, catalogue_versions

T = TypeVar("T")
logger = logging.getLogger(__name__)
_VERSIONS_ATTRIBUTE = "_storefront_catalogue_versions"
_RELEASE_FOLDERS = ("catalogue", "producers", "branding", "shop", "locale")
_RELEASE_SUFFIXES = {".py", ".html", ".txt", ".mo"}
_MISSING = object()
# The frame's parts kept in this process: a few per language and content count.
_FRAME_PARTS: dict[tuple[str, str, int], object] = {}
_FRAME_PARTS_KEPT = 64


@cache
def release() -> str:
    """A fingerprint of the code, templates and translations this process serves: parts kept by
    another release (the old pods of a rolling deploy) are never shown by this one."""
    digest = hashlib.sha1(usedforsecurity=False)
    for folder in _RELEASE_FOLDERS:
        for path in sorted(Path(settings.BASE_DIR, folder).rglob("*")):
            if path.suffix in _RELEASE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def catalogue_versions_of(request: HttpRequest) -> CatalogueVersions:
    """The catalogue's two counts, read once per request (one query): every part of a page
    agrees."""
    versions = getattr(request, _VERSIONS_ATTRIBUTE, None)
    if versions is None:
        versions = catalogue_versions()
        setattr(request, _VERSIONS_ATTRIBUTE, versions)
    return versions


def _version_key(request: HttpRequest, *, shows_stock: bool) -> str:
    versions = catalogue_versions_of(request)
    # Marked by count: the two counts may hold the same number.
    return f"full{versions.full}" if shows_stock else f"content{versions.content}"


def shared_part(
    request: HttpRequest,
    name: str,
    *arguments: object,
    build: Callable[[], T],
    shows_stock: bool = True,
) -> T:
    """What `build()` returns, kept for every visitor under `name` and `arguments` (strings,
    numbers: they go into the key as written) with the language, host, day, catalogue version
    and release. The version is the full count, or the content count when the part never
    shows whether something is in stock (`shows_stock=False`). `build` makes the part anew
    when it is not kept, or when the cache fails."""
    seconds = settings.STOREFRONT_CACHE_SECONDS
    if not seconds:
        return build()
    key = ":".join(
        [
            "storefront",
            release(),
            _version_key(request, shows_stock=shows_stock),
            timezone.localdate().isoformat(),
            name,
            get_language() or "",
            request.scheme,
            request.get_host(),
            hashlib.sha1(repr(arguments).encode(), usedforsecurity=False).hexdigest(),
        ]
    )
    try:
        found = parts_cache.get(key, _MISSING)
    except RedisError:
        logger.warning("The cache could not be read: the page is made without it", exc_info=True)
        return build()
    if found is not _MISSING:
        return found
    value = build()
    try:
        parts_cache.set(key, value, seconds)
    except RedisError:
        logger.warning("The cache could not keep a part of a page", exc_info=True)
    return value


def shared_query_part(
    request: HttpRequest,
    name: str,
    *arguments: object,
    parameters: Collection[str],
    build: Callable[[], T],
    shows_stock: bool = True,
) -> T:
    """`shared_part` for a part that reads the page's query string too (`parameters`): kept
    under the query as well, in a fixed order. A query holding any other parameter is made for
    its visitor alone: with those, anyone could fill the cache."""
    if any(parameter not in parameters for parameter in request.GET):
        return build()
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return shared_part(request, name, *arguments, query, build=build, shows_stock=shows_stock)


def frame_part(request: HttpRequest | None, name: str, build: Callable[[], T]) -> T:
    """A part of every page's frame that every visitor sees the same (the brand, the menus, the
    footer): kept in this process's memory under `name`, the language and the catalogue's
    content count (each page shows several: a dictionary costs less than the cache's round
    trips; the frame never shows stock). Without a request (a template rendered alone), or when
    nothing is kept, made anew."""
    if request is None or not settings.STOREFRONT_CACHE_SECONDS:
        return build()
    key = (name, get_language() or "", catalogue_versions_of(request).content)
    found = _FRAME_PARTS.get(key, _MISSING)
    if found is _MISSING:
        if len(_FRAME_PARTS) >= _FRAME_PARTS_KEPT:
            _FRAME_PARTS.clear()
        found = _FRAME_PARTS[key] = build()
    return found


def frame_parts_forget() -> None:
    """Forget the frame's parts this process keeps: for a database that counts its versions
    again from where another left off (each test's)."""
    _FRAME_PARTS.clear()
