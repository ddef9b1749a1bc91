"""Search: accent folding, the products' stored search vector, trigram indexes when possible.

- `omlot_unaccent(text)`: an IMMUTABLE function folding case, accents and ligatures. The
  `unaccent` extension would do, but the embedded PostgreSQL has no contrib extension, and its
  dictionary function is not IMMUTABLE, so it cannot feed an index or a generated column anyway.
- `Product.search_vector`: a stored generated column (French text with the 'french'
  configuration, English translations with the 'english' one, folded, weighted) and its GIN index;
  a GIN index on the words of the sellers' names and towns.
- pg_trgm (typo tolerance) is created only where the server offers it; the trigram GIN indexes
  on the products' names and the sellers' names and towns are built only then.
  `catalogue.search` checks for the extension at run time and uses trigrams only when present.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import migrations, models
from django.db.models import F, TextField, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Concat

from catalogue.models.search_vector import Unaccent

# Accents: NFKD splits "é" into "e" + U+0301 (and "ĳ" into "ij", "ﬁ" into "fi"), then the
# combining marks (U+0300-U+036F) are dropped: every accented Latin letter is covered, four times
# faster than translate() over a list of them (measured on 40,000 names). normalize() needs a
# UTF8 database (every one we create is). Case is folded after the accents are
# gone, so a database with the "C" collation, whose lower() leaves "É" alone, folds it too.
COMBINING_MARKS = "[\\u0300-\\u036f]"
# What NFKD leaves whole: ligatures become two letters, stroked letters one.
LIGATURES = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"), ("ẞ", "ss"))
STROKED, UNSTROKED = "øØłŁđĐðÐħĦŧŦı", "oollddddhhtti"
assert len(STROKED) == len(UNSTROKED)


def unaccent_function_sql() -> str:
    folded = (
        "pg_catalog.lower(pg_catalog.regexp_replace("
        f"pg_catalog.normalize(value, 'NFKD'), '{COMBINING_MARKS}', '', 'g'))"
    )
    for letter, letters in LIGATURES:
        folded = f"pg_catalog.replace({folded}, '{letter}', '{letters}')"
    # PL/pgSQL rather than SQL: a SQL function would be inlined and lose its COST, and the
    # planner, thinking the folding free, would then prefer a sequential scan to the indexes.
    # Every call is schema-qualified: the body must not depend on the search_path (pg_dump
    # restores with an empty one).
    return (
        "CREATE OR REPLACE FUNCTION omlot_unaccent(value text) RETURNS text "
        "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 200 AS $$ BEGIN "
        f"RETURN pg_catalog.translate({folded}, '{STROKED}', '{UNSTROKED}'); END $$;"
    )


def product_search_vector():
    """The expression of `Product.search_vector` as this migration created it."""
    vector = None
    for fields, weight in (
        (("name",), "A"),
        (("description",), "B"),
        (("ingredients", "origin"), "C"),
    ):
        french = SearchVector(*(Unaccent(F(f)) for f in fields), config="french", weight=weight)
        english = SearchVector(
            *(Unaccent(KT(f"translations__en__{f}")) for f in fields),
            config="english",
            weight=weight,
        )
        vector = french + english if vector is None else vector + french + english
    return vector


def trigram_available(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def create_pg_trgm(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        available = cursor.fetchone() is not None
    if available:
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def product_names():
    english_name = Coalesce(KT("translations__en__name"), Value(""), output_field=TextField())
    return Unaccent(Concat(F("name"), Value(" "), english_name, output_field=TextField()))


def seller_names():
    return Unaccent(Concat(F("name"), Value(" "), F("town"), output_field=TextField()))


def trigram_indexes(apps):
    """(model, index) on the expressions catalogue.models.search_vector builds."""
    return [
        (
            apps.get_model("catalogue", "Product"),
            GinIndex(
                OpClass(product_names(), name="gin_trgm_ops"), name="catalogue_product_name_trgm"
            ),
        ),
        (
            apps.get_model("catalogue", "Seller"),
            GinIndex(
                OpClass(seller_names(), name="gin_trgm_ops"), name="catalogue_seller_name_trgm"
            ),
        ),
    ]


def add_trigram_indexes(apps, schema_editor):
    if trigram_available(schema_editor):
        for model, index in trigram_indexes(apps):
            schema_editor.add_index(model, index)


def remove_trigram_indexes(apps, schema_editor):
    for _model, index in trigram_indexes(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index.name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_quality_signs"),
    ]

    operations = [
        migrations.RunSQL(
            sql=unaccent_function_sql(), reverse_sql="DROP FUNCTION IF EXISTS omlot_unaccent(text);"
        ),
        migrations.RunPython(create_pg_trgm, migrations.RunPython.noop),
        migrations.AddField(
            model_name="product",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=product_search_vector(),
                output_field=SearchVectorField(),
                verbose_name="search vector",
            ),
        ),
        migrations.AddIndex(
            model_name="product",
            index=GinIndex(fields=["search_vector"], name="catalogue_product_search"),
        ),
        migrations.AddIndex(
            model_name="seller",
            index=GinIndex(
                SearchVector(seller_names(), config="simple"), name="catalogue_seller_search"
            ),
        ),
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes),
    ]
