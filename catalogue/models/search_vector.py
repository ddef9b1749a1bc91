"""The text products and producers are found by: accent-folded, and for products stemmed in
French and English and weighted.

A product's vector is stored in `Product.search_vector`, a generated column that PostgreSQL keeps
up to date, so no save() logic or signal maintains it. Accents are folded by `omlot_unaccent`, an
IMMUTABLE function created by migration catalogue 0003: unlike the `unaccent` extension it exists
on every PostgreSQL we run (the embedded one has no contrib extension), and it may feed indexes
and generated columns. `catalogue.search` queries these expressions; the indexes built on them
are used only when a query repeats an expression exactly, so both sides come from here.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Expression, F, Func, TextField, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Concat

# Catalogue text is written in French; its English translation lives in `translations["en"]`.
BASE_CONFIG = "french"
TRANSLATION_CONFIGS = {"en": "english"}
# Producers' names and towns are proper names: no stemming, no stop words.
NAMES_CONFIG = "simple"

# (fields, weight): A counts most in the rank, then B, then C.
WEIGHTED_FIELDS = (
    (("name",), "A"),
    (("description",), "B"),
    (("ingredients", "origin"), "C"),
)


class Unaccent(Func):
    """`omlot_unaccent(text)`: lower case with accents and ligatures folded ("Chèvre" -> "chevre",
    "Œuf" -> "oeuf", "Straße" -> "strasse"). NULL stays NULL."""

    function = "omlot_unaccent"
    output_field = TextField()


def product_search_vector() -> SearchVector:
    """The weighted tsvector of a product: French fields with the 'french' configuration, their
    English translations with the 'english' one, every text folded first."""
    vector = None
    for fields, weight in WEIGHTED_FIELDS:
        parts = [SearchVector(*(Unaccent(F(f)) for f in fields), config=BASE_CONFIG, weight=weight)]
        for language, config in TRANSLATION_CONFIGS.items():
            translated = (Unaccent(KT(f"translations__{language}__{f}")) for f in fields)
            parts.append(SearchVector(*translated, config=config, weight=weight))
        for part in parts:
            vector = part if vector is None else vector + part
    return vector


def product_names() -> Expression:
    """A product's French and English names, folded: what close spellings are compared with
    (trigram index of migration catalogue 0003)."""
    english_name = Coalesce(KT("translations__en__name"), Value(""), output_field=TextField())
    return Unaccent(Concat(F("name"), Value(" "), english_name, output_field=TextField()))


def seller_names() -> Expression:
    """A seller's name and town, folded."""
    return Unaccent(Concat(F("name"), Value(" "), F("town"), output_field=TextField()))


def seller_search_vector() -> SearchVector:
    """The words of a seller's name and town (indexed on `Seller`)."""
    return SearchVector(seller_names(), config=NAMES_CONFIG)
