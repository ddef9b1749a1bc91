"""Search across the catalogue: the products for sale, and the producers who sell them.

Products are found by full-text search over `Product.search_vector` (French text with the
'french' configuration, English translations with the 'english' one, accents folded by
`omlot_unaccent`; GIN-indexed). The shopper's words are matched in both configurations, the
last word as a prefix ("roca" finds Rocamadour), and ranked: a word of the name counts more
than one of the description.

Typo tolerance ("rocamadur", "lalbenqe") needs the pg_trgm extension. The embedded PostgreSQL
of laptops has none, so `trigram_available()` asks the database once and the search adds
trigram word similarity (GIN-indexed by migration catalogue 0003) only where it exists.

Any text is a valid query: the words are extracted in Python, so no operator the shopper types
ever reaches `to_tsquery`.
"""

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, Expression, F, FloatField, Q, QuerySet, TextField, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce

from catalogue.models import Product, Seller, SellerKind
from catalogue.models.search_vector import (
    BASE_CONFIG,
    NAMES_CONFIG,
    TRANSLATION_CONFIGS,
    Unaccent,
    product_names,
    seller_names,
    seller_search_vector,
)
from catalogue.selectors import products_for_sale

MAX_QUERY_LENGTH = 100  # characters kept of what the shopper typed
MAX_TERMS = 10  # words kept of those

_WORD = re.compile(r"[^\W_]+")
_trigram_by_database: dict[tuple[str, str, str], bool] = {}


def search_text(*, query: str) -> str:
    """The query as it is searched and shown back: Unicode-composed (so "e" + combining accent
    is "é"), without control or invisible characters, whitespace collapsed, cut to
    `MAX_QUERY_LENGTH` characters."""
    text = unicodedata.normalize("NFC", query or "")
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(*, query: str) -> list[str]:
    """The words of the query (letters and digits only), at most `MAX_TERMS` of them."""
    return _WORD.findall(search_text(query=query))[:MAX_TERMS]


def trigram_available(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the database has pg_trgm, asked once per database and process."""
    connection = connections[using]
    key = tuple(str(connection.settings_dict.get(name)) for name in ("HOST", "PORT", "NAME"))
    if key not in _trigram_by_database:
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')")
            _trigram_by_database[key] = bool(cursor.fetchone()[0])
    return _trigram_by_database[key]


def _prefix_query_source(terms: list[str]) -> str:
    """`to_tsquery` input: every word required, the last one as a prefix. The words hold only
    letters and digits, so the result is always valid tsquery syntax."""
    return " & ".join([*terms[:-1], f"{terms[-1]}:*"])


def search_source(*, query: str) -> str | None:
    """What `query` is searched as (`to_tsquery` input, see `_prefix_query_source`); None when
    it holds no word."""
    terms = search_terms(query=query)
    return _prefix_query_source(terms) if terms else None


def _tsquery(source: str, *, configs: list[str]) -> SearchQuery:
    """The words of `source`, folded in SQL like the indexed text, matched in any of
    `configs`."""
    folded = Unaccent(Value(source))
    queries = [SearchQuery(folded, search_type="raw", config=config) for config in configs]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def _match_and_rank(
    *, words_match: Q, words_rank: Expression, trigram_text: Expression, terms: list[str]
) -> tuple[Q, Expression]:
    """What a row must match, and its rank. The shopper's words found (full text) rank above
    any close spelling (trigrams, when available), which only rank among themselves: the
    similarity of a close spelling is worked out only for the rows the words did not find."""
    if not trigram_available():
        return words_match, words_rank
    words = Unaccent(Value(" ".join(terms)))
    match = words_match | Q(TrigramWordSimilar(trigram_text, words))
    rank = Case(
        When(words_match, then=Value(1.0) + words_rank),
        default=TrigramWordSimilarity(words, trigram_text),
        output_field=FloatField(),
    )
    return match, rank


def _name_in(language: str) -> Expression:
    if language in TRANSLATION_CONFIGS:
        return Coalesce(KT(f"translations__{language}__name"), F("name"), output_field=TextField())
    return F("name")


def _ranked(found: QuerySet[Product], rank: Expression, language: str) -> QuerySet[Product]:
    return (
        found.annotate(search_rank=rank)
        .defer("search_vector")
        .order_by("-search_rank", _name_in(language[:2]), "id")
    )


def products_search_words(
    *, query: str, language: str = settings.LANGUAGE_CODE
) -> QuerySet[Product]:
    """Products for sale holding the words of `query` (full text, on its index), best first
    (ties in alphabetical order of the name in `language`). Empty when the query holds no word."""
    source = search_source(query=query)
    if source is None:
        return Product.objects.none()
    return products_search_source(source=source, language=language)


def products_search_source(
    *, source: str, language: str = settings.LANGUAGE_CODE, on: date | None = None
) -> QuerySet[Product]:
    """Products for sale on `on` (default: today) holding the words of `source`
    (`search_source`), best first, ties in alphabetical order of the name in `language`: the
    search by words, for a caller that compiles it once with `source` and `on` as values."""
    tsquery = _tsquery(source, configs=[BASE_CONFIG, *TRANSLATION_CONFIGS.values()])
    found = products_for_sale(on=on).filter(search_vector=tsquery)
    return _ranked(found, SearchRank(F("search_vector"), tsquery), language)


def products_search_close(
    *, query: str, language: str = settings.LANGUAGE_CODE
) -> QuerySet[Product]:
    """Products for sale whose name is spelled close to the words of `query` (trigrams), closest
    first. Empty without pg_trgm or when the query holds no word."""
    terms = search_terms(query=query)
    if not terms or not trigram_available():
        return Product.objects.none()
    words = Unaccent(Value(" ".join(terms)))
    found = products_for_sale().filter(TrigramWordSimilar(product_names(), words))
    return _ranked(found, TrigramWordSimilarity(words, product_names()), language)


def products_search(*, query: str, language: str = settings.LANGUAGE_CODE) -> QuerySet[Product]:
    """Products for sale matching `query`, best first (ties in alphabetical order of the name in
    `language`). Empty when the query holds no word.

    The shopper's words are looked up first (full text, on its index); close spellings
    (trigrams, where available) are looked for only when the words find nothing, so a search
    that finds its words never compares every name."""
    found = products_search_words(query=query, language=language)
    if trigram_available() and not found.exists():
        return products_search_close(query=query, language=language)
    return found


def sellers_search(*, query: str) -> QuerySet[Seller]:
    """Producers allowed to sell whose name or town matches `query`, best first. Empty when the
    query holds no word."""
    terms = search_terms(query=query)
    if not terms:
        return Seller.objects.none()
    tsquery = _tsquery(_prefix_query_source(terms), configs=[NAMES_CONFIG])
    vector = seller_search_vector()
    match, rank = _match_and_rank(
        words_match=Q(name_and_town=tsquery),
        words_rank=SearchRank(vector, tsquery),
        trigram_text=seller_names(),
        terms=terms,
    )
    return (
        Seller.objects.filter(kind=SellerKind.PRODUCER, is_selling=True)
        .alias(name_and_town=vector)
        .filter(match)
        .annotate(search_rank=rank)
        .order_by("-search_rank", "name", "id")
    )


@contextmanager
def planned_for_its_values(database: str) -> Iterator[None]:
    """Statements run inside are planned for their values each time, never prepared. After a
    few runs a prepared statement gets one plan for any values, and a search's plan without its
    words expects few products and folds nothing: the words' full-text query is worked out
    again for every product found and ranked, three times slower for a common word."""
    connection = connections[database]
    connection.ensure_connection()
    driver = connection.connection
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = threshold
